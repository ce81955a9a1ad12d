package com.partnerline.scanner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.partnerline.support.Api;

/** Multipart uploads to {@code POST /api/v1/scan} over a real socket, small ones in memory and large ones streamed. */
final class Uploads {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final String client;

	private final Map<String, String> fields = new LinkedHashMap<>();

	/** @param client the client address the app sees (sent as X-Forwarded-For from loopback, an internal proxy) */
	Uploads(int port, String client) {
		this.baseUrl = "http://127.0.0.1:" + port;
		this.client = client;
	}

	Uploads field(String name, String value) {
		fields.put(name, value);
		return this;
	}

	Api.Response scan(String fileName, byte[] content) {
		return scan(fileName, new java.io.ByteArrayInputStream(content), content.length);
	}

	/** Streams {@code length} bytes of {@code content} as the part {@code file} (chunked, no length announced when negative). */
	Api.Response scan(String fileName, InputStream content, long length) {
		String boundary = "----partnerline" + UUID.randomUUID();
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		fields.forEach((name, value) -> head.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		head.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] headBytes = head.toByteArray();
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(
				() -> new SequenceInputStream(java.util.Collections.enumeration(java.util.List.of(
						new java.io.ByteArrayInputStream(headBytes), content, new java.io.ByteArrayInputStream(tail)))));
		if (length >= 0) {
			body = HttpRequest.BodyPublishers.fromPublisher(body, headBytes.length + length + tail.length);
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/scan"))
			.timeout(Duration.ofSeconds(120))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-Forwarded-For", client)
			.POST(body)
			.build();
		try {
			HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
			return new Api.Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new IllegalStateException("scan upload failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** {@code length} bytes of a repeating pattern, made as they are read (never held whole). */
	static InputStream generated(long length) {
		return new InputStream() {

			private long remaining = length;

			@Override
			public int read() {
				if (remaining <= 0) {
					return -1;
				}
				remaining--;
				return (int) (remaining % 251);
			}

			@Override
			public int read(byte[] buffer, int offset, int count) {
				if (remaining <= 0) {
					return -1;
				}
				int n = (int) Math.min(count, remaining);
				for (int i = 0; i < n; i++) {
					buffer[offset + i] = (byte) ((remaining - i) % 251);
				}
				remaining -= n;
				return n;
			}
		};
	}

	/** A client address of the documentation range no other test uses. */
	static String newClient() {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		return "198.51." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
	}

}
