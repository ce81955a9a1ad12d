package com.partnerline.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.VendorId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What {@code /r/{code}} does, apart from HTTP (that is the {@link RedirectHandler}'s):
 * finds the link of a code and its vendor's rules, and makes the visit, whose click
 * goes to the {@link ClickWriter} and whose 302 is sent once the click is committed.
 * <p>
 * Links never change once made and are cached; so are unknown codes, so that a flood
 * of made-up codes costs no database read each. A vendor's cookie window and allowed
 * domains are read again in the background after a minute, so that a change reaches
 * every node within about a minute and no visit waits for it; a link whose target
 * left the vendor's allowed domains is no longer served.
 */
@Component
class Redirects {

	static final int MAX_CODE_LENGTH = 16;

	private final ClickWriter writer;

	private final ClickIdentity identity;

	private final Clock clock;

	private final Timer answers;

	private final LoadingCache<String, Optional<Link>> links;

	private final LoadingCache<VendorId, Optional<Rules>> rules;

	Redirects(TrackingStore store, CatalogManagement catalog, TrackingManagement tracking, ClickWriter writer,
			ClickIdentity identity, Clock clock, MeterRegistry meters) {
		this.writer = writer;
		this.identity = identity;
		this.clock = clock;
		this.answers = Timer.builder("partnerline.redirects")
			.description("Time from a redirect request read to its answer written (its click committed)")
			.publishPercentiles(0.5, 0.99, 0.999)
			.percentilePrecision(2)
			.register(meters);
		// an unknown code is forgotten after a while, so that it would be found once a link gets it
		this.links = Caffeine.newBuilder()
			.maximumSize(500_000)
			.expireAfterWrite(Duration.ofMinutes(10))
			.build(store::link);
		this.rules = Caffeine.newBuilder()
			.maximumSize(10_000)
			.refreshAfterWrite(Duration.ofMinutes(1))
			// a vendor whose links nobody visited for a while is read again before its next visit
			.expireAfterWrite(Duration.ofMinutes(5))
			.build(vendorId -> catalog.findVendor(vendorId)
				.map(vendor -> new Rules(vendor, tracking.cookieDays(vendorId) * 86_400)));
	}

	private record Rules(Vendor vendor, int cookieSeconds) {
	}

	/** A link to serve, with its vendor's cookie window. */
	record Target(Link link, int cookieSeconds) {
	}

	/** A redirect on its way: answered with {@link #location} and {@link #cookie} once {@link #recorded} completes. */
	record Visit(String code, String location, String cookie, CompletableFuture<Void> recorded) {
	}

	/** The link of a code when it exists and its target is still on one of its vendor's allowed domains. */
	Optional<Target> target(String code) {
		return links.get(code).flatMap(link -> rules.get(link.vendorId())
			.filter(r -> TargetUrls.allowed(r.vendor(), link.targetUrl()) != null)
			.map(r -> new Target(link, r.cookieSeconds())));
	}

	/**
	 * Records the click of a visit and says how to answer it.
	 * @param address the client's address (the keyed hash of it is stored, never the address)
	 * @throws IllegalStateException when the click writer takes no more clicks
	 */
	Visit visit(Target target, String address, @Nullable String userAgent, @Nullable String referrer,
			boolean secure) {
		Link link = target.link();
		Instant now = clock.instant();
		String clickId = ClickIdentity.newClickId(now);
		String agent = truncate(userAgent, 512);
		ClickWriter.Pending click = new ClickWriter.Pending(link.vendorId().value(), clickId, now, link.code(),
				link.partnerId().value(), link.subId(), identity.addressHash(address), agent, truncate(referrer, 1024),
				ClickIdentity.isBot(agent), new CompletableFuture<>());
		String cookie = "pl_ref=" + clickId + "; Max-Age=" + target.cookieSeconds() + "; Path=/; HttpOnly; SameSite=Lax"
				+ (secure ? "; Secure" : "");
		return new Visit(link.code(), TargetUrls.withClickId(link.targetUrl(), clickId), cookie, writer.record(click));
	}

	/**
	 * Counts a redirect answered (a 302, or a 503 when its click could not be stored).
	 * @param startedNanos {@link System#nanoTime()} when its request was read
	 */
	void answered(long startedNanos) {
		answers.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
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
