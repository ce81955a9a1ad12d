package com.partnerline.communication;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.partnerline.kernel.ApiProblem;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Types come from the bytes, names are made safe, the size limit is configurable. */
class AttachmentRulesUnitTest {

	@Test
	void typesComeFromTheBytesNotTheName() throws Exception {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("a.txt"));
			out.write("a".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}
		assertThat(AttachmentRules.detect(zip.toByteArray(), "logs.zip")).isEqualTo("application/zip");
		assertThat(AttachmentRules.detect("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1), "x"))
			.isEqualTo("image/gif");
		assertThat(AttachmentRules.detect(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J',
				'F', 'I', 'F', 0 }, "photo.png")).isEqualTo("image/jpeg");
		assertThat(AttachmentRules.detect("Привет, hello\n".getBytes(StandardCharsets.UTF_8), "note.txt"))
			.isEqualTo("text/plain");
		assertThat(AttachmentRules.detect("a;b\n1;2\n".getBytes(StandardCharsets.UTF_8), "table.CSV")).isEqualTo("text/csv");
		assertThat(AttachmentRules.detect("#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8), "notes.txt")).isNull();
		assertThat(AttachmentRules.detect("<!DOCTYPE html><html><body>x</body></html>".getBytes(StandardCharsets.UTF_8),
				"page.csv")).isNull();
		assertThat(AttachmentRules.detect(new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 }, "report.pdf")).isNull();
	}

	@Test
	void namesAreSanitised() {
		assertThat(AttachmentRules.sanitise("C:\\Users\\me\\report.pdf")).isEqualTo("report.pdf");
		assertThat(AttachmentRules.sanitise("../../etc/passwd")).isEqualTo("passwd");
		assertThat(AttachmentRules.sanitise("a\"b\r\nc.txt")).isEqualTo("a_b__c.txt");
		assertThat(AttachmentRules.sanitise("..hidden")).isEqualTo("hidden");
		assertThat(AttachmentRules.sanitise("evil\u202Egpj.exe")).isEqualTo("evil_gpj.exe");
		assertThat(AttachmentRules.sanitise(null)).isEqualTo("attachment");
		assertThat(AttachmentRules.sanitise("/")).isEqualTo("attachment");
		String longName = "x".repeat(400) + ".pdf";
		assertThat(AttachmentRules.sanitise(longName)).hasSize(255).endsWith(".pdf");
		assertThat(AttachmentRules.sanitise("Отчёт март.csv")).isEqualTo("Отчёт март.csv");
	}

	@Test
	void theSizeLimitIsConfigurable() {
		AttachmentRules rules = new AttachmentRules(DataSize.ofBytes(10));
		byte[] eleven = "hello world".getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> rules.check(List.of(new AttachmentRules.Upload("big.txt", eleven.length,
				() -> new ByteArrayInputStream(eleven)))))
			.isInstanceOfSatisfying(ApiProblem.class,
					p -> assertThat(p.errors()).singleElement()
						.satisfies(e -> assertThat(e.field()).isEqualTo("big.txt")));
		byte[] ten = "hello worl".getBytes(StandardCharsets.UTF_8);
		assertThat(rules.check(List.of(new AttachmentRules.Upload("ok.txt", ten.length, () -> new ByteArrayInputStream(ten)),
				new AttachmentRules.Upload("", 0, () -> new ByteArrayInputStream(new byte[0])))))
			.singleElement()
			.satisfies(c -> assertThat(c.sha256())
				.isEqualTo(AttachmentRules.sha256(ten)));
	}

}
