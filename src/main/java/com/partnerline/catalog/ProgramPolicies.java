package com.partnerline.catalog;

/**
 * A program's holds and payout timing (commission-policy.md, "Holds and payout timing"):
 * how many whole months a statement waits before it is paid, and which risk rules hold
 * orders (each on by default).
 */
public record ProgramPolicies(int payoutDelayMonths, boolean sameAddressOrDomain, boolean repeatCustomer,
		boolean refundRate) {

	public static final ProgramPolicies DEFAULTS = new ProgramPolicies(0, true, true, true);

}
