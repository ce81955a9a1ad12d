package com.partnerline.scanner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the online scanner ({@code partnerline.scanner.*}); clamd's address is
 * {@code partnerline.clamd} ({@code PARTNERLINE_CLAMD}).
 *
 * @param maxFileSize largest file scanned; a larger one is refused with 413
 * @param maxConcurrent scans streamed to clamd at the same time
 * @param queue scans that may wait for one of those; more are refused with 503 at once
 * @param queueWait how long a scan waits in the queue before it is refused with 503
 * @param timeout the longest a scan (upload and engine) may take
 * @param connectTimeout the longest a connection to clamd may take
 * @param scansPerMinute scans one client (address) may start per minute; more get 429
 * @param probeInterval how often clamd is asked whether it is up and which signatures it has
 * @param chunkSize bytes read from the upload and sent to clamd at a time
 */
@ConfigurationProperties("partnerline.scanner")
record ScannerSettings(@DefaultValue("100MB") DataSize maxFileSize, @DefaultValue("4") int maxConcurrent,
		@DefaultValue("8") int queue, @DefaultValue("5s") Duration queueWait, @DefaultValue("2m") Duration timeout,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("20") int scansPerMinute,
		@DefaultValue("PT5S") Duration probeInterval, @DefaultValue("64KB") DataSize chunkSize) {

	/** How far a request may exceed the file limit with its multipart framing and the partner field. */
	static final long MULTIPART_ALLOWANCE = 16 * 1024;

}
