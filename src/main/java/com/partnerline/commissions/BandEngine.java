package com.partnerline.commissions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import com.partnerline.catalog.Band;
import com.partnerline.catalog.Program;
import com.partnerline.partners.PartnerType;
import org.jspecify.annotations.Nullable;

/**
 * The rules of docs/commission-policy.md as pure functions: which band a month's
 * whole volume falls in, which rate applies to the whole volume, and how a month's
 * figures settle into payable and carried forward. Amounts are rounded here, once,
 * half-even, to the currency's minor unit.
 */
final class BandEngine {

	private BandEngine() {
	}

	/**
	 * The band and rate for a partner's whole monthly volume. An affiliate is never paid
	 * above the affiliate cap; one whose volume reaches an internet-only band is flagged
	 * eligible for the Internet Partner track. An Internet Partner gets its contract rate
	 * when the contract sets one, else the band rate up to the internet cap.
	 */
	static Rating rate(Program program, PartnerType type, @Nullable BigDecimal contractRate, BigDecimal volume) {
		Band band = program.bandFor(volume);
		if (type == PartnerType.INTERNET) {
			BigDecimal rate = contractRate != null ? contractRate : band.rate().min(program.internetCap());
			return new Rating(band, rate, false);
		}
		return new Rating(band, band.rate().min(program.affiliateCap()), band.internetOnly());
	}

	/** Volume × rate, rounded once, half-even, to the currency's minor unit. */
	static BigDecimal commission(BigDecimal volume, BigDecimal rate, Currency currency) {
		return round(volume.multiply(rate), currency);
	}

	/** The negative adjustment a late refund makes: −(refund × rate of the order's month), rounded once. */
	static BigDecimal adjustment(BigDecimal refund, BigDecimal rate, Currency currency) {
		return round(refund.multiply(rate), currency).negate();
	}

	/**
	 * Due = commission + adjustments + brought forward; paid when at least the minimum
	 * payout, else carried forward whole (a negative due too).
	 */
	static Settlement settle(BigDecimal commission, BigDecimal adjustments, BigDecimal broughtForward,
			BigDecimal minPayout) {
		BigDecimal due = commission.add(adjustments).add(broughtForward);
		return due.compareTo(minPayout) >= 0 ? new Settlement(due, BigDecimal.ZERO.setScale(due.scale()))
				: new Settlement(BigDecimal.ZERO.setScale(due.scale()), due);
	}

	static BigDecimal round(BigDecimal amount, Currency currency) {
		return amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_EVEN);
	}

	record Rating(Band band, BigDecimal rate, boolean eligibleForInternet) {
	}

	record Settlement(BigDecimal payable, BigDecimal carriedForward) {
	}

}
