package com.partnerline.scanner;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.springframework.scheduling.TaskScheduler;

/**
 * A client of clamd's documented socket protocol ({@code man clamd}): commands in the
 * {@code z} form (NUL-terminated), and {@code INSTREAM}, where the data follows as
 * chunks, each prefixed with its length as a 4-byte big-endian number, ended by a
 * zero length; clamd then answers {@code stream: OK} or {@code stream: <name> FOUND}.
 * <p>
 * Blocking channels do not time out by themselves (and Unix sockets have no
 * {@code SO_TIMEOUT}), so each conversation is bounded by closing its channel when
 * its deadline passes; the blocked read or write then fails.
 */
final class Clamd {

	/** Largest reply read from clamd; its answers are one short line. */
	private static final int MAX_REPLY = 8192;

	private final ClamdAddress address;

	private final Duration connectTimeout;

	private final TaskScheduler scheduler;

	private final Clock clock;

	Clamd(ClamdAddress address, Duration connectTimeout, TaskScheduler scheduler, Clock clock) {
		this.address = address;
		this.connectTimeout = connectTimeout;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	ClamdAddress address() {
		return address;
	}

	/** Sends a command such as {@code PING} or {@code VERSION} and returns clamd's answer. */
	String command(String name, Duration timeout) throws IOException {
		try (Conversation conversation = open(timeout)) {
			conversation.writeFully(ByteBuffer.wrap(("z" + name + "\0").getBytes(StandardCharsets.US_ASCII)));
			return conversation.readReply();
		}
	}

	/** Starts an {@code INSTREAM} scan; the caller writes the data and then {@link Instream#finish()}es it. */
	Instream instream(Duration timeout) throws IOException {
		Conversation conversation = open(timeout);
		try {
			conversation.writeFully(ByteBuffer.wrap("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII)));
			return new Instream(conversation);
		}
		catch (IOException ex) {
			conversation.close();
			throw ex;
		}
	}

	private Conversation open(Duration timeout) throws IOException {
		SocketChannel channel = address.connect(connectTimeout);
		ScheduledFuture<?> deadline = scheduler.schedule(() -> closeQuietly(channel), clock.instant().plus(timeout));
		return new Conversation(channel, deadline);
	}

	private static void closeQuietly(SocketChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// closing to end a conversation that ran out of time; nothing else to do
		}
	}

	/** One connection to clamd, closed at its deadline at the latest. */
	static final class Conversation implements Closeable {

		private final SocketChannel channel;

		private final ScheduledFuture<?> deadline;

		Conversation(SocketChannel channel, ScheduledFuture<?> deadline) {
			this.channel = channel;
			this.deadline = deadline;
		}

		void writeFully(ByteBuffer... buffers) throws IOException {
			long remaining = 0;
			for (ByteBuffer buffer : buffers) {
				remaining += buffer.remaining();
			}
			while (remaining > 0) {
				remaining -= channel.write(buffers);
			}
		}

		/** Reads up to the NUL that ends a {@code z}-command's answer, or to the end of the stream. */
		String readReply() throws IOException {
			ByteArrayOutputStream reply = new ByteArrayOutputStream();
			ByteBuffer buffer = ByteBuffer.allocate(512);
			while (reply.size() < MAX_REPLY) {
				buffer.clear();
				int read = channel.read(buffer);
				if (read < 0) {
					break;
				}
				buffer.flip();
				while (buffer.hasRemaining()) {
					byte b = buffer.get();
					if (b == 0) {
						return reply.toString(StandardCharsets.UTF_8).trim();
					}
					reply.write(b);
				}
			}
			if (reply.size() == 0) {
				throw new IOException("clamd closed the connection without an answer");
			}
			return reply.toString(StandardCharsets.UTF_8).trim();
		}

		@Override
		public void close() {
			deadline.cancel(false);
			closeQuietly(channel);
		}

	}

	/** The data side of an {@code INSTREAM} scan. */
	static final class Instream implements Closeable {

		private final Conversation conversation;

		private final ByteBuffer length = ByteBuffer.allocate(4);

		Instream(Conversation conversation) {
			this.conversation = conversation;
		}

		/** Sends {@code count} bytes of {@code data} as one chunk. */
		void write(byte[] data, int offset, int count) throws IOException {
			if (count == 0) {
				return;
			}
			length.clear();
			length.putInt(count).flip();
			conversation.writeFully(length, ByteBuffer.wrap(data, offset, count));
		}

		/** Ends the data and returns clamd's verdict. */
		Reply finish() throws IOException {
			length.clear();
			length.putInt(0).flip();
			conversation.writeFully(length);
			return Reply.parse(conversation.readReply());
		}

		/**
		 * clamd's answer when it stopped reading early (it closes the connection after
		 * {@code INSTREAM size limit exceeded}); a write then fails with a broken pipe.
		 */
		String replyAfterFailedWrite() {
			try {
				return conversation.readReply();
			}
			catch (IOException ex) {
				return "";
			}
		}

		@Override
		public void close() {
			conversation.close();
		}

	}

	/**
	 * clamd's answer to {@code INSTREAM}: {@code stream: OK}, one line
	 * {@code stream: <threat> FOUND} per threat, or an error such as
	 * {@code INSTREAM size limit exceeded. ERROR}, which is no verdict at all.
	 */
	record Reply(boolean clean, List<String> threats, String raw) {

		static Reply parse(String raw) {
			List<String> threats = new ArrayList<>();
			boolean ok = false;
			for (String line : raw.split("[\\n\\x00]")) {
				String text = line.trim();
				if (text.startsWith("stream:")) {
					text = text.substring("stream:".length()).trim();
				}
				if (text.equals("OK")) {
					ok = true;
				}
				else if (text.endsWith(" FOUND")) {
					threats.add(text.substring(0, text.length() - " FOUND".length()).trim());
				}
			}
			if (!ok && threats.isEmpty()) {
				throw new EngineFailure("clamd gave no verdict: " + raw);
			}
			return new Reply(threats.isEmpty(), List.copyOf(threats), raw);
		}

	}

	/** clamd answered, but not with a verdict (an error of the engine). */
	static final class EngineFailure extends RuntimeException {

		EngineFailure(String message) {
			super(message);
		}

	}

}
