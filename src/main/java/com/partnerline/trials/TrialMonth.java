package com.partnerline.trials;

import java.time.YearMonth;

/**
 * A partner's trials of one month (vendor's time zone): trials started through its
 * links that month, and how many of those have since been converted into a purchase.
 */
public record TrialMonth(YearMonth month, long started, long converted) {
}
