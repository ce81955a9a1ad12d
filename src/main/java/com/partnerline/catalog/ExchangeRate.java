package com.partnerline.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A vendor's rate from {@code currency} to its program currency, in force from {@code validFrom}. */
public record ExchangeRate(String currency, LocalDate validFrom, BigDecimal rate) {
}
