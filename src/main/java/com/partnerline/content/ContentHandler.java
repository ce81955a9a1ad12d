package com.partnerline.content;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import com.partnerline.kernel.ApiProblem;
import org.jspecify.annotations.Nullable;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpDateTime;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The feeds and the Virus Informer as they are read: {@code GET}/{@code HEAD} of
 * {@code /feeds/{feed}.{rss,atom,json}} with a valid key and of
 * {@code /informer/{code}.{js,html}} answered on Jetty's own HTTP stack in front of the
 * servlet container (as {@code /r/} is, ADR 0014 and 0025): the rendered bytes come
 * from the cache, the key from the agreements' cache, 304 for a current ETag or date,
 * the request counted in memory. No servlet request, filter chain, MVC handler lookup
 * or security chain is walked: there is nothing for them to do here (anonymous,
 * stateless, no session, no body).
 *
 * <p>Everything this handler does not answer itself goes on to the servlet container
 * unchanged, where {@link FeedController} and {@link InformerController} answer it the
 * ordinary way: a missing (401) or unknown key or a feed not granted (403), an unknown
 * feed or partner (404), a bad {@code lang}, {@code style} or {@code size} (400), a
 * repeated parameter. So every refusal is the same problem as before, written in one place.
 */
class ContentHandler extends Handler.Wrapper {

	/** What the public content chain writes on every answer (ContentWebConfiguration). */
	private static final HttpField CSP = new PreEncodedHttpField("Content-Security-Policy",
			ContentWebConfiguration.FRAMEABLE_POLICY);

	private static final HttpField NOSNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");

	private static final HttpField XSS = new PreEncodedHttpField("X-XSS-Protection", "0");

	private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");

	static final String INFORMER_CACHE_CONTROL = "max-age=60, public";

