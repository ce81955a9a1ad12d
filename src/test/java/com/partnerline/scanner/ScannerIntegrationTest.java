package com.partnerline.scanner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.partnerline.support.Api;
import com.partnerline.support.ClamdServer;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code POST /api/v1/scan} against the real clamd of the tests (docs/api.md). */
class ScannerIntegrationTest extends IntegrationTest {

	@Autowired
	ThreatDetectionsHeard detections;

	private Uploads uploads() {
		return new Uploads(port, Uploads.newClient());
	}

	@Test
	void detectsTheEicarTestFileAndKeepsTheScanForThePartner() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		byte[] eicar = ClamdServer.EICAR.getBytes(StandardCharsets.US_ASCII);

		Api.Response response = uploads().field("partner", partner.code()).scan("eicar.com", eicar);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		var json = response.json();
		assertThat(json.path("verdict").asString()).isEqualTo("INFECTED");
		assertThat(json.path("threats").get(0).asString()).startsWith("Eicar-Test");
		assertThat(json.path("sha256").asString()).isEqualTo(sha256(eicar));
		assertThat(json.path("bytes").asLong()).isEqualTo(68);
		assertThat(json.path("engine").asString()).startsWith("ClamAV 1.");
		assertThat(json.has("signatures")).isTrue();
		assertThat(json.path("elapsedMs").asLong()).isGreaterThanOrEqualTo(0);

		var kept = jdbc.sql("SELECT partner_code, vendor_id, verdict, bytes, threats[1] AS threat FROM scans WHERE sha256 = ? AND partner_id = ?::uuid")
			.params(sha256(eicar), partner.id())
			.query()
			.singleRow();
		assertThat(kept.get("partner_code")).isEqualTo(partner.code());
		assertThat(kept.get("verdict")).isEqualTo("INFECTED");
		assertThat(((Number) kept.get("bytes")).longValue()).isEqualTo(68);
		assertThat((String) kept.get("threat")).startsWith("Eicar-Test");
		assertThat(kept.get("vendor_id")).isNotNull();

		String hash = sha256(eicar);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> detections.heard()
				.stream()
				.anyMatch(d -> d.sha256().equals(hash) && partner.id().equals(String.valueOf(d.partnerId()))));
		ThreatDetected heard = detections.heard()
			.stream()
			.filter(d -> partner.id().equals(String.valueOf(d.partnerId())))
			.findFirst()
			.orElseThrow();
		assertThat(heard.threats()).anyMatch(name -> name.startsWith("Eicar-Test"));
		assertThat(heard.vendorId()).isNotNull();
	}

	@Test
	void detectsTheEicarTestFileInsideAZip() throws Exception {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("readme.txt"));
			out.write("nothing to see here\n".repeat(100).getBytes(StandardCharsets.US_ASCII));
			out.putNextEntry(new ZipEntry("tools/eicar.com"));
			out.write(ClamdServer.EICAR.getBytes(StandardCharsets.US_ASCII));
		}

		Api.Response response = uploads().scan("archive.zip", zip.toByteArray());

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("verdict").asString()).isEqualTo("INFECTED");
		assertThat(response.json().path("threats").toString()).contains("Eicar-Test");
	}

	@Test
	void detectsTheTestsOwnSignatureInTheMiddleOfALargerFile() {
		byte[] file = ("x".repeat(300_000) + ClamdServer.OWN_MARKER + "y".repeat(300_000))
			.getBytes(StandardCharsets.US_ASCII);

		Api.Response response = uploads().scan("setup.bin", file);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("verdict").asString()).isEqualTo("INFECTED");
		assertThat(response.json().path("threats").get(0).asString()).startsWith("Partnerline-Test-Marker");
		assertThat(response.json().path("bytes").asLong()).isEqualTo(file.length);
	}

	@Test
	void findsACleanFileClean() throws Exception {
		byte[] clean = "An ordinary text file, nothing else.\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);

		Api.Response response = uploads().scan("notes.txt", clean);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("verdict").asString()).isEqualTo("CLEAN");
		assertThat(response.json().path("threats").size()).isZero();
		assertThat(response.json().path("sha256").asString()).isEqualTo(sha256(clean));
		assertThat(response.json().path("bytes").asLong()).isEqualTo(clean.length);
		assertThat(jdbc.sql("SELECT count(*) FROM scans WHERE sha256 = ? AND verdict = 'CLEAN'")
			.param(sha256(clean))
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void refusesAnAnnouncedUploadOverTheLimitBeforeReadingIt() throws Exception {
		long announced = 150L * 1024 * 1024;
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/scan HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: " + Uploads.newClient()
					+ "\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: " + announced
					+ "\r\n\r\n--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.iso\"\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// nothing more of the 150 MB is sent: the answer must come anyway
			String head = readHead(socket.getInputStream());
			assertThat(head).startsWith("HTTP/1.1 413");
			assertThat(head.toLowerCase()).contains("application/problem+json");
		}
	}

	@Test
	void refusesAStreamedUploadOnceItPassesTheLimitWithoutReadingTheRest() throws Exception {
		long limit = 100L * 1024 * 1024;
		long offered = 3 * limit;
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/scan HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: " + Uploads.newClient()
					+ "\r\nContent-Type: multipart/form-data; boundary=xyz\r\nTransfer-Encoding: chunked\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			long[] sent = new long[1];
			Thread writer = new Thread(() -> {
				byte[] chunk = new byte[256 * 1024];
				java.util.Arrays.fill(chunk, (byte) 'a');
				byte[] start = "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big\"\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII);
				try {
					out.write((Integer.toHexString(start.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
					out.write(start);
					out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
					while (sent[0] < offered) {
						out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
						out.write(chunk);
						out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
						sent[0] += chunk.length;
					}
				}
				catch (IOException ex) {
					// the server stopped reading and closed: what this test expects
				}
			});
			writer.start();
			String head = readHead(socket.getInputStream());
			writer.join(30_000);
			assertThat(head).startsWith("HTTP/1.1 413");
			// read up to the limit (and what socket buffers held), far from the whole upload
			assertThat(sent[0]).isLessThan(limit + 32L * 1024 * 1024);
		}
	}

	@Test
	void namesTheMissingFilePart() {
		Api.Response response = api.header("X-Forwarded-For", Uploads.newClient())
			.send("POST", "/api/v1/scan", "--xyz\r\nContent-Disposition: form-data; name=\"partner\"\r\n\r\ndemo\r\n--xyz--\r\n",
					"multipart/form-data; boundary=xyz");
		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.errorFields()).containsExactly("file");

		Api.Response notMultipart = api.header("X-Forwarded-For", Uploads.newClient())
			.post("/api/v1/scan", map("file", "x"));
		assertThat(notMultipart.status()).isEqualTo(422);
		assertThat(notMultipart.errorFields()).containsExactly("file");
	}

	@Test
	void scansWithoutAPartnerOrWithAnUnknownCodeAreKeptUnattributed() {
		byte[] file = ("unattributed " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
		Api.Response response = uploads().field("partner", "no-such-partner").scan("a.txt", file);
		assertThat(response.status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT count(*) FROM scans WHERE sha256 = ? AND partner_id IS NULL")
			.param(response.json().path("sha256").asString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) >= 0) {
			head.write(b);
			String text = head.toString(StandardCharsets.US_ASCII);
			if (text.endsWith("\r\n\r\n")) {
				return text;
			}
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
