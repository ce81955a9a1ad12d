package com.partnerline.tracking;

import java.time.YearMonth;

/** A partner's clicks in a month: all recorded, and those counted (no bot, no repeat). */
public record ClickMonth(YearMonth month, long clicks, long counted) {
}
