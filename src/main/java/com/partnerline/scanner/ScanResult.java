package com.partnerline.scanner;

import java.util.List;

/**
 * The answer of {@code POST /api/v1/scan} (docs/api.md).
 *
 * @param verdict CLEAN or INFECTED
 * @param threats the engine's names of what it found (empty when clean)
 * @param sha256 hex SHA-256 of the file
 * @param bytes the file's size
 * @param engine the engine and its version, such as {@code ClamAV 1.4.3}
 * @param signatures the signature database's version and date, as clamd reports them
 * @param elapsedMs time from the start of the upload to the verdict
 */
record ScanResult(ScanVerdict verdict, List<String> threats, String sha256, long bytes, String engine,
		String signatures, long elapsedMs) {
}
