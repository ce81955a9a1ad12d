package com.partnerline.content;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/**
 * A news item or threat entry with its translations (keyed by language: en, ru, fr,
 * de; English always present). Threat fields are {@literal null} for news.
 */
public record ContentItem(UUID id, VendorId vendorId, ContentKind kind, boolean published,
		@Nullable Instant publishAt, @Nullable String threatName, @Nullable String threatType,
		@Nullable Integer dangerLevel, @Nullable LocalDate firstSeen, @Nullable LocalDate activeFrom,
		@Nullable LocalDate activeTo, int version, Instant createdAt, Instant updatedAt,
		Map<String, Translation> translations) {

	public ContentItem {
		java.util.LinkedHashMap<String, Translation> ordered = new java.util.LinkedHashMap<>();
		for (String lang : java.util.List.of("en", "ru", "fr", "de")) {
			if (translations.containsKey(lang)) {
				ordered.put(lang, translations.get(lang));
			}
		}
		translations = java.util.Collections.unmodifiableMap(ordered);
	}

	/** The text in {@code lang}, else in English. */
	public Translation text(String lang) {
		Translation found = translations.get(lang);
		return found != null ? found : translations.get("en");
	}

	/** The language {@link #text(String)} answers in. */
	public String textLanguage(String lang) {
		return translations.containsKey(lang) ? lang : "en";
	}

	/** Shown to readers at {@code at}: published and its time has come. */
	public boolean visibleAt(Instant at) {
		return published && publishAt != null && !publishAt.isAfter(at);
	}

	/** A threat active on {@code day}. */
	public boolean activeOn(LocalDate day) {
		return kind == ContentKind.THREAT && activeFrom != null && !day.isBefore(activeFrom)
				&& (activeTo == null || !day.isAfter(activeTo));
	}

}