	private static final HttpField INFORMER_CACHE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL,
			INFORMER_CACHE_CONTROL);

	private final ContentAgreements agreements;

	private final Feeds feeds;

	private final Informers informers;

	private final UsageCounter usage;

	private final Clock clock;

	ContentHandler(ContentAgreements agreements, Feeds feeds, Informers informers, UsageCounter usage, Clock clock) {
		this.clock = clock;
		this.agreements = agreements;
		this.feeds = feeds;
		this.informers = informers;
		this.usage = usage;
	}

	/** Puts the handler in front of the servlet container. */
	@Configuration(proxyBeanMethods = false)
	static class Installation {

		@Bean
		JettyServerCustomizer contentHandler(ContentAgreements agreements, Feeds feeds, Informers informers,
				UsageCounter usage, Clock clock) {
			return server -> {
				ContentHandler handler = new ContentHandler(agreements, feeds, informers, usage, clock);
				handler.setHandler(server.getHandler());
				server.setHandler(handler);
			};
		}

	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) throws Exception {
		String method = request.getMethod();
		boolean head = HttpMethod.HEAD.is(method);
		if (!head && !HttpMethod.GET.is(method)) {
			return super.handle(request, response, callback);
		}
		String path = request.getHttpURI().getCanonicalPath();
		Answer answer = null;
		if (path != null && path.startsWith("/feeds/")) {
			answer = feed(path.substring("/feeds/".length()), request);
		}
		else if (path != null && path.startsWith("/informer/")) {
			answer = informer(path.substring("/informer/".length()), request);
		}
		if (answer == null) {
			return super.handle(request, response, callback);
		}
		write(answer, request, response, callback);
		return true;
	}

	/** A rendered answer and its Cache-Control. */
	private record Answer(ContentCaches.Rendered rendered, HttpField cacheControl) {
	}

	private @Nullable Answer feed(String file, Request request) {
		int dot = file.lastIndexOf('.');
		if (dot <= 0 || file.indexOf('/') >= 0) {
			return null;
		}
		Optional<Feed> feed = Feed.of(file.substring(0, dot));
		String format = file.substring(dot + 1).toLowerCase(Locale.ROOT);
		if (feed.isEmpty() || !(format.equals("rss") || format.equals("atom") || format.equals("json"))) {
			return null;
		}
		Fields query = query(request);
		String key = single(query, "key");
		String lang = language(query);
		if (query == null || key == null || key.isBlank() || lang == null || !single(query)) {
			return null;
		}
		Optional<ContentAgreement> agreement = agreements.byKey(key.strip());
		if (agreement.isEmpty() || !agreement.get().grants(feed.get())) {
			return null;
		}
		ContentAgreement granted = agreement.get();
		ContentCaches.Rendered rendered;
		try {
			rendered = feeds.rendered(new Feeds.Key(granted.vendorId(), feed.get(), format, lang, granted.maxItems(),
					granted.schedule()));
		}
		catch (ApiProblem problem) {
			return null;
		}
		usage.count(granted.id(), feed.get());
		return new Answer(rendered, new HttpField(HttpHeader.CACHE_CONTROL, rendered.cacheControl(clock.instant())));
	}

	private @Nullable Answer informer(String file, Request request) {
		int dot = file.lastIndexOf('.');
		if (dot <= 0 || dot > 64 || file.indexOf('/') >= 0) {
			return null;
		}
		String format = file.substring(dot + 1).toLowerCase(Locale.ROOT);
		if (!format.equals("js") && !format.equals("html")) {
			return null;
		}
		Fields query = query(request);
		String lang = language(query);
		if (query == null || lang == null || !single(query)) {
			return null;
		}
		Informers.Style style = choice(Informers.Style.class, single(query, "style"));
		Informers.Size size = choice(Informers.Size.class, single(query, "size"));
		String vendor = single(query, "vendor");
		if ((style == null && present(query, "style")) || (size == null && present(query, "size"))) {
			return null;
		}
		try {
			return new Answer(informers.rendered(new Informers.Key(file.substring(0, dot), lang, style, size,
					vendor == null || vendor.isBlank() ? null : vendor.strip(), format)), INFORMER_CACHE);
		}
		catch (ApiProblem problem) {
			return null;
		}
	}

	/** 304 when the reader's ETag (or, without one, its date) is current, else the bytes. */
	private void write(Answer answer, Request request, Response response, Callback callback) {
		ContentCaches.Rendered rendered = answer.rendered();
		Instant lastModified = rendered.lastModified().truncatedTo(ChronoUnit.SECONDS);
		HttpFields headers = request.getHeaders();
		String ifNoneMatch = headers.get(HttpHeader.IF_NONE_MATCH);
		boolean current;
		if (ifNoneMatch != null) {
			current = FeedController.matches(ifNoneMatch, rendered.etag());
		}
		else {
			long since = headers.getDateField(HttpHeader.IF_MODIFIED_SINCE.asString());
			current = since >= 0 && !lastModified.isAfter(Instant.ofEpochMilli(since));
		}
		HttpFields.Mutable out = response.getHeaders();
		out.put(HttpHeader.ETAG, rendered.etag());
		out.put(HttpHeader.LAST_MODIFIED, HttpDateTime.format(lastModified.atZone(ZoneOffset.UTC)));
		out.put(answer.cacheControl());
		if (rendered.nextUpdate() != null) {
			out.put(HttpHeader.EXPIRES, HttpDateTime.format(rendered.nextUpdate().atZone(ZoneOffset.UTC)));
		}
		out.put(VARY);
		out.put(NOSNIFF);
		out.put(XSS);
		out.put(CSP);
		if (current) {
			response.setStatus(HttpStatus.NOT_MODIFIED_304);
			callback.succeeded();
			return;
		}
		response.setStatus(HttpStatus.OK_200);
		out.put(HttpHeader.CONTENT_TYPE, rendered.contentType());
		out.put(HttpHeader.CONTENT_LENGTH, rendered.body().length);
		// for HEAD, Jetty's generator sends the headers and drops the bytes
		response.write(true, ByteBuffer.wrap(rendered.body()), callback);
	}

	/** The query's parameters, or {@literal null} when Jetty cannot decode them (MVC answers then). */
	private static @Nullable Fields query(Request request) {
		try {
			return Request.extractQueryParameters(request);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** Every parameter given once (a repeated one is MVC's to interpret). */
	private static boolean single(Fields query) {
		for (Fields.Field field : query) {
			if (field.getValues().size() > 1) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable String single(@Nullable Fields query, String name) {
		return query == null ? null : query.getValue(name);
	}

	private static boolean present(Fields query, String name) {
		String value = query.getValue(name);
		return value != null && !value.isBlank();
	}

	/** The asked language; {@literal null} for one we do not speak (MVC's 400 then). */
	private static @Nullable String language(@Nullable Fields query) {
		String lang = single(query, "lang");
		if (lang == null || lang.isBlank()) {
			return "en";
		}
		String code = lang.strip().toLowerCase(Locale.ROOT);
		return ContentManagement.LANGUAGES.contains(code) ? code : null;
	}

	private static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
