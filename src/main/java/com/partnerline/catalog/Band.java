package com.partnerline.catalog;

import java.math.BigDecimal;

/**
 * A monthly volume band: from {@code lowerBound} (inclusive) up to the next band's.
 *
 * @param internetOnly an affiliate whose volume reaches this band is paid the
 * affiliate cap instead and becomes eligible for the Internet Partner track
 */
public record Band(String name, BigDecimal lowerBound, BigDecimal rate, boolean internetOnly) {
}
