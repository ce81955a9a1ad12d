package com.partnerline.orders;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import com.partnerline.support.Api;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the processors' way in refuses before it reads or stores anything (bodies too
 * large, other content types, unsigned or forged times, control characters), and what
 * makes two deliveries the same one.
 */
class OrderIntakeLimitsIntegrationTest extends IntegrationTest {

	private static final String PATH = "/api/v1/vendors/%s/orders";

	private Api.Response send(TestVendor vendor, String body, String contentType, long timestamp) {
		return api
			.header("X-Partnerline-Signature",
					ProcessorSignature.header(vendor.processorSecret(), timestamp, body.getBytes(StandardCharsets.UTF_8)))
			.send("POST", PATH.formatted(vendor.slug()), body, contentType);
	}

	private Api.Response order(TestVendor vendor, String body) {
		return send(vendor, body, "application/json", Instant.now().getEpochSecond());
	}

	private long count(TestVendor vendor) {
		return jdbc.sql("SELECT count(*) FROM orders o JOIN vendors v ON v.id = o.vendor_id WHERE v.slug = ?")
			.param(vendor.slug())
			.query(Long.class)
			.single();
	}

	/** Sends a request head and as much of a body as the server takes; returns the status line. */
	private String raw(String head, byte[] body) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			try {
				out.write(body);
				out.flush();
			}
			catch (IOException closedByServer) {
				// the server answered and closed before taking it all: the answer is what counts
			}
			byte[] answer = socket.getInputStream().readNBytes(12);
			return new String(answer, StandardCharsets.US_ASCII);
		}
	}

	@Test
	void refusesABodyLargerThanTheLimitFromItsDeclaredLengthWithoutWaitingForIt() throws Exception {
		TestVendor vendor = newVendor();
		String head = "POST " + PATH.formatted(vendor.slug()) + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nX-Partnerline-Signature: t=1,v1=00\r\n"
				+ "Content-Length: 1200000000\r\n\r\n";
		long started = System.nanoTime();
		assertThat(raw(head, new byte[0])).isEqualTo("HTTP/1.1 413");
		assertThat(System.nanoTime() - started).as("no wait for the body").isLessThan(5_000_000_000L);
	}

	@Test
	void refusesAChunkedBodyAsItGoesBeyondTheLimitBeforeCheckingItsSignature() throws Exception {
		TestVendor vendor = newVendor();
		String head = "POST " + PATH.formatted(vendor.slug()) + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nX-Partnerline-Signature: t=1,v1=00\r\n"
				+ "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
		byte[] chunk = new byte[64 * 1024];
		Arrays.fill(chunk, (byte) ' ');
		byte[] chunkHead = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
		var body = new java.io.ByteArrayOutputStream();
		for (int i = 0; i < 17; i++) {
			body.write(chunkHead);
			body.write(chunk);
			body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		body.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(raw(head, body.toByteArray())).as("17 × 64 KiB").isEqualTo("HTTP/1.1 413");
	}

	@Test
	void takesJsonOnly() {
		TestVendor vendor = newVendor();
		String body = OrderIntakeIntegrationTest.body("T-1", Instant.now().toString(), "USD", "t@example.net", "10", "");
		long now = Instant.now().getEpochSecond();
		Api.Response text = send(vendor, body, "text/plain", now);
		assertThat(text.status()).isEqualTo(415);
		assertThat(text.header("Content-Type")).startsWith("application/problem+json");
		assertThat(send(vendor, body, "application/x-www-form-urlencoded", now).status()).isEqualTo(415);
		assertThat(count(vendor)).isZero();
		assertThat(send(vendor, body, "application/json; charset=utf-8", now).status()).isEqualTo(201);
	}

	@Test
	void refusesATimeSoFarAwayThatItsDistanceOverflows() {
		TestVendor vendor = newVendor();
		String body = OrderIntakeIntegrationTest.body("F-1", Instant.now().toString(), "USD", "f@example.net", "10", "");
		// now - (MIN_VALUE + now) is MIN_VALUE again, and Math.abs(MIN_VALUE) is negative
		Api.Response forged = send(vendor, body, "application/json", Long.MIN_VALUE + Instant.now().getEpochSecond());
		assertThat(forged.status()).isEqualTo(401);
		assertThat(count(vendor)).isZero();
	}

	@Test
	void refusesIdsWithControlCharactersInsteadOfTrimmingThem() {
		TestVendor vendor = newVendor();
		String body = OrderIntakeIntegrationTest.body("X-1\\n", Instant.now().toString(), "USD", "x@example.net", "10",
				"");
		Api.Response refused = order(vendor, body);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactly("orderId");
		assertThat(order(vendor, body.replace("X-1\\n", "\\u0000X-1")).errorFields()).containsExactly("orderId");
		assertThat(count(vendor)).isZero();
		assertThat(order(vendor, body.replace("X-1\\n", "X-1")).status()).isEqualTo(201);

		String refund = "{\"refundId\":\"R-1\",\"amount\":\"1\"}";
		Api.Response refundRefused = api
			.header("X-Partnerline-Signature", ProcessorSignature.header(vendor.processorSecret(),
					Instant.now().getEpochSecond(), refund.getBytes(StandardCharsets.UTF_8)))
			.send("POST", PATH.formatted(vendor.slug()) + "/X-1%09/refunds", refund, "application/json");
		assertThat(refundRefused.status()).as("refused by the firewall before any handler").isEqualTo(400);
	}

	@Test
	void aRedeliveryIsTheSameWhateverItsKeyOrderAndWhitespace() {
		TestVendor vendor = newVendor();
		String at = Instant.now().toString();
		String body = """
				{"orderId":"K-1","occurredAt":"%s","currency":"USD","customer":{"email":"k@example.net","country":"DE"},
				 "items":[{"sku":"PROD","quantity":2,"unitPrice":"10.50"}],"referral":{}}""".formatted(at);
		String reordered = """
				{ "referral" : { },
				  "items" : [ { "unitPrice" : 10.5, "quantity" : 2, "sku" : "PROD" } ],
				  "customer" : { "country" : "DE", "email" : "k@example.net" },
				  "currency" : "USD", "occurredAt" : "%s", "orderId" : "K-1" }""".formatted(at);
		assertThat(order(vendor, body).status()).isEqualTo(201);
		assertThat(order(vendor, reordered).status()).isEqualTo(200);
		assertThat(order(vendor, reordered.replace("\"quantity\" : 2", "\"quantity\" : 3")).status()).isEqualTo(409);
		assertThat(count(vendor)).isEqualTo(1);
	}

	@Test
	void anOrderThroughALinkCodeKeepsTheLinksSubId() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String code = partner.api()
			.post("/api/v1/partner/links", map("vendor", vendor.slug(), "sku", "PROD", "subId", "spring-mail"))
			.json()
			.path("code")
			.asString();
		String body = OrderIntakeIntegrationTest.body("L-1", Instant.now().toString(), "USD", "l@example.net", "10",
				"\"linkCode\":\"" + code + "\"");
		assertThat(order(vendor, body).status()).isEqualTo(201);
		assertThat(jdbc.sql("""
				SELECT o.attribution || ' ' || o.sub_id FROM orders o JOIN vendors v ON v.id = o.vendor_id
				WHERE v.slug = ? AND o.order_id = 'L-1'""")
			.param(vendor.slug())
			.query(String.class)
			.single()).isEqualTo("LINK spring-mail");
	}

}
