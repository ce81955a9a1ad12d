package com.partnerline.content;

import org.jspecify.annotations.Nullable;

/**
 * The texts of a content item in one language.
 * @param title headline, or the threat's display name
 * @param body the news text, or the threat's description
 * @param removal for a threat: how to remove it; {@literal null} otherwise
 */
public record Translation(String title, String body, @Nullable String removal) {
}
