package com.partnerline.tracking;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.partnerline.kernel.InternalProxies;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.HostPort;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The redirect lane: a plain HTTP/1.1 connection answers {@code GET /r/{code}} itself,
 * with its own parser for the strict subset of requests a browser sends
 * ({@link RedirectRequestParser}) and the 302 written as one buffer, instead of Jetty's
 * request machinery. Reading and parsing run on the selector thread (nothing blocks:
 * a link not cached yet is read by {@link RedirectReads}); the answer is written by the
 * click writer's thread once the click's group has committed, and only then is the
 * next request read, so pipelined requests are answered in order.
 * <p>
 * The first request that is not for the lane (another path, an unknown code, anything
 * unusual) hands the connection over to Jetty's HTTP/1.1 connection with the bytes not
 * yet answered, and Jetty serves it from then on: the lane answers only what it
 * understands completely.
 * <p>
 * Forwarded headers are honoured from internal proxies only, as for every other request
 * ({@link InternalProxies}): the client is the rightmost {@code X-Forwarded-For} address
 * that is no internal proxy, and an {@code X-Forwarded-Proto} of {@code https} makes the cookie Secure.
 */
final class RedirectConnection extends AbstractConnection.NonBlocking implements Connection.UpgradeFrom {

	private static final Logger log = LoggerFactory.getLogger(RedirectConnection.class);

	/** Creates the lane's connections on a plain HTTP/1.1 connector. */
	static final class Factory extends AbstractConnectionFactory {

		static final String PROTOCOL = "partnerline-redirect";

		private final Redirects redirects;

		private final RedirectResponses responses;

		private final int maxRequestLength;

		Factory(Redirects redirects, RedirectResponses responses, int maxRequestLength) {
			super(PROTOCOL);
			this.redirects = redirects;
			this.responses = responses;
			this.maxRequestLength = maxRequestLength;
		}

		@Override
		public Connection newConnection(Connector connector, EndPoint endPoint) {
			return configure(new RedirectConnection(connector, endPoint, this), connector, endPoint);
		}

	}

	private final Connector connector;

	private final Factory factory;

	/** Bytes read and not answered yet, in flush mode; owned by this connection (never pooled). */
	private final ByteBuffer buffer;

	/** The peer's address as Jetty's {@code Request.getRemoteAddr} gives it; null when it has none. */
	private final @Nullable String peer;

	/** Whether the peer is an internal proxy, whose forwarded headers count. */
	private final boolean proxied;

	private boolean closeAfterAnswer;

	/** {@link System#nanoTime()} when the request being answered was read. */
	private long started;

	private RedirectConnection(Connector connector, EndPoint endPoint, Factory factory) {
		super(endPoint, connector.getExecutor());
		this.connector = connector;
		this.factory = factory;
		this.buffer = BufferUtil.allocate(factory.maxRequestLength);
		SocketAddress remote = endPoint.getRemoteSocketAddress();
		InetAddress address = remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
		this.peer = address == null ? null : HostPort.normalizeHost(address.getHostAddress());
		this.proxied = InternalProxies.internal(address);
	}

	@Override
	public void onOpen() {
		super.onOpen();
		fillInterested();
	}

	@Override
	public void onFillable() {
		serveNext();
	}

	/** Answers the next buffered request, reading more while it is incomplete. */
	private void serveNext() {
		try {
			while (true) {
				ParsedRequest parsed = RedirectRequestParser.parse(buffer.array(),
						buffer.arrayOffset() + buffer.position(), buffer.arrayOffset() + buffer.limit(),
						factory.maxRequestLength);
				if (parsed instanceof RedirectRequest request) {
					serve(request);
					return;
				}
				if (parsed == ParsedRequest.Undecided.OTHER) {
					handOver();
					return;
				}
				if (BufferUtil.space(buffer) == 0) {
					BufferUtil.compact(buffer);
				}
				int filled = getEndPoint().fill(buffer);
				if (filled < 0) {
					getEndPoint().close();
					return;
				}
				if (filled == 0) {
					fillInterested();
					return;
				}
			}
		}
		catch (Throwable failure) {
			log.debug("Redirect connection failed", failure);
			getEndPoint().close(failure);
		}
	}

