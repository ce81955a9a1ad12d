package com.partnerline.content;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /feeds/{feed}.{rss,atom,json}?key=&lang=}: the feed the key's content
 * agreement grants (no key: 401; an unknown key or a feed the agreement does not
 * grant: 403), in {@code lang} with English per item where a translation is missing.
 * Answers from the cache with a strong ETag and Last-Modified, and 304 to a reader
 * that has the current version.
 */
@RestController
class FeedController {

	private final ContentAgreements agreements;

	private final Feeds feeds;

	private final UsageCounter usage;

	private final Clock clock;

	FeedController(ContentAgreements agreements, Feeds feeds, UsageCounter usage, Clock clock) {
		this.clock = clock;
		this.agreements = agreements;
		this.feeds = feeds;
		this.usage = usage;
	}

	@GetMapping("/feeds/{name}.{format}")
	ResponseEntity<byte[]> feed(@PathVariable String name, @PathVariable String format,
			@RequestParam(required = false) @Nullable String key, @RequestParam(required = false) @Nullable String lang,
			HttpServletRequest request) {
		Feed feed = Feed.of(name).orElseThrow(() -> ApiProblem.notFound("content.feed.unknown", name));
		String kind = format.toLowerCase(Locale.ROOT);
		if (!kind.equals("rss") && !kind.equals("atom") && !kind.equals("json")) {
			throw ApiProblem.notFound("content.feed.unknown", name + "." + format);
		}
		if (key == null || key.isBlank()) {
			throw ApiProblem.unauthorized("content.feed.keyMissing");
		}
		ContentAgreement agreement = agreements.byKey(key.strip())
			.orElseThrow(() -> ApiProblem.forbidden("content.feed.keyUnknown"));
		if (!agreement.grants(feed)) {
			throw ApiProblem.forbidden("content.feed.notGranted", feed.slug());
		}
		String language = language(lang);
		ContentCaches.Rendered rendered = feeds.rendered(new Feeds.Key(agreement.vendorId(), feed, kind, language,
				agreement.maxItems(), agreement.schedule()));
		usage.count(agreement.id(), feed);
		return answer(rendered, request, rendered.cacheControl(clock.instant()));
	}

	/** {@code en}, {@code ru}, {@code fr} or {@code de}; English when absent; 400 for anything else. */
	static String language(@Nullable String lang) {
		if (lang == null || lang.isBlank()) {
			return "en";
		}
		String code = lang.strip().toLowerCase(Locale.ROOT);
		if (!ContentManagement.LANGUAGES.contains(code)) {
			throw ApiProblem.badRequest(java.util.List.of(new FieldProblem("lang", "content.error.language")));
		}
		return code;
	}

	/** 304 when the reader's ETag (or date) is current, else the bytes. */
	static ResponseEntity<byte[]> answer(ContentCaches.Rendered rendered, HttpServletRequest request,
			String cacheControl) {
		Instant lastModified = rendered.lastModified().truncatedTo(ChronoUnit.SECONDS);
		String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
		boolean current;
		if (ifNoneMatch != null) {
			current = matches(ifNoneMatch, rendered.etag());
		}
		else {
			long since = -1;
			try {
				since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
			}
			catch (IllegalArgumentException ex) {
				since = -1;
			}
			current = since >= 0 && !lastModified.isAfter(Instant.ofEpochMilli(since));
		}
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(current ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
			.eTag(rendered.etag())
			.lastModified(lastModified)
			.header(HttpHeaders.CACHE_CONTROL, cacheControl)
			.header(HttpHeaders.VARY, "Accept-Encoding");
		if (rendered.nextUpdate() != null) {
			builder.header(HttpHeaders.EXPIRES, DateTimeFormatter.RFC_1123_DATE_TIME.format(rendered.nextUpdate().atZone(ZoneOffset.UTC)));
		}
		if (current) {
			return builder.build();
		}
		return builder.contentType(MediaType.parseMediaType(rendered.contentType())).body(rendered.body());
	}

	static boolean matches(String ifNoneMatch, String etag) {
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.strip();
			if (tag.startsWith("W/")) {
				tag = tag.substring(2);
			}
			if (tag.equals("*") || tag.equals(etag)) {
				return true;
			}
		}
		return false;
	}

}
