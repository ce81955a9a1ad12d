package com.partnerline.partners;

import java.util.Locale;

import com.partnerline.kernel.PartnerId;
import org.jspecify.annotations.Nullable;

/**
 * A partner account.
 *
 * @param code the public code used in widget URLs and tracking, such as {@code demo}
 * @param email the login email, also used to detect self-referral
 */
public record Partner(PartnerId id, String code, String email, String name, @Nullable String company,
		String country, Locale locale) {
}
