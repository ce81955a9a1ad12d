package com.partnerline.communication;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.communication.CommunicationFixtures.Manager;
import com.partnerline.support.PageSession;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files on ticket messages through the pages' multipart forms: stored with their
 * checksum and served back byte for byte to the ticket's partner and the vendor's
 * managers only; too large, too many or of a type the bytes betray are refused whole.
 */
class TicketAttachmentsIntegrationTest extends IntegrationTest {

	static final byte[] PNG = bytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I',
			'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89 });

	static final byte[] CSV = "partner,orders\ndemo,12\nother,3\n".getBytes(StandardCharsets.UTF_8);

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	@Autowired
	AccountManagement accounts;

	@Autowired
	CatalogManagement catalog;

	@Test
	void partnerAndManagerUploadAndDownloadTheSameBytesOnlyTheyMay() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		TestPartner other = newPartner(vendor);
		Manager manager = CommunicationFixtures.manager(api, accounts, catalog, vendor);
		String panel = "/panel/programs/" + vendor.slug() + "/tickets";

		PageSession partnerSession = PageSession.login(port, partner.email(), Fixtures.PASSWORD);
		partnerSession.get(panel);
		HttpResponse<String> opened = post(partnerSession, panel,
				Map.of("subject", "Screenshot of the report", "category", "TRACKING", "body", "See the files."),
				List.of(new Part("../../etc/screen:shot.png", PNG), new Part("volumes.csv", CSV)));
		assertThat(opened.statusCode()).isEqualTo(302);
		String location = opened.headers().firstValue("Location").orElseThrow();
		String ticketId = location.substring(location.lastIndexOf('/') + 1);
		UUID ticket = UUID.fromString(ticketId);

		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT id, file_name, content_type, size_bytes, sha256 FROM ticket_attachments
				WHERE ticket_id = ? ORDER BY position""").param(ticket).query().listOfRows();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsEntry("file_name", "screen_shot.png")
			.containsEntry("content_type", "image/png")
			.containsEntry("size_bytes", (long) PNG.length)
			.containsEntry("sha256", sha256(PNG));
		assertThat(rows.get(1)).containsEntry("file_name", "volumes.csv")
			.containsEntry("content_type", "text/csv")
			.containsEntry("sha256", sha256(CSV));
		String png = rows.get(0).get("id").toString();
		String csv = rows.get(1).get("id").toString();

		String page = partnerSession.get(panel + "/" + ticketId + "?lang=en").body();
		assertThat(page).contains("screen_shot.png").contains("volumes.csv").contains(PNG.length + " B")
			.contains(panel + "/" + ticketId + "/attachments/" + png)
			.contains("enctype=\"multipart/form-data\"");

		PageSession managerSession = PageSession.login(port, manager.email(), Fixtures.PASSWORD);
		String console = "/console/vendors/" + vendor.slug() + "/tickets/" + ticketId;
		assertThat(managerSession.get(console).body()).contains("screen_shot.png").contains("volumes.csv");
		HttpResponse<byte[]> managerGetsPng = download(managerSession, console + "/attachments/" + png);
		assertThat(managerGetsPng.statusCode()).isEqualTo(200);
		assertThat(managerGetsPng.body()).isEqualTo(PNG);
		assertThat(sha256(managerGetsPng.body())).isEqualTo(sha256(PNG));
		assertThat(managerGetsPng.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
		assertThat(managerGetsPng.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(managerGetsPng.headers().firstValue("Content-Disposition").orElse(""))
			.startsWith("attachment;")
			.contains("filename=\"screen_shot.png\"");

		managerSession.get(console);
		HttpResponse<String> replied = post(managerSession, console + "/messages",
				Map.of("body", "Here is the statement.", "status", "WAITING_FOR_PARTNER"),
				List.of(new Part("statement März.pdf", PDF)));
		assertThat(replied.statusCode()).isEqualTo(302);
		String pdf = jdbc.sql("SELECT id FROM ticket_attachments WHERE ticket_id = ? AND content_type = 'application/pdf'")
			.param(ticket)
			.query(UUID.class)
			.single()
			.toString();

		HttpResponse<byte[]> partnerGetsPdf = download(partnerSession, panel + "/" + ticketId + "/attachments/" + pdf);
		assertThat(partnerGetsPdf.statusCode()).isEqualTo(200);
		assertThat(partnerGetsPdf.body()).isEqualTo(PDF);
		assertThat(sha256(partnerGetsPdf.body())).isEqualTo(sha256(PDF));
		assertThat(partnerGetsPdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(partnerGetsPdf.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;")
			.contains("filename*=UTF-8''statement%20M%C3%A4rz.pdf");
		HttpResponse<byte[]> partnerGetsCsv = download(partnerSession, panel + "/" + ticketId + "/attachments/" + csv);
		assertThat(partnerGetsCsv.body()).isEqualTo(CSV);
		assertThat(partnerGetsCsv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(partnerSession.get(panel + "/" + ticketId).body()).contains("statement März.pdf");

		PageSession intruder = PageSession.login(port, other.email(), Fixtures.PASSWORD);
		assertThat(download(intruder, panel + "/" + ticketId + "/attachments/" + png).statusCode()).isEqualTo(404);
		assertThat(download(intruder, panel + "/" + ticketId + "/attachments/" + pdf).statusCode()).isEqualTo(404);
		TestVendor second = newVendor();
		Manager stranger = CommunicationFixtures.manager(api, accounts, catalog, second);
		PageSession strangerSession = PageSession.login(port, stranger.email(), Fixtures.PASSWORD);
		assertThat(download(strangerSession, "/console/vendors/" + second.slug() + "/tickets/" + ticketId
				+ "/attachments/" + png).statusCode()).isEqualTo(404);
		assertThat(download(partnerSession, panel + "/" + ticketId + "/attachments/" + UUID.randomUUID()).statusCode())
			.isEqualTo(404);
	}

	@Test
	void tooLargeTooManyAndRenamedExecutablesAreRefusedAndNothingIsStored() throws Exception {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		String panel = "/panel/programs/" + vendor.slug() + "/tickets";
		String ticketId = partner.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/tickets",
					map("subject", "Files", "category", "TECHNICAL", "body", "Files follow."))
			.json()
			.path("ticketId")
			.asString();
		UUID ticket = UUID.fromString(ticketId);
		PageSession session = PageSession.login(port, partner.email(), Fixtures.PASSWORD);
		String replies = panel + "/" + ticketId + "/messages";

		byte[] large = new byte[5 * 1024 * 1024 + 1];
		Arrays.fill(large, (byte) 'a');
		session.get(panel + "/" + ticketId);
		assertRefused(session, ticket, panel + "/" + ticketId, replies,
				List.of(new Part("small.txt", "fine".getBytes(StandardCharsets.UTF_8)), new Part("huge-log.txt", large)),
				"huge-log.txt: this file is larger than 5 MB.");

		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[60] = (byte) 0x80;
		assertRefused(session, ticket, panel + "/" + ticketId, replies, List.of(new Part("report.pdf", exe)),
				"report.pdf: this kind of file is not accepted");
		byte[] elf = new byte[256];
		System.arraycopy(new byte[] { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0 }, 0, elf, 0, 8);
		assertRefused(session, ticket, panel + "/" + ticketId, replies, List.of(new Part("invoice.pdf", elf)),
				"invoice.pdf: this kind of file is not accepted");
		assertRefused(session, ticket, panel + "/" + ticketId, replies,
				List.of(new Part("page.txt", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))),
				"page.txt: this kind of file is not accepted");

		List<Part> six = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			six.add(new Part("note" + i + ".txt", ("note " + i).getBytes(StandardCharsets.UTF_8)));
		}
		assertRefused(session, ticket, panel + "/" + ticketId, replies, six,
				"Attachments: at most 5 files may come with one message.");

		long tickets = jdbc.sql("SELECT count(*) FROM tickets WHERE partner_id = ?")
			.param(UUID.fromString(partner.id()))
			.query(Long.class)
			.single();
		session.get(panel);
		HttpResponse<String> open = post(session, panel,
				Map.of("subject", "Binary", "category", "TECHNICAL", "body", "A tool."), List.of(new Part("tool.zip", elf)));
		assertThat(open.statusCode()).isEqualTo(302);
		assertThat(session.get(panel + "?lang=en").body()).contains("tool.zip: this kind of file is not accepted");
		assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE partner_id = ?").param(UUID.fromString(partner.id())).query(Long.class).single())
			.isEqualTo(tickets);

		List<Part> five = new ArrayList<>(six.subList(0, 5));
		session.get(panel + "/" + ticketId);
		assertThat(post(session, replies, Map.of("body", "Five notes."), five).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT count(*) FROM ticket_attachments WHERE ticket_id = ?")
			.param(ticket)
			.query(Long.class)
			.single()).isEqualTo(5);
	}

	private void assertRefused(PageSession session, UUID ticket, String page, String replies, List<Part> parts,
			String message) throws Exception {
		long messages = count("ticket_messages", ticket);
		session.get(page);
		HttpResponse<String> refused = post(session, replies, Map.of("body", "With files."), parts);
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(session.get(page + "?lang=en").body()).contains(message);
		assertThat(count("ticket_messages", ticket)).isEqualTo(messages);
		assertThat(count("ticket_attachments", ticket)).isZero();
	}

	private long count(String table, UUID ticket) {
		return jdbc.sql("SELECT count(*) FROM " + table + " WHERE ticket_id = ?").param(ticket).query(Long.class).single();
	}

	record Part(String name, byte[] bytes) {
	}

	/** A multipart form post as a browser sends it, with the session's CSRF token as a field. */
	static HttpResponse<String> post(PageSession session, String path, Map<String, String> fields, List<Part> files)
			throws Exception {
		String boundary = "----partnerline" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		Map<String, String> all = new java.util.LinkedHashMap<>(fields);
		all.put("_csrf", session.csrf);
		for (Map.Entry<String, String> field : all.entrySet()) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		for (Part file : files) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\""
					+ file.name().replace("\"", "%22") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.write(file.bytes());
			body.write("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return session.client.send(HttpRequest.newBuilder(URI.create(session.base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<byte[]> download(PageSession session, String path) throws Exception {
		return session.client.send(HttpRequest.newBuilder(URI.create(session.base + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static byte[] bytes(byte[] bytes) {
		return bytes;
	}

}
