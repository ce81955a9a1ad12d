package com.partnerline.catalog;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import com.partnerline.kernel.VendorId;

/**
 * A vendor's partner program: its bands (ordered by lower bound), the caps of each
 * partner type, the cookie window, the minimum payout and the current terms.
 */
public record Program(VendorId vendorId, boolean open, List<Band> bands, BigDecimal affiliateCap,
		BigDecimal internetCap, int cookieDays, BigDecimal minPayout, int trialConversionDays, String termsVersion,
		String termsText) {

	public Program {
		bands = bands.stream().sorted(Comparator.comparing(Band::lowerBound)).toList();
	}

	/** The band a whole month's volume falls in; a volume below every bound (a net refund) takes the first. */
	public Band bandFor(BigDecimal volume) {
		Band chosen = bands.get(0);
		for (Band band : bands) {
			if (volume.compareTo(band.lowerBound()) >= 0) {
				chosen = band;
			}
		}
		return chosen;
	}

	/** The band after {@code band}, if any: what a partner works toward. */
	public java.util.Optional<Band> nextBand(Band band) {
		int index = bands.indexOf(band);
		return index >= 0 && index + 1 < bands.size() ? java.util.Optional.of(bands.get(index + 1))
				: java.util.Optional.empty();
	}

}
