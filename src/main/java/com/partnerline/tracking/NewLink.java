package com.partnerline.tracking;

import org.jspecify.annotations.Nullable;

/** What a partner asks for: a link to a product ({@code sku}) or a deep link ({@code targetUrl}). */
public record NewLink(@Nullable String sku, @Nullable String targetUrl, @Nullable String subId) {
}
