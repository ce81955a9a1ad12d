package com.partnerline.scanner;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scanning engine as this node last saw it: reachable or not, and which engine
 * and signature versions it reported (clamd's {@code VERSION}). A probe asks clamd
 * every few seconds, and every scan that reaches or misses clamd updates the state
 * too, so the scanner recovers by itself when clamd returns. It is the
 * {@code clamd} health component (and {@code /actuator/scanner}): {@code UP}, or {@code DEGRADED} while clamd is
 * unreachable or not configured. DEGRADED is no status the health aggregate orders,
 * so the application as a whole stays up: everything but scanning still works.
 */
@Component("clamdHealthIndicator")
class Engine implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "engine unavailable");

	private static final String NOT_PROBED = "not probed yet";

	private static final Logger log = LoggerFactory.getLogger(Engine.class);

	private final @Nullable Clamd clamd;

	private final ScannerSettings settings;

	private final Clock clock;

	private final AtomicReference<State> state;

	Engine(@Value("${partnerline.clamd:}") String address, ScannerSettings settings, TaskScheduler scheduler,
			Clock clock) {
		this.clamd = address.isBlank() ? null
				: new Clamd(ClamdAddress.parse(address), settings.connectTimeout(), scheduler, clock);
		this.settings = settings;
		this.clock = clock;
		this.state = new AtomicReference<>(new State(false, null, clock.instant(), NOT_PROBED));
	}

	/** clamd, or {@literal null} when none is configured. */
	@Nullable Clamd clamd() {
		return clamd;
	}

	State state() {
		return state.get();
	}

	@Scheduled(fixedDelayString = "${partnerline.scanner.probe-interval:PT5S}", initialDelayString = "PT0S")
	void probe() {
		if (clamd == null) {
			state.set(new State(false, null, clock.instant(), "PARTNERLINE_CLAMD is not set"));
			return;
		}
		try {
			String pong = clamd.command("PING", settings.connectTimeout());
			if (!"PONG".equals(pong)) {
				throw new IOException("PING answered " + pong);
			}
			reachable(Versions.parse(clamd.command("VERSION", settings.connectTimeout())));
		}
		catch (IOException | RuntimeException ex) {
			unreachable(ex);
		}
	}

	/** The versions to report with a scan: the probe's, or asked now when the probe has none yet. */
	Versions versions() throws IOException {
		State current = state.get();
		if (current.versions() != null) {
			return current.versions();
		}
		if (clamd == null) {
			throw new IOException("no clamd configured");
		}
		Versions versions = Versions.parse(clamd.command("VERSION", settings.connectTimeout()));
		reachable(versions);
		return versions;
	}

	void reachable(@Nullable Versions versions) {
		State previous = state.get();
		Versions known = versions != null ? versions : previous.versions();
		state.set(new State(true, known, clock.instant(), null));
		if (!previous.up()) {
			log.info("clamd at {} is reachable: {}", clamd != null ? clamd.address() : "-", known);
		}
	}

	void unreachable(Exception cause) {
		State previous = state.get();
		state.set(new State(false, null, clock.instant(), cause.getMessage()));
		boolean firstProbe = NOT_PROBED.equals(previous.problem());
		if (previous.up() || firstProbe) {
			log.warn("clamd at {} is unreachable: {}", clamd != null ? clamd.address() : "-", cause.toString());
		}
	}

	@Override
	public Health health() {
		State current = state.get();
		if (current.up()) {
			Health.Builder up = Health.up().withDetail("checkedAt", current.checkedAt().toString());
			if (current.versions() != null) {
				up.withDetail("engine", current.versions().engine())
					.withDetail("signatures", current.versions().signatures());
			}
			return up.build();
		}
		return Health.status(DEGRADED)
			.withDetail("checkedAt", current.checkedAt().toString())
			.withDetail("problem", String.valueOf(current.problem()))
			.build();
	}

	/** The engine as last seen: reachable, its versions, when, and what went wrong. */
	record State(boolean up, @Nullable Versions versions, Instant checkedAt, @Nullable String problem) {
	}

	/**
	 * clamd's {@code VERSION} answer, {@code ClamAV 1.4.3/27480/Mon Dec  1 09:35:02 2026}:
	 * the engine, then the signature database's version and date (absent when clamd
	 * runs on databases without a version, as in the tests).
	 */
	record Versions(String engine, String signatures) {

		static Versions parse(String version) {
			int slash = version.indexOf('/');
			if (slash < 0) {
				return new Versions(version.trim(), "");
			}
			return new Versions(version.substring(0, slash).trim(),
					version.substring(slash + 1).trim().replaceAll("\\s+", " "));
		}

	}

}
