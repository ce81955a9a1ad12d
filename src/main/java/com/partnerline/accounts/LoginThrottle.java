package com.partnerline.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.partnerline.kernel.ApiProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows and then refuses password guessing. Failed log-ons are stored in PostgreSQL
 * per email and per client address, so that every node counts the same, over a
 * sliding window: from {@code slowAfter} failures on each attempt waits a little
 * longer, from {@code refuseAfter} (per email) or {@code refuseAfterPerAddress}
 * failures it is refused with 429 until the oldest failures leave the window. The
 * address limit is higher because many people can share one address.
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
			@Value("${partnerline.login.delay-step:PT0.5S}") Duration delayStep,
			@Value("${partnerline.login.max-delay:PT3S}") Duration maxDelay) {
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
	 * Call before checking a password: waits when there were several recent failures.
	 * @throws ApiProblem 429 when there were too many
	 */
	public void beforeAttempt(String email, String clientAddress) {
		Instant since = clock.instant().minus(window);
		Counts counts = jdbc.sql("""
				SELECT count(*) FILTER (WHERE email = ?) AS by_email,
				       count(*) FILTER (WHERE client_address = ?) AS by_address
				FROM login_failures WHERE failed_at > ? AND (email = ? OR client_address = ?)""")
			.params(normalize(email), clientAddress, Timestamp.from(since), normalize(email), clientAddress)
			.query((rs, row) -> new Counts(rs.getInt("by_email"), rs.getInt("by_address")))
			.single();
		if (counts.byEmail() >= refuseAfter || counts.byAddress() >= refuseAfterPerAddress) {
			throw ApiProblem.tooManyRequests(untilAllowed(email, clientAddress, since, counts),
					"accounts.tooManyFailures");
		}
		int excess = Math.max(counts.byEmail() - slowAfter + 1, counts.byAddress() - refuseAfterPerAddress / 2 + 1);
		if (excess > 0) {
			Duration delay = delayStep.multipliedBy(excess);
			sleep(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
		}
	}

	/**
	 * How long until the failures over each limit have left the window: the failure whose
	 * leaving brings a count below its limit is the (count - limit + 1)-th oldest.
	 */
	private Duration untilAllowed(String email, String clientAddress, Instant since, Counts counts) {
		Instant allowed = since;
		if (counts.byEmail() >= refuseAfter) {
			allowed = later(allowed, leaving("email", normalize(email), since, counts.byEmail() - refuseAfter));
		}
		if (counts.byAddress() >= refuseAfterPerAddress) {
			allowed = later(allowed, leaving("client_address", clientAddress, since,
					counts.byAddress() - refuseAfterPerAddress));
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

	/** Records a failed log-on; in its own transaction so that the refusal of the log-on does not undo it. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String email, String clientAddress) {
		jdbc.sql("INSERT INTO login_failures (email, client_address, failed_at) VALUES (?, ?, ?)")
			.params(normalize(email), clientAddress, Timestamp.from(clock.instant()))
			.update();
	}

	/** A successful log-on forgives the account's failures (not the address's). */
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

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Counts(int byEmail, int byAddress) {
	}

}
