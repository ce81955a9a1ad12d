package com.partnerline.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unauthenticated clients cannot stop the server: a body over the limit is refused
 * before it is read (413, from {@code Content-Length}, and while a chunked body
 * streams), and a few hundred connections that send their bodies a byte at a time
 * hold no request thread, so the app keeps answering everybody else.
 */
class HostileConnectionsIntegrationTest extends IntegrationTest {

	@Test
	void declaredBodiesOverTheLimitsAreRefusedBeforeTheyAreRead() throws Exception {
		// over the server's limit, on any address
		String huge = answerToHeaders("POST /api/v1/signup HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nContent-Length: 1288490188\r\n\r\n");
		assertTooLarge(huge);
		// over a JSON document's limit, well under the server's
		assertTooLarge(answerToHeaders("POST /api/v1/signup HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nContent-Length: 300000\r\n\r\n"));
		// over a form's limit
		assertTooLarge(answerToHeaders("POST /login HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"));
		// an upload to Spring MVC over its multipart limit (the scanner streams its own, larger ones)
		assertTooLarge(answerToHeaders("POST /api/v1/signup HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 40000000\r\n\r\n"));
	}

	@Test
	void aChunkedBodyIsRefusedWhenItPassesTheLimit() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/signup HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = ("4000\r\n" + "[".repeat(0) + " ".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
			long sent = 0;
			try {
				// up to 64 MiB; the server must have answered long before
				while (sent < 64L * 1024 * 1024) {
					out.write(chunk);
					sent += 0x4000;
				}
			}
			catch (IOException closedByTheServer) {
				// the server refused and closed while the body was still coming: what we want
			}
			assertThat(sent).isLessThan(64L * 1024 * 1024);
			assertTooLarge(read(socket.getInputStream()));
		}
	}

	@Test
	void hundredsOfSlowBodiesDoNotStopTheAppAnsweringOthers() throws Exception {
		List<Socket> slow = new ArrayList<>();
		HttpClient others = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		long started = System.nanoTime();
		try {
			for (int i = 0; i < 300; i++) {
				Socket socket = new Socket("127.0.0.1", port);
				socket.setSoTimeout(1_000);
				socket.getOutputStream()
					.write(("POST /api/v1/signup HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
							+ "Content-Length: 2000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
				slow.add(socket);
			}
			int answered = 0;
			long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while (System.nanoTime() < until) {
				// one more byte on every slow connection that is still open
				for (Socket socket : slow) {
					try {
						socket.getOutputStream().write(' ');
					}
					catch (IOException dropped) {
						// the server dropped it for being too slow
					}
				}
				for (String path : new String[] { "/api/v1/vendors", "/actuator/health", "/api/v1/terms" }) {
					HttpResponse<String> response = others.send(
							HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
								.timeout(Duration.ofSeconds(5))
								.build(),
							HttpResponse.BodyHandlers.ofString());
					assertThat(response.statusCode()).as(path).isEqualTo(200);
					answered++;
				}
				Thread.sleep(2_000);
			}
			assertThat(answered).isGreaterThanOrEqualTo(15);
			// the slow ones were dropped: a few seconds of grace, then 408 or a closed connection
			int dropped = 0;
			for (Socket socket : slow) {
				try {
					socket.getOutputStream().write(' ');
					String answer = read(socket.getInputStream());
					if (answer.isEmpty() || answer.startsWith("HTTP/1.1 408")) {
						dropped++;
					}
				}
				catch (IOException closed) {
					dropped++;
				}
			}
			assertThat(dropped).isEqualTo(slow.size());
		}
		finally {
			for (Socket socket : slow) {
				socket.close();
			}
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
	}

	private String answerToHeaders(String headers) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(headers.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			// no body is sent: the answer must come from the headers alone
			return read(socket.getInputStream());
		}
	}

	/** What the server answered until it closed, or until it went quiet for a moment. */
	private static String read(InputStream in) throws IOException {
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			int n;
			while ((n = in.read(buffer)) > 0) {
				answer.write(buffer, 0, n);
				if (answer.toString(StandardCharsets.UTF_8).contains("}")) {
					break;
				}
			}
		}
		catch (java.net.SocketTimeoutException quiet) {
			// nothing more for now
		}
		return answer.toString(StandardCharsets.UTF_8);
	}

	private static void assertTooLarge(String answer) {
		assertThat(answer).startsWith("HTTP/1.1 413");
		assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json")
			.contains("\"type\":\"https://partnerline.dev/problems/content-too-large\"")
			.contains("\"status\":413");
	}

}
