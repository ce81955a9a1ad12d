package com.partnerline.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.partnerline.kernel.VendorId;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The redirect hot path, {@code GET /r/{code}}, answered by the web server itself, in
 * front of the servlet container: no servlet request, no filter chain, no session and
 * no thread that waits. A known code's click goes to the {@link ClickWriter}; the 302
 * (with {@code plc=<clickId>} and the {@code pl_ref} cookie) is sent by the writer's
 * thread when the click's group has committed, so every answered redirect is durable
 * while no request holds a thread for it. Anything else (unknown code, other methods,
 * other paths) goes on to the servlet container, where MVC answers the 404 page.
 * <p>
 * Links never change once made, so their targets are cached per node; the cookie
 * window of each vendor is re-read once a minute.
 */
class RedirectHandler extends Handler.Wrapper {

	private static final Logger log = LoggerFactory.getLogger(RedirectHandler.class);

	private static final int MAX_CACHED = 500_000;

	private static final int MAX_CODE_LENGTH = 16;

	private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");

	private static final HttpField REFERRER_POLICY = new PreEncodedHttpField("Referrer-Policy",
			"no-referrer-when-downgrade");

	private final TrackingStore store;

	private final TrackingManagement tracking;

	private final ClickWriter writer;

	private final ClickIdentity identity;

	private final Clock clock;

	private final Map<String, Target> targets = new ConcurrentHashMap<>();

	private final Map<Long, CookieWindow> windows = new ConcurrentHashMap<>();

	RedirectHandler(TrackingStore store, TrackingManagement tracking, ClickWriter writer, ClickIdentity identity,
			Clock clock) {
		this.store = store;
		this.tracking = tracking;
		this.writer = writer;
		this.identity = identity;
		this.clock = clock;
	}

	record Target(String code, long vendorId, UUID partnerId, @Nullable String subId, String url) {
	}

	record CookieWindow(int seconds, long loadedAtMillis) {
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) throws Exception {
		String method = request.getMethod();
		String code = code(request.getHttpURI().getPath());
		Target target = code == null || !(HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method)) ? null
				: target(code);
		if (target == null) {
			return super.handle(request, response, callback);
		}
		Instant now = clock.instant();
		String clickId = ClickIdentity.newClickId(now);
		HttpFields headers = request.getHeaders();
		String agent = truncate(headers.get(HttpHeader.USER_AGENT), 512);
		ClickWriter.Pending click = new ClickWriter.Pending(target.vendorId(), clickId, now, target.code(),
				target.partnerId(), target.subId(), identity.addressHash(Request.getRemoteAddr(request)), agent,
				truncate(headers.get(HttpHeader.REFERER), 1024), ClickIdentity.isBot(agent), new CompletableFuture<>());
		String location = TargetUrls.withClickId(target.url(), clickId);
		String cookie = "pl_ref=" + clickId + "; Max-Age=" + cookieSeconds(target.vendorId(), now.toEpochMilli())
				+ "; Path=/; HttpOnly; SameSite=Lax" + (request.isSecure() ? "; Secure" : "");
		CompletableFuture<Void> recorded;
		try {
			recorded = writer.record(click);
		}
		catch (IllegalStateException ex) {
			unavailable(code, ex, response, callback);
			return true;
		}
		recorded.whenComplete((committed, failure) -> {
			if (failure != null) {
				unavailable(code, failure, response, callback);
				return;
			}
			HttpFields.Mutable out = response.getHeaders();
			response.setStatus(HttpStatus.FOUND_302);
			out.put(HttpHeader.LOCATION, location);
			out.put(NO_STORE);
			out.put(REFERRER_POLICY);
			out.add(HttpHeader.SET_COOKIE, cookie);
			out.put(HttpHeader.CONTENT_LENGTH, 0L);
			callback.succeeded();
		});
		return true;
	}

	/** The click could not be stored: no redirect without its click, the client may try again. */
	private static void unavailable(String code, Throwable failure, Response response, Callback callback) {
		log.warn("Click on {} not recorded: {}", code, failure.getMessage());
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
		response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
		callback.succeeded();
	}

	private @Nullable Target target(String code) {
		Target cached = targets.get(code);
		if (cached != null) {
			return cached;
		}
		Target loaded = store.link(code)
			.map(link -> new Target(link.code(), link.vendorId().value(), link.partnerId().value(), link.subId(),
					link.targetUrl()))
			.orElse(null);
		if (loaded != null) {
			if (targets.size() >= MAX_CACHED) {
				targets.clear();
			}
			targets.put(code, loaded);
		}
		return loaded;
	}

	private int cookieSeconds(long vendorId, long nowMillis) {
		CookieWindow window = windows.get(vendorId);
		if (window == null || nowMillis - window.loadedAtMillis() > 60_000) {
			window = new CookieWindow(tracking.cookieDays(new VendorId(vendorId)) * 86_400, nowMillis);
			windows.put(vendorId, window);
		}
		return window.seconds();
	}

	/** The code of a path {@code /r/{code}}: letters and digits only, else null. */
	static @Nullable String code(@Nullable String path) {
		if (path == null || path.length() <= 3 || path.length() > 3 + MAX_CODE_LENGTH || !path.startsWith("/r/")) {
			return null;
		}
		for (int i = 3; i < path.length(); i++) {
			char c = path.charAt(i);
			if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
				return null;
			}
		}
		return path.substring(3);
	}

	private static @Nullable String truncate(@Nullable String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
