package com.partnerline.orders;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import com.partnerline.kernel.VendorId;

/**
 * A vendor's closed months as the partner transactions need them: when each was closed and
 * whether the payout batch that pays its statements (a later one under
 * {@code payoutDelayMonths}) was marked paid. The commissions module closes months and pays
 * batches and implements this; orders asks through it without depending on commissions,
 * which depends on orders.
 */
public interface SettledMonths {

	/**
	 * The vendor's closed months from {@code from} on, oldest first; will never be
	 * {@literal null}.
	 */
	List<SettledMonth> closedFrom(VendorId vendor, YearMonth from);

	/** A closed month: the moment of its close and whether its statements were paid. */
	record SettledMonth(YearMonth month, Instant closedAt, boolean paid) {
	}

}
