package com.partnerline.scanner;

import java.time.Instant;
import java.util.List;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/**
 * The online scanner found threats in a file: published (through the event publication
 * registry) for every detection, for the Virus Rating of the content capability.
 *
 * @param scanId the scan, as kept by the scanner
 * @param threats the engine's names of what it found; never empty
 * @param sha256 hex SHA-256 of the file (the file itself is never kept)
 * @param partnerId the partner whose embedded scanner was used, if any
 * @param vendorId the vendor whose program that scanner page promoted, if any
 * @param detectedAt when the engine answered
 */
public record ThreatDetected(java.util.UUID scanId, List<String> threats, String sha256, @Nullable PartnerId partnerId,
		@Nullable VendorId vendorId, Instant detectedAt) {

	public ThreatDetected {
		threats = List.copyOf(threats);
	}

}