	private void serve(RedirectRequest request) {
		started = System.nanoTime();
		Redirects.Target target = factory.redirects.cached(request.code());
		if (target != null) {
			serve(request, target);
			return;
		}
		// the first visit of a link on this node waits for the link to be read, in a group
		// with others (no thread waits for it); what reading completes continues on the
		// reads' thread, except a hand-over to Jetty, which may serve on the calling thread
		CompletableFuture<Redirects.@Nullable Target> lookup;
		try {
			lookup = factory.redirects.lookup(request.code());
		}
		catch (IllegalStateException ex) {
			unavailable(request, ex);
			return;
		}
		lookup.whenComplete((loaded, failure) -> {
			if (failure != null) {
				unavailable(request, failure);
			}
			else if (loaded == null) {
				getExecutor().execute(this::handOver);
			}
			else {
				serve(request, loaded);
			}
		});
	}

	/** The link could not be read: answered like a click that could not be stored, the client may try again. */
	private void unavailable(RedirectRequest request, Throwable failure) {
		Redirects.notRecorded(request.code(), failure);
		consume(request);
		answer(factory.responses.unavailable(closeAfterAnswer));
	}

	private void consume(RedirectRequest request) {
		buffer.position(buffer.position() + request.length());
		closeAfterAnswer = request.close();
	}

	private void serve(RedirectRequest request, Redirects.Target target) {
		String forwardedProto = request.forwardedProto();
		boolean secure = proxied && forwardedProto != null && forwardedProto.equalsIgnoreCase("https");
		String address = proxied && request.forwardedFor() != null ? forwardedClient(request.forwardedFor())
				: peer;
		// anything but one IPv4 client and one scheme is left to Jetty's forwarding rules
		if (address == null || proxied && forwardedProto != null && forwardedProto.indexOf(',') >= 0) {
			handOver();
			return;
		}
		consume(request);
		Redirects.Visit visit;
		try {
			visit = factory.redirects.visit(target, address, request.userAgent(), request.referrer(), secure);
		}
		catch (IllegalStateException ex) {
			Redirects.notRecorded(target.code(), ex);
			answer(factory.responses.unavailable(closeAfterAnswer));
			return;
		}
		visit.recorded().whenComplete((committed, failure) -> {
			if (failure != null) {
				Redirects.notRecorded(visit.code(), failure);
				answer(factory.responses.unavailable(closeAfterAnswer));
			}
			else {
				answer(factory.responses.found(visit.location(), visit.cookie(), closeAfterAnswer));
			}
		});
	}

	private void answer(ByteBuffer response) {
		// counted before the write, which may go on to serve the next request
		factory.redirects.answered(started);
		getEndPoint().write(Callback.from(this::answered, this::writeFailed), response);
	}

	private void answered() {
		if (closeAfterAnswer) {
			getEndPoint().close();
		}
		else if (buffer.hasRemaining()) {
			serveNext();
		}
		else {
			BufferUtil.clear(buffer);
			fillInterested();
		}
	}

	private void writeFailed(Throwable failure) {
		log.debug("Redirect answer not written", failure);
		getEndPoint().close(failure);
	}

	/** Jetty's HTTP/1.1 connection takes over, with the bytes not answered yet. */
	private void handOver() {
		ConnectionFactory http = connector.getConnectionFactory(HttpVersion.HTTP_1_1.asString());
		getEndPoint().upgrade(http.newConnection(connector, getEndPoint()));
	}

	@Override
	public @Nullable ByteBuffer onUpgradeFrom() {
		if (!buffer.hasRemaining()) {
			return null;
		}
		ByteBuffer unanswered = BufferUtil.allocate(buffer.remaining());
		BufferUtil.append(unanswered, buffer);
		return unanswered;
	}

	/**
	 * The client of an {@code X-Forwarded-For} chain when it is an IPv4 literal, written
	 * as Jetty's forwarding customizer gives it; null (Jetty's to answer) for anything else.
	 */
	private static @Nullable String forwardedClient(String chain) {
		String client = chain.indexOf(',') < 0 ? chain.strip()
				: InternalProxies.client(List.of(chain.split(",", -1)).stream().map(String::strip).toList());
		if (client.isEmpty() || client.length() > 15) {
			return null;
		}
		for (int i = 0; i < client.length(); i++) {
			char c = client.charAt(i);
			if (!(c >= '0' && c <= '9' || c == '.')) {
				return null;
			}
		}
		return client;
	}

}
