package com.partnerline.content;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an editor submits for a news item or threat entry (API body, console form,
 * demo data). Texts may be given as {@code title}/{@code body} (English unless
 * {@code language} says otherwise) and in {@code translations} per language; a
 * threat's {@code description} stands for its body and its {@code name} for a missing
 * title. {@code draft} keeps it unpublished; {@code publishAt} (ISO-8601 with offset)
 * schedules it, now when absent.
 */
public record ContentDraft(@Nullable String title, @Nullable String body, @Nullable String language,
		@Nullable Map<String, TranslationDraft> translations, @Nullable Boolean draft, @Nullable String publishAt,
		@Nullable String name, @Nullable String type, @Nullable Integer dangerLevel, @Nullable String firstSeen,
		@Nullable String activeFrom, @Nullable String activeTo, @Nullable String description,
		@Nullable String removal) {

	/** The texts of one language. */
	public record TranslationDraft(@Nullable String title, @Nullable String body, @Nullable String description,
			@Nullable String removal) {
	}

}
