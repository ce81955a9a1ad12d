package com.partnerline.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for tests: the JDK's own HTTP server on loopback. It keeps every
 * request it got and answers with the statuses it was told, then 200.
 */
final class Receiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

	private final Deque<Integer> statuses = new ConcurrentLinkedDeque<>();

	private volatile long delayMillis;

	Receiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			requests.add(new Request(exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("X-Partnerline-Signature"),
					new String(body, StandardCharsets.UTF_8)));
			try {
				Thread.sleep(delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			Integer status = statuses.poll();
			exchange.sendResponseHeaders(status == null ? 200 : status, -1);
			exchange.close();
		});
		server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	/** The next answers, in order; 200 after them. */
	Receiver failWith(int... codes) {
		for (int code : codes) {
			statuses.add(code);
		}
		return this;
	}

	Receiver slow(long millis) {
		this.delayMillis = millis;
		return this;
	}

	List<Request> requests() {
		synchronized (requests) {
			return List.copyOf(requests);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
	}

	record Request(String path, String signature, String body) {
	}

}
