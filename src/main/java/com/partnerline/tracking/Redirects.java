package com.partnerline.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both ways of answering {@code /r/{code}} share ({@link RedirectConnection} for
 * plain requests, {@link RedirectHandler} for whatever Jetty parses): the link targets,
 * cached per node since links never change once made; the cookie window of each
 * vendor, re-read once a minute; and the visit, made of the click handed to the
 * {@link ClickWriter} and the 302 it is answered with once the click is committed.
 */
final class Redirects {

	private static final Logger log = LoggerFactory.getLogger(Redirects.class);

	private static final int MAX_CACHED = 500_000;

	static final int MAX_CODE_LENGTH = 16;

	private final TrackingStore store;

	private final TrackingManagement tracking;

	private final ClickWriter writer;

	private final ClickIdentity identity;

	private final Clock clock;

	private final Map<String, Target> targets = new ConcurrentHashMap<>();

	private final Map<Long, CookieWindow> windows = new ConcurrentHashMap<>();

	Redirects(TrackingStore store, TrackingManagement tracking, ClickWriter writer, ClickIdentity identity,
			Clock clock) {
		this.store = store;
		this.tracking = tracking;
		this.writer = writer;
		this.identity = identity;
		this.clock = clock;
	}

	record Target(String code, long vendorId, UUID partnerId, @Nullable String subId, String url) {
	}

	/** A redirect on its way: answered with {@link #location} and {@link #cookie} once {@link #recorded} completes. */
	record Visit(String code, String location, String cookie, CompletableFuture<Void> recorded) {
	}

	private record CookieWindow(int seconds, long loadedAtMillis) {
	}

	/**
	 * The link of a code when a visit to it needs no database access: the link is cached
	 * and its vendor's cookie window is fresh. Null otherwise.
	 */
	@Nullable Target cached(String code) {
		Target target = targets.get(code);
		if (target == null) {
			return null;
		}
		CookieWindow window = windows.get(target.vendorId());
		return window != null && fresh(window, clock.millis()) ? target : null;
	}

	/** The link of a code, loaded from the database when it is not cached; null for an unknown code. */
	@Nullable Target target(String code) {
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

	/**
	 * Records the click of a visit and says how to answer it.
	 * @param address the client's address (the keyed hash of it is stored, never the address)
	 * @throws IllegalStateException when the click writer takes no more clicks
	 */
	Visit visit(Target target, String address, @Nullable String userAgent, @Nullable String referrer,
			boolean secure) {
		Instant now = clock.instant();
		String clickId = ClickIdentity.newClickId(now);
		String agent = truncate(userAgent, 512);
		ClickWriter.Pending click = new ClickWriter.Pending(target.vendorId(), clickId, now, target.code(),
				target.partnerId(), target.subId(), identity.addressHash(address), agent, truncate(referrer, 1024),
				ClickIdentity.isBot(agent), new CompletableFuture<>());
		String cookie = "pl_ref=" + clickId + "; Max-Age=" + cookieSeconds(target.vendorId(), now.toEpochMilli())
				+ "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
		return new Visit(target.code(), TargetUrls.withClickId(target.url(), clickId), cookie, writer.record(click));
	}

	/** The click could not be stored: no redirect without its click, the client may try again. */
	static void notRecorded(String code, Throwable failure) {
		log.warn("Click on {} not recorded: {}", code, failure.getMessage());
	}

	private int cookieSeconds(long vendorId, long nowMillis) {
		CookieWindow window = windows.get(vendorId);
		if (window == null || !fresh(window, nowMillis)) {
			window = new CookieWindow(tracking.cookieDays(new VendorId(vendorId)) * 86_400, nowMillis);
			windows.put(vendorId, window);
		}
		return window.seconds();
	}

	private static boolean fresh(CookieWindow window, long nowMillis) {
		return nowMillis - window.loadedAtMillis() <= 60_000;
	}

	/** The code of a path {@code /r/{code}}: letters and digits only, else null. */
	static @Nullable String code(@Nullable String path) {
		if (path == null || path.length() <= 3 || path.length() > 3 + MAX_CODE_LENGTH || !path.startsWith("/r/")) {
			return null;
		}
		for (int i = 3; i < path.length(); i++) {
			if (!isCodeChar(path.charAt(i))) {
				return null;
			}
		}
		return path.substring(3);
	}

	static boolean isCodeChar(int c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
	}

	private static @Nullable String truncate(@Nullable String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
