package com.partnerline.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both ways of answering {@code /r/{code}} share ({@link RedirectConnection} for
 * plain requests, {@link RedirectHandler} for whatever Jetty parses): the link targets,
 * cached per node since links never change once made, and the cookie window of each
 * vendor, both read in groups by {@link RedirectReads}; and the visit, made of the
 * click handed to the {@link ClickWriter} and the 302 it is answered with once the
 * click is committed.
 * <p>
 * A cookie window older than a minute is still used while it is read again in the
 * background, so that a change reaches every node within about a minute and no visit
 * waits for it.
 */
final class Redirects {

	private static final Logger log = LoggerFactory.getLogger(Redirects.class);

	private static final int MAX_CACHED = 500_000;

	private static final long WINDOW_MAX_AGE_MILLIS = 60_000;

	static final int MAX_CODE_LENGTH = 16;

	private final RedirectReads reads;

	private final ClickWriter writer;

	private final ClickIdentity identity;

	private final Clock clock;

	private final Timer answers;

	private final Map<String, Target> targets = new ConcurrentHashMap<>();

	/** Reads in flight, so that the visits of one code waiting for it cost one read. */
	private final Map<String, CompletableFuture<@Nullable Target>> loading = new ConcurrentHashMap<>();

	private final Map<Long, CookieWindow> windows = new ConcurrentHashMap<>();

	Redirects(RedirectReads reads, ClickWriter writer, ClickIdentity identity, Clock clock, MeterRegistry meters) {
		this.reads = reads;
		this.writer = writer;
		this.identity = identity;
		this.clock = clock;
		this.answers = Timer.builder("partnerline.redirects")
			.description("Time from a redirect request read to its answer written (its click committed)")
			.publishPercentiles(0.5, 0.99, 0.999)
			.percentilePrecision(2)
			.register(meters);
	}

	record Target(String code, long vendorId, UUID partnerId, @Nullable String subId, String url) {
	}

	/** A redirect on its way: answered with {@link #location} and {@link #cookie} once {@link #recorded} completes. */
	record Visit(String code, String location, String cookie, CompletableFuture<Void> recorded) {
	}

	private record CookieWindow(int seconds, long loadedAtMillis) {
	}

	/**
	 * The link of a code when it is cached with its vendor's cookie window, so that a
	 * visit needs no database access; null otherwise.
	 */
	@Nullable Target cached(String code) {
		Target target = targets.get(code);
		if (target == null) {
			return null;
		}
		CookieWindow window = windows.get(target.vendorId());
		if (window == null) {
			return null;
		}
		long now = clock.millis();
		// one visit (the one that moves the time on) has the window read again
		if (now - window.loadedAtMillis() > WINDOW_MAX_AGE_MILLIS
				&& windows.replace(target.vendorId(), window, new CookieWindow(window.seconds(), now))) {
			refreshWindow(target.vendorId());
		}
		return target;
	}

	/**
	 * The link of a code with its vendor's cookie window, at once when cached, else once
	 * read; completes with null for an unknown code.
	 * @throws IllegalStateException when the reads take no more work
	 */
	CompletableFuture<@Nullable Target> lookup(String code) {
		Target cached = cached(code);
		if (cached != null) {
			return CompletableFuture.completedFuture(cached);
		}
		CompletableFuture<@Nullable Target> mine = new CompletableFuture<>();
		CompletableFuture<@Nullable Target> earlier = loading.putIfAbsent(code, mine);
		if (earlier != null) {
			return earlier;
		}
		try {
			reads.link(code).thenCompose(this::withWindow).whenComplete((target, failure) -> {
				if (target != null) {
					if (targets.size() >= MAX_CACHED) {
						targets.clear();
					}
					targets.put(code, target);
				}
				loading.remove(code, mine);
				if (failure != null) {
					mine.completeExceptionally(failure);
				}
				else {
					mine.complete(target);
				}
			});
		}
		catch (IllegalStateException ex) {
			loading.remove(code, mine);
			throw ex;
		}
		return mine;
	}

	/** The link of a code, waiting for it to be read when it is not cached; null for an unknown code. */
	@Nullable Target target(String code) {
		return lookup(code).join();
	}

	private CompletableFuture<@Nullable Target> withWindow(@Nullable Target target) {
		if (target == null || windows.containsKey(target.vendorId())) {
			return CompletableFuture.completedFuture(target);
		}
		return reads.cookieDays(target.vendorId()).thenApply(days -> {
			windows.putIfAbsent(target.vendorId(), new CookieWindow(days * 86_400, clock.millis()));
			return target;
		});
	}

	private void refreshWindow(long vendorId) {
		try {
			reads.cookieDays(vendorId).thenAccept(
					days -> windows.put(vendorId, new CookieWindow(days * 86_400, clock.millis())));
		}
		catch (IllegalStateException ex) {
			// the reads are busy or stopping: the window is tried again a minute later
			log.debug("Cookie window of vendor {} not read again: {}", vendorId, ex.getMessage());
		}
	}

	/**
	 * Records the click of a visit and says how to answer it.
	 * @param target from {@link #cached} or {@link #lookup}, which have its vendor's cookie window at hand
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
		String cookie = "pl_ref=" + clickId + "; Max-Age=" + windows.get(target.vendorId()).seconds()
				+ "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
		return new Visit(target.code(), TargetUrls.withClickId(target.url(), clickId), cookie, writer.record(click));
	}

	/**
	 * Counts a redirect answered (a 302, or a 503 when its click could not be stored).
	 * @param startedNanos {@link System#nanoTime()} when its request was read
	 */
	void answered(long startedNanos) {
		answers.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
	}

	/** The click could not be stored: no redirect without its click, the client may try again. */
	static void notRecorded(String code, Throwable failure) {
		log.warn("Click on {} not recorded: {}", code, failure.getMessage());
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
