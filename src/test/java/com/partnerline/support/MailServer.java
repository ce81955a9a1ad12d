package com.partnerline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/**
 * One GreenMail SMTP server on 127.0.0.1 for the whole test JVM, on a port chosen
 * once, so that every integration test shares one Spring context. Tests tell their
 * mail apart by recipient (each uses unique addresses). {@link #stop()} and
 * {@link #start()} simulate a mail server outage.
 */
public final class MailServer {

	private static final int PORT = freePort();

	static final MailServer INSTANCE = new MailServer();

	private GreenMail greenMail;

	private MailServer() {
	}

	static synchronized void start() {
		INSTANCE.startServer();
	}

	private synchronized void startServer() {
		if (greenMail != null && greenMail.isRunning()) {
			return;
		}
		greenMail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
	}

	/** Starts the server again after {@link #stop()}; mail received before is forgotten. */
	public void restart() {
		startServer();
	}

	public synchronized void stop() {
		if (greenMail != null) {
			greenMail.stop();
		}
	}

	public int port() {
		return PORT;
	}

	/** The mails received so far for {@code recipient}. */
	public synchronized List<MimeMessage> to(String recipient) {
		return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
			try {
				Address[] to = message.getRecipients(Message.RecipientType.TO);
				return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
			}
			catch (Exception ex) {
				return false;
			}
		}).toList();
	}

	/** Waits for the {@code count}-th mail to {@code recipient} and returns it. */
	public MimeMessage await(String recipient, int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			List<MimeMessage> messages = to(recipient);
			if (messages.size() >= count) {
				return messages.get(count - 1);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("No mail #" + count + " to " + recipient + " within " + timeout);
	}

	public MimeMessage await(String recipient) {
		return await(recipient, 1, Duration.ofSeconds(15));
	}

	/** The text/plain part of a multipart/alternative mail. */
	public static String text(MimeMessage message) {
		return part(message, "text/plain");
	}

	public static String html(MimeMessage message) {
		return part(message, "text/html");
	}

	/** The first http(s) link in the mail's text part that contains {@code pathPart}. */
	public static String link(MimeMessage message, String pathPart) {
		Matcher matcher = Pattern.compile("https?://\\S+").matcher(text(message));
		while (matcher.find()) {
			if (matcher.group().contains(pathPart)) {
				return matcher.group();
			}
		}
		throw new AssertionError("No link with " + pathPart + " in " + text(message));
	}

	/** The {@code token} query parameter of the mail's link to {@code pathPart}. */
	public static String token(MimeMessage message, String pathPart) {
		String link = link(message, pathPart);
		return link.substring(link.indexOf("token=") + "token=".length());
	}

	private static String part(MimeMessage message, String type) {
		try {
			String found = find(message.getContent(), type);
			if (found == null) {
				throw new AssertionError("No " + type + " part");
			}
			return found;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String find(Object content, String type) throws IOException, jakarta.mail.MessagingException {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				if (part.isMimeType(type)) {
					return part.getContent().toString();
				}
				String nested = find(part.getContent(), type);
				if (nested != null) {
					return nested;
				}
			}
		}
		return null;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
