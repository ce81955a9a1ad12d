/**
 * Online Virus Scanner: files uploaded on partners' embedded scanner pages (or through
 * {@code POST /api/v1/scan}) are streamed in chunks to a ClamAV clamd and never kept;
 * the hash, size, verdict, threat names, partner and time of each scan are. Every
 * detection is published as {@link com.partnerline.scanner.ThreatDetected} for the
 * Virus Rating. Partners see their scans in the control panel, vendors per partner in
 * the console. Design: docs/adr/0017-online-virus-scanner.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scanner")
@org.jspecify.annotations.NullMarked
package com.partnerline.scanner;
