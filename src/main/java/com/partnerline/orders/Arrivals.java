package com.partnerline.orders;

import java.time.Clock;
import java.time.Instant;

import com.partnerline.kernel.VendorId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When an order, a refund or a release arrived, as the month close sees it. Each of them takes
 * its arrival time inside its own transaction; without a gate, one stamped just before a close's
 * cut-off but committed just after the close read the month would count neither in the month nor
 * as late. Every arrival holds a shared advisory lock of its vendor from before it takes its time
 * until it commits; the close takes its cut-off while holding the same lock exclusively, which it
 * gets only once every arrival in flight has committed, and lets go at once (arrivals wait for
 * the instant of the cut-off, not for the close).
 */
@Component
public class Arrivals {

	/** Namespace of the vendor's arrival lock among the application's advisory locks. */
	private static final long NAMESPACE = 31L << 56;

	private final JdbcClient jdbc;

	private final Clock clock;

	Arrivals(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The arrival time of an order, refund or release, in the caller's transaction, which keeps the gate until it ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	Instant arrive(VendorId vendorId) {
		jdbc.sql("SELECT pg_advisory_xact_lock_shared(?)").param(NAMESPACE | vendorId.value()).query((rs, n) -> 1).list();
		return clock.instant();
	}

	/**
	 * The close's cut-off: every arrival of the vendor stamped before it has committed by the time
	 * this returns, and every later one is stamped after it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Instant cutOff(VendorId vendorId) {
		long key = NAMESPACE | vendorId.value();
		jdbc.sql("SELECT pg_advisory_lock(?)").param(key).query((rs, n) -> 1).list();
		try {
			return clock.instant();
		}
		finally {
			jdbc.sql("SELECT pg_advisory_unlock(?)").param(key).query((rs, n) -> 1).list();
		}
	}

}
