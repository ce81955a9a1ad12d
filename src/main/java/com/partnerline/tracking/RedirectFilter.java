package com.partnerline.tracking;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The redirect hot path, {@code GET /r/{code}}, as a servlet filter ahead of every
 * other filter: no security chain, no session, no MVC dispatch. A known code is
 * answered here: the click is recorded (committed in a group by {@link ClickWriter})
 * and only then the 302 goes out, with {@code plc=<clickId>} and the {@code pl_ref}
 * cookie. Anything else (unknown code, other methods) goes down the normal chain,
 * where the MVC handler answers the 404 page.
 * <p>
 * Links never change once made, so their targets are cached per node; the cookie
 * window of each vendor is re-read once a minute.
 */
class RedirectFilter implements Filter {

	private static final Logger log = LoggerFactory.getLogger(RedirectFilter.class);

	private static final int MAX_CACHED = 500_000;

	private final TrackingStore store;

	private final TrackingManagement tracking;

	private final ClickWriter writer;

	private final ClickIdentity identity;

	private final Clock clock;

	private final Map<String, Target> targets = new ConcurrentHashMap<>();

	private final Map<Long, CookieWindow> windows = new ConcurrentHashMap<>();

	RedirectFilter(TrackingStore store, TrackingManagement tracking, ClickWriter writer, ClickIdentity identity,
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
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		HttpServletResponse response = (HttpServletResponse) res;
		String method = request.getMethod();
		String code = code(request);
		Target target = code == null || !("GET".equals(method) || "HEAD".equals(method)) ? null : target(code);
		if (target == null) {
			chain.doFilter(req, res);
			return;
		}
		Instant now = clock.instant();
		String clickId = identity.newClickId();
		String agent = truncate(request.getHeader("User-Agent"), 512);
		ClickWriter.Pending click = new ClickWriter.Pending(target.vendorId(), clickId, now, target.code(),
				target.partnerId(), target.subId(), identity.addressHash(request.getRemoteAddr()), agent,
				truncate(request.getHeader("Referer"), 1024), ClickIdentity.isBot(agent), new CompletableFuture<>());
		try {
			writer.record(click);
		}
		catch (IllegalStateException ex) {
			log.warn("Click on {} not recorded: {}", code, ex.getMessage());
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader("Retry-After", "1");
			response.setContentLength(0);
			return;
		}
		int maxAge = cookieSeconds(target.vendorId(), now.toEpochMilli());
		response.setStatus(HttpServletResponse.SC_FOUND);
		response.setHeader("Location", TargetUrls.withClickId(target.url(), clickId));
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer-when-downgrade");
		response.addHeader("Set-Cookie", "pl_ref=" + clickId + "; Max-Age=" + maxAge + "; Path=/; HttpOnly; SameSite=Lax"
				+ (request.isSecure() ? "; Secure" : ""));
		response.setContentLength(0);
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

	private static @Nullable String code(HttpServletRequest request) {
		String uri = request.getRequestURI();
		int start = request.getContextPath().length() + 3;
		if (uri.length() <= start || uri.length() > start + 16 || !uri.startsWith("/r/", start - 3)) {
			return null;
		}
		for (int i = start; i < uri.length(); i++) {
			char c = uri.charAt(i);
			if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
				return null;
			}
		}
		return uri.substring(start);
	}

	private static @Nullable String truncate(@Nullable String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
