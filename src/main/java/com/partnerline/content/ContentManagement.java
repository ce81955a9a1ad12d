package com.partnerline.content;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editors' side of content: publishing and editing news items and threat entries
 * with their translations. Every save is a new version kept whole in the history; a
 * save on a stale version is refused (409), so two editors never overwrite each other.
 */
@Service
public class ContentManagement {

	static final Set<String> LANGUAGES = Set.of("en", "ru", "fr", "de");

	private final ContentStore store;

	private final ContentCaches caches;

	private final Clock clock;

	private final JsonMapper json;

	ContentManagement(ContentStore store, ContentCaches caches, Clock clock, JsonMapper json) {
		this.store = store;
		this.caches = caches;
		this.clock = clock;
		this.json = json;
	}

	/** The kind of content a {@code /content/{feed}} path publishes: a news feed or threat entries. */
	public static ContentKind kindOf(String feed) {
		return switch (feed.toLowerCase(Locale.ROOT)) {
			case "av-news" -> ContentKind.AV_NEWS;
			case "virus-news" -> ContentKind.VIRUS_NEWS;
			case "threats", "threat", "virus-rating", "virus-calendar" -> ContentKind.THREAT;
			default -> throw ApiProblem.notFound("content.feed.unknown", feed);
		};
	}

	/** Publishes (or keeps as a draft) a new item; 422 naming each bad field, nothing stored then. */
	@Transactional
	public ContentItem create(Vendor vendor, ContentKind kind, ContentDraft draft, @Nullable String by) {
		Instant now = clock.instant();
		ContentItem item = validate(UUID.randomUUID(), vendor.id(), kind, draft, 1, now, now);
		if (kind == ContentKind.THREAT && item.threatName() != null
				&& store.findThreat(vendor.id(), item.threatName()).isPresent()) {
			throw ApiProblem.conflict("content.threat.exists", item.threatName());
		}
		store.insert(item);
		store.history(item, by, snapshot(item));
		caches.changed(vendor.id());
		return item;
	}

	/** Saves a new version of an item; 409 when {@code expectedVersion} is not the current one. */
	@Transactional
	public ContentItem update(Vendor vendor, UUID id, ContentDraft draft, @Nullable Integer expectedVersion,
			@Nullable String by) {
		ContentItem current = item(vendor.id(), id);
		int expected = expectedVersion == null ? current.version() : expectedVersion;
		ContentItem item = validate(id, vendor.id(), current.kind(), draft, expected + 1, current.createdAt(),
				clock.instant());
		if (!store.update(item, expected)) {
			throw ApiProblem.conflict("content.item.stale");
		}
		store.history(item, by, snapshot(item));
		caches.changed(vendor.id());
		return item;
	}

	public ContentItem item(VendorId vendorId, UUID id) {
		return store.find(vendorId, id).orElseThrow(() -> ApiProblem.notFound("content.item.notFound"));
	}

	public List<ContentItem> items(VendorId vendorId, @Nullable ContentKind kind, int page, int size) {
		return store.all(vendorId, kind, size, page * size);
	}

	public long count(VendorId vendorId, @Nullable ContentKind kind) {
		return store.count(vendorId, kind);
	}

	/** Every saved version of the item, newest first. */
	public List<Version> history(VendorId vendorId, UUID id) {
		item(vendorId, id);
		return store.historyOf(vendorId, id)
			.stream()
			.map(h -> new Version(h.version(), h.savedAt(), h.savedBy(), h.snapshot()))
			.toList();
	}

