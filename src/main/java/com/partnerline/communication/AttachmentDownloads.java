package com.partnerline.communication;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a stored attachment goes out: always as an attachment (RFC 6266, the sanitised
 * name as {@code filename*} in UTF-8 with an ASCII fallback), with its detected type
 * (never HTML), {@code nosniff} and no caching by shared caches.
 */
final class AttachmentDownloads {

	private AttachmentDownloads() {
	}

	static ResponseEntity<byte[]> serve(TicketStore.StoredFile file) {
		MediaType type = AttachmentRules.ALLOWED.contains(file.contentType()) ? MediaType.parseMediaType(file.contentType())
				: MediaType.APPLICATION_OCTET_STREAM;
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(type);
		headers.setContentLength(file.content().length);
		String name = AttachmentRules.sanitise(file.fileName());
		boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(name);
		headers.setContentDisposition(ascii ? ContentDisposition.attachment().filename(name).build()
				: ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build());
		headers.set("X-Content-Type-Options", "nosniff");
		headers.setCacheControl("private, no-store");
		headers.set("X-Checksum-SHA256", file.sha256());
		return new ResponseEntity<>(file.content(), headers, org.springframework.http.HttpStatus.OK);
	}

}
