package com.partnerline.tracking;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A partner's clicks on one day (vendor's time zone) through links with one sub-id. */
public record ClickDay(LocalDate day, @Nullable String subId, long clicks, long counted) {
}
