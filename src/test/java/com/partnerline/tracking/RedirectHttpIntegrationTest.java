package com.partnerline.tracking;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.partnerline.support.Api;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /r/{code}} over raw sockets, on Jetty's own HTTP stack: pipelined with other
 * paths, in pieces, and in the shapes of request smuggling, which are refused without
 * a redirect or a click for the request hidden inside.
 */
class RedirectHttpIntegrationTest extends IntegrationTest {

	@Autowired
	MeterRegistry meters;

	private static String get(String code, String... headers) {
		return "GET /r/" + code + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headers) + "\r\n";
	}

	/** A deep link to {@code page} on the vendor's site. */
	private String link(TestPartner partner, TestVendor vendor, String page) {
		Api.Response created = partner.api()
			.post("/api/v1/partner/links",
					map("vendor", vendor.slug(), "targetUrl", "https://" + vendor.slug() + ".example.com/" + page));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("code").asString();
	}

	private Map<String, Object> click(String response) {
		String location = header(response, "Location");
		String clickId = location.substring(location.indexOf("plc=") + 4);
		return jdbc.sql("SELECT * FROM clicks WHERE click_id = ?").param(clickId).query().singleRow();
	}

	private static String header(String response, String name) {
		for (String line : response.split("\r\n")) {
			if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
				return line.substring(name.length() + 1).strip();
			}
		}
		throw new AssertionError("no " + name + " in " + response);
	}

	/** Reads one response head (status line and headers, up to the empty line). */
	private static String head(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				throw new AssertionError("connection closed after " + bytes);
			}
			bytes.write(b);
			matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
					? matched + 1 : 0;
		}
		return bytes.toString(StandardCharsets.ISO_8859_1);
	}

	private static void send(Socket socket, String requests) throws IOException {
		socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket("127.0.0.1", port);
		socket.setTcpNoDelay(true);
		socket.setSoTimeout(10_000);
		return socket;
	}

	@Test
	void answersPipelinedRedirectsInOrderAndRecordsEachClick() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String first = link(partner, vendor, "first");
		String second = link(partner, vendor, "second");
		try (Socket socket = connect()) {
			send(socket, get(first) + get(second, "User-Agent: Mozilla/5.0 Firefox/140.0\r\n") + get(first));
			InputStream in = socket.getInputStream();
			String one = head(in);
			String two = head(in);
			String three = head(in);
			assertThat(one).startsWith("HTTP/1.1 302 Found\r\n").contains("Content-Length: 0\r\n", "Date: ");
			assertThat(header(one, "Location")).startsWith("https://" + vendor.slug() + ".example.com/first?plc=");
			assertThat(header(two, "Location")).startsWith("https://" + vendor.slug() + ".example.com/second?plc=");
			assertThat(header(three, "Location")).startsWith("https://" + vendor.slug() + ".example.com/first?plc=");
			assertThat(header(one, "Set-Cookie")).matches("pl_ref=\\w{18}; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax");
			assertThat(header(one, "Cache-Control")).isEqualTo("no-store");
			assertThat(click(one).get("link_code")).isEqualTo(first);
			assertThat(click(one).get("counted")).isEqualTo(true);
			assertThat(click(two).get("user_agent")).isEqualTo("Mozilla/5.0 Firefox/140.0");
			assertThat(click(three).get("counted")).as("same address, link and hour").isEqualTo(false);
		}
	}

	@Test
	void timesEveryAnswerForTheMetricsEndpoint() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String code = link(partner, vendor, "buy");
		Timer answers = meters.get("partnerline.redirects").timer();
		long before = answers.count();
		try (Socket socket = connect()) {
			send(socket, get(code, "Connection: close\r\n"));
			assertThat(head(socket.getInputStream())).startsWith("HTTP/1.1 302 Found");
		}
		try (Socket socket = connect()) {
			send(socket, "GET /r/" + code + " HTTP/1.0\r\n\r\n");
			assertThat(head(socket.getInputStream())).as("HTTP/1.0").startsWith("HTTP/1.1 302 Found");
		}
		assertThat(answers.count() - before).isEqualTo(2);
		assertThat(api.get("/actuator/prometheus").body()).contains("partnerline_redirects_seconds_count",
				"partnerline_redirects_seconds{quantile=\"0.99\"}");
	}

	@Test
	void waitsForARequestThatArrivesInPieces() throws Exception {
		TestVendor vendor = newVendor();
		String code = link(newPartner(vendor), vendor, "buy");
		byte[] request = get(code, "Referer: https://blog.example.org/\r\n").getBytes(StandardCharsets.US_ASCII);
		try (Socket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			for (int from = 0; from < request.length; from += 9) {
				out.write(request, from, Math.min(9, request.length - from));
				out.flush();
				Thread.sleep(5);
			}
			String response = head(socket.getInputStream());
			assertThat(response).startsWith("HTTP/1.1 302 Found");
			assertThat(click(response).get("referrer")).isEqualTo("https://blog.example.org/");
		}
	}

	@Test
	void answersHeadAndClosesWhenAsked() throws Exception {
		TestVendor vendor = newVendor();
		String code = link(newPartner(vendor), vendor, "buy");
		try (Socket socket = connect()) {
			send(socket, "HEAD /r/" + code + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
			InputStream in = socket.getInputStream();
			String response = head(in);
			assertThat(response).startsWith("HTTP/1.1 302 Found").contains("Connection: close\r\n");
			assertThat(in.read()).as("closed after the answer").isEqualTo(-1);
		}
	}

	@Test
	void answersOtherPathsOnTheSameConnectionInOrder() throws Exception {
		TestVendor vendor = newVendor();
		String code = link(newPartner(vendor), vendor, "buy");
		try (Socket socket = connect()) {
			send(socket, get(code) + get("NoSuchCode1", "Accept: text/html\r\n") + get(code, "Connection: close\r\n"));
			InputStream in = socket.getInputStream();
			assertThat(head(in)).startsWith("HTTP/1.1 302 Found");
			String rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(rest).startsWith("HTTP/1.1 404 Not Found").contains("<html");
			String afterPage = rest.substring(rest.indexOf("HTTP/1.1 302"));
			assertThat(afterPage).as("the redirect after the page")
				.contains("Location: https://" + vendor.slug() + ".example.com/buy?plc=");
		}
		try (Socket socket = connect()) {
			send(socket, "GET /r/" + code + " HTTP/1.0\r\nUser-Agent: Old/1.0\r\n\r\n");
			InputStream in = socket.getInputStream();
			String response = head(in);
			assertThat(response).startsWith("HTTP/1.1 302 Found");
			assertThat(in.read()).as("Jetty closes an HTTP/1.0 connection without keep-alive").isEqualTo(-1);
			assertThat(click(response).get("user_agent")).isEqualTo("Old/1.0");
		}
		try (Socket socket = connect()) {
			send(socket, get(code, "Host: other\r\n"));
			assertThat(head(socket.getInputStream())).as("two Host headers").startsWith("HTTP/1.1 400 ");
		}
		try (Socket socket = connect()) {
			send(socket, get(code, "Cookie: " + "x".repeat(9000) + "\r\n"));
			assertThat(head(socket.getInputStream())).startsWith("HTTP/1.1 431 ");
		}
	}

	@Test
	void believesForwardedHeadersOfAnInternalProxy() throws Exception {
		TestVendor vendor = newVendor();
		String code = link(newPartner(vendor), vendor, "buy");
		String forwarded = "X-Forwarded-For: 6.6.6.6, 203.0.113.9, 10.0.0.1\r\nX-Forwarded-Proto: https\r\n";
		try (Socket one = connect(); Socket other = connect()) {
			send(one, get(code, forwarded));
			String first = head(one.getInputStream());
			send(other, get(code, "X-Forwarded-For: 7.7.7.7, 203.0.113.9\r\n"));
			String second = head(other.getInputStream());
			assertThat(header(first, "Set-Cookie")).endsWith("; Secure");
			assertThat(click(first).get("address_hash")).isEqualTo(click(second).get("address_hash"));
			assertThat(click(second).get("counted")).as("a repeat of the same visitor").isEqualTo(false);
		}
		try (Socket socket = connect()) {
			send(socket, get(code, "X-Forwarded-Proto: https, http\r\n"));
			assertThat(header(head(socket.getInputStream()), "Set-Cookie")).as("the leftmost scheme, as Jetty reads it")
				.endsWith("; Secure");
		}
	}


	/**
	 * Sends a request of a smuggling shape with a redirect hidden in it, then a request
	 * that must be answered on its own; returns what came back.
	 */
	private String smuggle(String request) throws IOException {
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		try (Socket socket = connect()) {
			socket.setSoTimeout(3_000);
			send(socket, request);
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[4096];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				answer.write(buffer, 0, n);
			}
		}
		catch (java.net.SocketTimeoutException stillOpen) {
			// what came before the pause is the answer
		}
		return answer.toString(StandardCharsets.ISO_8859_1);
	}

	private long clicksOn(String code) {
		return jdbc.sql("SELECT count(*) FROM clicks WHERE link_code = ?").param(code).query(Long.class).single();
	}

	@Test
	void refusesTheShapesOfRequestSmugglingWithoutAnsweringWhatIsHiddenInThem() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String outer = link(partner, vendor, "outer");
		String hidden = link(partner, vendor, "hidden");
		String inner = "GET /r/" + hidden + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
		String chunkedInner = "0\r\n\r\n" + inner;
		Map<String, String> refused = Map.of(
				"Content-Length with Transfer-Encoding",
				"GET /r/" + outer + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + chunkedInner.length()
						+ "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunkedInner,
				"two Content-Lengths",
				"GET /r/" + outer + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nContent-Length: "
						+ inner.length() + "\r\n\r\n" + inner,
				"obs-fold", "GET /r/" + outer + " HTTP/1.1\r\nHost: localhost\r\nX-Note: a\r\n Content-Length: "
						+ inner.length() + "\r\n\r\n" + inner);
		for (Map.Entry<String, String> shape : refused.entrySet()) {
			String answer = smuggle(shape.getValue());
			assertThat(answer).as(shape.getKey()).startsWith("HTTP/1.1 400 ");
			assertThat(answer).as(shape.getKey() + ": nothing after the refusal").doesNotContain("HTTP/1.1 302");
		}
		assertThat(clicksOn(outer)).as("no click of a refused request").isZero();

		// RFC 9112 lets a recipient read a bare LF as the end of a line, and Jetty does: then the
		// framing is the one every reader sees, and what follows the head is the body it declares
		String bareLf = smuggle("GET /r/" + outer + " HTTP/1.1\nHost: localhost\nContent-Length: " + inner.length()
				+ "\n\n" + inner);
		assertThat(bareLf).as("bare LF: one answer, for the outer request").startsWith("HTTP/1.1 302 ");
		assertThat(bareLf.split("HTTP/1.1 ", -1)).hasSize(2);
		assertThat(bareLf).doesNotContain("/hidden");
		assertThat(clicksOn(outer)).isEqualTo(1);
		assertThat(clicksOn(hidden)).as("no click of a hidden request").isZero();
	}

	@Test
	void answersRedirectsPipelinedWithOtherPathsEachOnItsOwn() throws Exception {
		TestVendor vendor = newVendor();
		String code = link(newPartner(vendor), vendor, "buy");
		try (Socket socket = connect()) {
			send(socket, "POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: 2\r\n\r\n{}" + get(code) + "GET /actuator/health HTTP/1.1\r\nHost: localhost\r\n\r\n"
					+ get(code, "Connection: close\r\n"));
			String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
			String[] statuses = answers.lines().filter(line -> line.startsWith("HTTP/1.1 ")).toArray(String[]::new);
			assertThat(statuses).hasSize(4);
			assertThat(statuses[0]).doesNotContain("302");
			assertThat(statuses[1]).startsWith("HTTP/1.1 302");
			assertThat(statuses[2]).startsWith("HTTP/1.1 200");
			assertThat(statuses[3]).startsWith("HTTP/1.1 302");
		}
		assertThat(clicksOn(code)).isEqualTo(2);
	}

}
