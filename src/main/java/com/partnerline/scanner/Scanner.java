package com.partnerline.scanner;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.partners.Membership;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Streams one file to clamd: read a chunk of the upload, add it to the hash, send it
 * as an INSTREAM chunk, until the file ends; then keep the outcome. At most one chunk
 * of the file is in memory, and none on disk.
 */
@Component
class Scanner {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Scanner.class);

	private final Engine engine;

	private final Scans scans;

	private final ScannerSettings settings;

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final Clock clock;

	Scanner(Engine engine, Scans scans, ScannerSettings settings, PartnerManagement partners,
			CatalogManagement catalog, Clock clock) {
		this.engine = engine;
		this.scans = scans;
		this.settings = settings;
		this.partners = partners;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Connects to clamd for one scan; 503 "engine unavailable" when clamd is not
	 * configured or does not answer, before any of the upload is read.
	 */
	Session open() {
		Clamd clamd = engine.clamd();
		if (clamd == null) {
			throw engineUnavailable();
		}
		try {
			Engine.Versions versions = engine.versions();
			Clamd.Instream stream = clamd.instream(settings.timeout());
			engine.reachable(null);
			return new Session(stream, versions, clock.instant());
		}
		catch (IOException | RuntimeException ex) {
			engine.unreachable(ex);
			throw engineUnavailable();
		}
	}

	/** Which partner's scanner (and which vendor's program) a scan came through; unknown codes attribute nothing. */
	Scans.Attribution attribution(@Nullable String partnerCode, @Nullable String vendorSlug) {
		if (partnerCode == null || partnerCode.isBlank()) {
			return Scans.Attribution.NONE;
		}
		Optional<Partner> partner = partners.findByCode(partnerCode.trim());
		if (partner.isEmpty()) {
			return Scans.Attribution.NONE;
		}
		return new Scans.Attribution(partner.get().id(), partner.get().code(),
				program(partner.get(), vendorSlug).map(Vendor::id).orElse(null));
	}

	/**
	 * The vendor whose program a partner's scanner page promotes: the one named, if the
	 * partner is an active member of its program, else the partner's first program.
	 */
	Optional<Vendor> program(Partner partner, @Nullable String vendorSlug) {
		List<Membership> memberships = partners.memberships(partner.id())
			.stream()
			.filter(Membership::isActive)
			.toList();
		if (vendorSlug != null && !vendorSlug.isBlank()) {
			Optional<Vendor> named = catalog.findVendor(vendorSlug.trim());
			if (named.isPresent() && memberships.stream().anyMatch(m -> m.vendorId().equals(named.get().id()))) {
				return named;
			}
		}
		return memberships.stream().findFirst().flatMap(m -> catalog.findVendor(m.vendorId()));
	}

	static ApiProblem engineUnavailable() {
		return ApiProblem.unavailable(Duration.ofSeconds(30), "scanner.problem.engine-unavailable");
	}

	/** One scan in progress: the connection to clamd, the hash so far, and the size so far. */
	final class Session implements AutoCloseable {

		private final Clamd.Instream stream;

		private final Engine.Versions versions;

		private final Instant startedAt;

		private final MessageDigest sha256;

		private long bytes;

		Session(Clamd.Instream stream, Engine.Versions versions, Instant startedAt) {
			this.stream = stream;
			this.versions = versions;
			this.startedAt = startedAt;
			try {
				this.sha256 = MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * Sends the whole of {@code file} to clamd and returns the verdict: 413 once it
		 * passes the size limit (reading stops there), 503 when clamd fails or the scan
		 * runs out of time.
		 * @throws IOException when reading the upload fails (the client went away)
		 */
		ScanResult scan(InputStream file) throws IOException {
			long limit = settings.maxFileSize().toBytes();
			byte[] chunk = new byte[(int) settings.chunkSize().toBytes()];
			Instant deadline = startedAt.plus(settings.timeout());
			while (true) {
				int read = fill(file, chunk, deadline);
				if (read == 0) {
					break;
				}
				bytes += read;
				if (bytes > limit) {
					throw ApiProblem.tooLarge("scanner.problem.too-large", settings.maxFileSize().toMegabytes());
				}
				sha256.update(chunk, 0, read);
				try {
					stream.write(chunk, 0, read);
				}
				catch (IOException ex) {
					throw engineFailed(ex, stream.replyAfterFailedWrite());
				}
			}
			Clamd.Reply reply;
			try {
				reply = stream.finish();
			}
			catch (IOException | Clamd.EngineFailure ex) {
				throw engineFailed(ex, "");
			}
			Instant finishedAt = clock.instant();
			return new ScanResult(reply.clean() ? ScanVerdict.CLEAN : ScanVerdict.INFECTED, reply.threats(),
					HexFormat.of().formatHex(sha256.digest()), bytes, versions.engine(), versions.signatures(),
					Duration.between(startedAt, finishedAt).toMillis());
		}

		/**
		 * Reads a whole chunk (fewer, larger INSTREAM writes than whatever the parser hands
		 * out), or what is left; checks the deadline between reads, so that an upload that
		 * trickles in cannot hold a scanning slot for longer than the timeout.
		 */
		private int fill(InputStream file, byte[] chunk, Instant deadline) throws IOException {
			int filled = 0;
			while (filled < chunk.length) {
				int read = file.read(chunk, filled, chunk.length - filled);
				if (read < 0) {
					break;
				}
				filled += read;
				if (clock.instant().isAfter(deadline)) {
					throw ApiProblem.unavailable(Duration.ofSeconds(30), "scanner.problem.timeout");
				}
			}
			return filled;
		}

		/** Keeps the outcome (and publishes a detection); returns the scan's id. */
		UUID keep(Scans.Attribution attribution, ScanResult result) {
			UUID id = UUID.randomUUID();
			scans.record(id, clock.instant(), attribution, result);
			return id;
		}

		private ApiProblem engineFailed(Exception cause, String reply) {
			if (Duration.between(startedAt, clock.instant()).compareTo(settings.timeout()) >= 0) {
				return ApiProblem.unavailable(Duration.ofSeconds(30), "scanner.problem.timeout");
			}
			if (!reply.isEmpty()) {
				// clamd answered but refused (StreamMaxLength below our limit, say): reachable, set up wrongly
				log.warn("clamd refused a scan: {}", reply);
				return engineUnavailable();
			}
			engine.unreachable(cause);
			return engineUnavailable();
		}

		@Override
		public void close() {
			stream.close();
		}

	}

}
