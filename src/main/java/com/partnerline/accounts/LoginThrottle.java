package com.partnerline.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.partnerline.kernel.ApiProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows and then refuses password guessing. Each attempt is stored as a failure in
 * PostgreSQL (per email and per client address, so that every node counts the same)
 * <em>before</em> its password is checked, and counted with every other attempt of the
 * sliding window; a log-on that succeeds takes its row back. So parallel guesses
 * cannot all be checked: of any number sent at once, at most {@code refuseAfter} find
 * room. From {@code slowAfter} failures of an email on, the next attempt must wait a
 * little longer after the last one ({@code delayStep} more each time, at most
 * {@code maxDelay}); from {@code refuseAfter} (per email) or {@code refuseAfterPerAddress}
 * failures attempts are refused until the oldest failures leave the window. Nobody
 * waits on a request thread: a refused attempt is answered at once with 429 and
 * {@code Retry-After}, and leaves no row. The address limit is higher because many
 * people can share one address.
 */
@Component
public class LoginThrottle {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration window;

	private final int slowAfter;

	private final int refuseAfter;

	private final int refuseAfterPerAddress;

	private final Duration delayStep;

	private final Duration maxDelay;

	LoginThrottle(JdbcClient jdbc, Clock clock, @Value("${partnerline.login.window:PT15M}") Duration window,
			@Value("${partnerline.login.slow-after:3}") int slowAfter,
			@Value("${partnerline.login.refuse-after:10}") int refuseAfter,
			@Value("${partnerline.login.refuse-after-per-address:50}") int refuseAfterPerAddress,
			@Value("${partnerline.login.delay-step:PT1S}") Duration delayStep,
			@Value("${partnerline.login.max-delay:PT30S}") Duration maxDelay) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.window = window;
		this.slowAfter = slowAfter;
		this.refuseAfter = refuseAfter;
		this.refuseAfterPerAddress = refuseAfterPerAddress;
		this.delayStep = delayStep;
		this.maxDelay = maxDelay;
	}

	/**
	 * Call before checking a password: reserves the attempt, counted as a failure until
	 * {@link #succeeded(String)} takes it back. Runs outside any transaction of the
	 * caller, so that the reservation is visible to every other attempt at once.
	 * @throws ApiProblem 429 with the time to wait, when the attempt comes too soon or there were too many
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void beforeAttempt(String email, String clientAddress) {
		Instant now = clock.instant();
		Instant since = now.minus(window);
		String normalized = normalize(email);
		String address = clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress;
		long reservation = jdbc.sql("INSERT INTO login_failures (email, client_address, failed_at) VALUES (?, ?, ?) RETURNING id")
			.params(normalized, address, Timestamp.from(now))
			.query(Long.class)
			.single();
		// Counted after the reservation is committed: every attempt sees all that were reserved before it.
		Counts counts = jdbc.sql("""
				SELECT count(*) FILTER (WHERE email = ?) AS by_email,
				       count(*) FILTER (WHERE client_address = ?) AS by_address,
				       max(failed_at) FILTER (WHERE email = ? AND id <> ?) AS last_by_email
				FROM login_failures WHERE failed_at > ? AND (email = ? OR client_address = ?)""")
			.params(normalized, address, normalized, reservation, Timestamp.from(since), normalized, address)
			.query((rs, row) -> new Counts(rs.getInt("by_email"), rs.getInt("by_address"),
					rs.getTimestamp("last_by_email") == null ? null : rs.getTimestamp("last_by_email").toInstant()))
			.single();
		if (counts.byEmail() > refuseAfter || counts.byAddress() > refuseAfterPerAddress) {
			release(reservation);
			throw ApiProblem.tooManyRequests(untilAllowed(normalized, address, since, counts),
					"accounts.tooManyFailures");
		}
		// the failures before this attempt beyond slowAfter set how long it must come after the last one
		int excess = counts.byEmail() - slowAfter;
		if (excess > 0 && counts.lastByEmail() != null) {
			Duration delay = delayStep.multipliedBy(excess);
			Instant allowedFrom = counts.lastByEmail().plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
			if (now.isBefore(allowedFrom)) {
				release(reservation);
				throw ApiProblem.tooManyRequests(Duration.between(now, allowedFrom), "accounts.tooSoon");
			}
		}
	}

	private void release(long reservation) {
		jdbc.sql("DELETE FROM login_failures WHERE id = ?").param(reservation).update();
	}

	/**
	 * How long until the failures over each limit have left the window: the failure whose
	 * leaving brings a count below its limit is the (count - limit + 1)-th oldest.
	 */
	private Duration untilAllowed(String email, String clientAddress, Instant since, Counts counts) {
		Instant allowed = since;
		// the counts include the refused attempt itself, which is taken back
		if (counts.byEmail() > refuseAfter) {
			allowed = later(allowed, leaving("email", email, since, counts.byEmail() - 1 - refuseAfter));
		}
		if (counts.byAddress() > refuseAfterPerAddress) {
			allowed = later(allowed, leaving("client_address", clientAddress, since,
					counts.byAddress() - 1 - refuseAfterPerAddress));
		}
		Duration wait = Duration.between(since, allowed);
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	/** The failed_at of the failure at {@code offset} (oldest first) of one email or address in the window. */
	private Instant leaving(String column, String value, Instant since, int offset) {
		return jdbc.sql("SELECT failed_at FROM login_failures WHERE " + column
				+ " = ? AND failed_at > ? ORDER BY failed_at OFFSET ? LIMIT 1")
			.params(value, Timestamp.from(since), offset)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(since);
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** A successful log-on takes its reservation back and forgives the account's failures. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(String email) {
		jdbc.sql("DELETE FROM login_failures WHERE email = ?").param(normalize(email)).update();
	}

	/**
	 * Forgets failures that left the window long ago, so the table stays small. Every
	 * node may run it; deleting twice is harmless.
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	public void forgetOldFailures() {
		jdbc.sql("DELETE FROM login_failures WHERE failed_at < ?")
			.param(Timestamp.from(clock.instant().minus(window.multipliedBy(4))))
			.update();
	}

	private static String normalize(String email) {
		String trimmed = email.trim().toLowerCase(Locale.ROOT);
		return trimmed.length() > 254 ? trimmed.substring(0, 254) : trimmed;
	}

	private record Counts(int byEmail, int byAddress, @Nullable Instant lastByEmail) {
	}

}