	private ContentItem validate(UUID id, VendorId vendorId, ContentKind kind, ContentDraft draft, int version,
			Instant createdAt, Instant now) {
		List<FieldProblem> errors = new ArrayList<>();
		Map<String, Translation> texts = new LinkedHashMap<>();
		String language = draft.language() == null || draft.language().isBlank() ? "en"
				: draft.language().strip().toLowerCase(Locale.ROOT);
		if (!LANGUAGES.contains(language)) {
			errors.add(new FieldProblem("language", "content.error.language"));
		}
		String name = trimmed(draft.name());
		String mainBody = firstOf(trimmed(draft.body()), trimmed(draft.description()));
		String mainTitle = firstOf(trimmed(draft.title()),
				kind == ContentKind.THREAT && mainBody != null ? name : null);
		if (mainTitle != null || mainBody != null) {
			texts.put(language, text(mainTitle, mainBody, trimmed(draft.removal()), language, "", errors));
		}
		if (draft.translations() != null) {
			draft.translations().forEach((lang, t) -> {
				String code = lang.strip().toLowerCase(Locale.ROOT);
				if (!LANGUAGES.contains(code)) {
					errors.add(new FieldProblem("translations." + lang, "content.error.language"));
					return;
				}
				if (t == null) {
					return;
				}
				texts.put(code, text(firstOf(trimmed(t.title()), kind == ContentKind.THREAT ? name : null),
						firstOf(trimmed(t.body()), trimmed(t.description())), trimmed(t.removal()), code,
						"translations." + code + ".", errors));
			});
		}
		if (!texts.containsKey("en")) {
			errors.add(new FieldProblem(
					!texts.isEmpty() ? "translations.en" : kind == ContentKind.THREAT ? "description" : "title",
					"content.error.englishRequired"));
		}
		Instant publishAt = null;
		boolean draftOnly = Boolean.TRUE.equals(draft.draft());
		if (draft.publishAt() != null && !draft.publishAt().isBlank()) {
			try {
				publishAt = OffsetDateTime.parse(draft.publishAt().strip()).toInstant();
			}
			catch (DateTimeParseException ex) {
				errors.add(new FieldProblem("publishAt", "content.error.time"));
			}
		}
		else if (!draftOnly) {
			publishAt = now;
		}
		String type = null;
		Integer danger = null;
		LocalDate firstSeen = null;
		LocalDate activeFrom = null;
		LocalDate activeTo = null;
		if (kind == ContentKind.THREAT) {
			if (name == null) {
				errors.add(new FieldProblem("name", "content.error.required"));
			}
			else if (name.length() > 200) {
				errors.add(new FieldProblem("name", "content.error.tooLong"));
			}
			type = trimmed(draft.type());
			if (type == null) {
				errors.add(new FieldProblem("type", "content.error.required"));
			}
			else {
				type = type.toUpperCase(Locale.ROOT);
				if (!ThreatType.NAMES.contains(type)) {
					errors.add(new FieldProblem("type", "content.error.choice"));
				}
			}
			danger = draft.dangerLevel();
			if (danger == null) {
				errors.add(new FieldProblem("dangerLevel", "content.error.required"));
			}
			else if (danger < 1 || danger > 5) {
				errors.add(new FieldProblem("dangerLevel", "content.error.dangerLevel"));
			}
			firstSeen = date(draft.firstSeen(), "firstSeen", errors);
			activeFrom = date(draft.activeFrom(), "activeFrom", errors);
			activeTo = date(draft.activeTo(), "activeTo", errors);
			if (activeFrom == null) {
				activeFrom = firstSeen;
			}
			if (activeFrom == null && draft.activeFrom() == null && draft.firstSeen() == null) {
				errors.add(new FieldProblem("activeFrom", "content.error.required"));
			}
			if (activeFrom != null && activeTo != null && activeTo.isBefore(activeFrom)) {
				errors.add(new FieldProblem("activeTo", "content.error.beforeStart"));
			}
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
		return new ContentItem(id, vendorId, kind, !draftOnly, publishAt, kind == ContentKind.THREAT ? name : null,
				type, danger, firstSeen, activeFrom, activeTo, version, createdAt, now, texts);
	}

	private static Translation text(@Nullable String title, @Nullable String body, @Nullable String removal,
			String lang, String prefix, List<FieldProblem> errors) {
		if (title == null) {
			errors.add(new FieldProblem(prefix + "title", "content.error.required"));
		}
		else if (title.length() > 300) {
			errors.add(new FieldProblem(prefix + "title", "content.error.tooLong"));
		}
		if (body == null) {
			errors.add(new FieldProblem(prefix + "body", "content.error.required"));
		}
		else if (body.length() > 20_000) {
			errors.add(new FieldProblem(prefix + "body", "content.error.tooLong"));
		}
		return new Translation(title == null ? "" : title, body == null ? "" : body, removal);
	}

	private static @Nullable LocalDate date(@Nullable String value, String field, List<FieldProblem> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip().length() > 10 ? value.strip().substring(0, 10) : value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldProblem(field, "content.error.date"));
			return null;
		}
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static @Nullable String firstOf(@Nullable String a, @Nullable String b) {
		return a != null ? a : b;
	}

	private String snapshot(ContentItem item) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		snapshot.put("kind", item.kind().name());
		snapshot.put("published", item.published());
		snapshot.put("publishAt", item.publishAt() == null ? null : item.publishAt().toString());
		snapshot.put("name", item.threatName());
		snapshot.put("type", item.threatType());
		snapshot.put("dangerLevel", item.dangerLevel());
		snapshot.put("firstSeen", item.firstSeen() == null ? null : item.firstSeen().toString());
		snapshot.put("activeFrom", item.activeFrom() == null ? null : item.activeFrom().toString());
		snapshot.put("activeTo", item.activeTo() == null ? null : item.activeTo().toString());
		snapshot.put("translations", item.translations());
		return json.writeValueAsString(snapshot);
	}

	/** One saved version: who saved it when, and the whole item as JSON. */
	public record Version(int version, Instant savedAt, @Nullable String savedBy, String snapshot) {
	}

}
