package com.partnerline.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Program;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.partners.Membership;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tracking module's API: links, clicks, coupons and attribution.
 */
@Service
public class TrackingManagement {

	private static final int DEFAULT_COOKIE_DAYS = 30;

	private final TrackingStore store;

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final ClickIdentity identity;

	private final Clock clock;

	// links never change once made, so a node may keep them
	private final LoadingCache<String, Optional<Link>> links;

	private final ClickWriter writer;

	TrackingManagement(TrackingStore store, CatalogManagement catalog, PartnerManagement partners,
			ClickIdentity identity, Clock clock, ClickWriter writer) {
		this.writer = writer;
		this.store = store;
		this.catalog = catalog;
		this.partners = partners;
		this.identity = identity;
		this.clock = clock;
		this.links = Caffeine.newBuilder().maximumSize(200_000).build(store::link);
	}

	/**
	 * Makes a link for a partner of the vendor's program: to a product ({@code sku}, on
	 * the vendor's first allowed domain, {@code https://<domain>/buy?sku=<sku>}) or a
	 * deep link ({@code targetUrl} on one of its allowed domains).
	 * @throws ApiProblem 422 naming {@code sku}, {@code targetUrl} or {@code subId}
	 */
	@Transactional
	public Link createLink(Vendor vendor, PartnerId partnerId, NewLink request) {
		List<FieldProblem> problems = new ArrayList<>();
		String sku = blankToNull(request.sku());
		String targetUrl = blankToNull(request.targetUrl());
		String subId = blankToNull(request.subId());
		String target = null;
		if (sku == null && targetUrl == null) {
			problems.add(new FieldProblem("targetUrl", "tracking.targetRequired"));
		}
		if (sku != null && catalog.findProduct(vendor.id(), sku).isEmpty()) {
			problems.add(new FieldProblem("sku", "tracking.skuUnknown"));
		}
		if (targetUrl != null) {
			target = TargetUrls.allowed(vendor, targetUrl);
			if (target == null) {
				problems.add(new FieldProblem("targetUrl", "tracking.targetNotAllowed"));
			}
		}
		else if (sku != null && problems.isEmpty()) {
			if (vendor.allowedDomains().isEmpty()) {
				problems.add(new FieldProblem("sku", "tracking.noAllowedDomain"));
			}
			else {
				target = "https://" + vendor.allowedDomains().get(0) + "/buy?sku="
						+ java.net.URLEncoder.encode(sku, java.nio.charset.StandardCharsets.UTF_8);
			}
		}
		if (subId != null && !subId.matches("[A-Za-z0-9._~-]{1,64}")) {
			problems.add(new FieldProblem("subId", "tracking.subIdInvalid"));
		}
		if (!problems.isEmpty() || target == null) {
			throw ApiProblem.invalid(problems);
		}
		Instant now = clock.instant();
		for (int attempt = 0; attempt < 10; attempt++) {
			Link link = new Link(identity.newLinkCode(), vendor.id(), partnerId, sku, target, subId, now);
			if (store.insertLink(link)) {
				return link;
			}
		}
		throw new IllegalStateException("No free link code found");
	}

	/** The partner's links in one vendor's program, newest first. */
	/**
	 * Records clicks that happened earlier (an import, the demo data) through the same
	 * click writer and repeat rule as redirects, and waits until they are stored.
	 * @throws IllegalArgumentException for a time after now
	 */
	public void importClicks(Link link, List<PastClick> clicks) {
		importClicks(java.util.Map.of(link, clicks));
	}

	/**
	 * The clicks of several links in one go: all are handed to the click writer first (which
	 * stores them in its batches), then this waits once for all of them.
	 */
	public void importClicks(java.util.Map<Link, List<PastClick>> clicksByLink) {
		java.time.Instant now = clock.instant();
		List<java.util.concurrent.CompletableFuture<Void>> stored = new java.util.ArrayList<>();
		clicksByLink.forEach((link, clicks) -> {
			for (PastClick click : clicks) {
				if (click.at().isAfter(now)) {
					throw new IllegalArgumentException("a click to import lies in the future: " + click.at());
				}
				stored.add(writer.record(new ClickWriter.Pending(link.vendorId().value(),
						ClickIdentity.newClickId(click.at()), click.at(), link.code(), link.partnerId().value(),
						link.subId(), identity.addressHash(click.address()), click.userAgent(), click.referrer(),
						ClickIdentity.isBot(click.userAgent()), new java.util.concurrent.CompletableFuture<>())));
			}
		});
		java.util.concurrent.CompletableFuture.allOf(stored.toArray(java.util.concurrent.CompletableFuture[]::new))
			.join();
	}

	/** A click to import: when, from which address (only its keyed hash is stored) and browser. */
	public record PastClick(java.time.Instant at, String address, @Nullable String userAgent,
			@Nullable String referrer) {
	}

	public List<Link> links(VendorId vendorId, PartnerId partnerId) {
		return store.links(vendorId, partnerId);
	}

	public Optional<Link> findLink(String code) {
		return store.link(code);
	}

	public Optional<Click> findClick(VendorId vendorId, String clickId) {
		return store.click(vendorId, clickId, null);
	}

	/**
	 * Assigns a coupon code (letters, digits, {@code -} and {@code _}, case-insensitive)
	 * to a partner of the vendor's program; assigning it again moves it.
	 * @throws ApiProblem 422 naming {@code code} or {@code partnerId}
	 */
	@Transactional
	public Coupon assignCoupon(Vendor vendor, String code, @Nullable String partnerId) {
		List<FieldProblem> problems = new ArrayList<>();
		String normalized = code.trim().toUpperCase(Locale.ROOT);
		if (!normalized.matches("[A-Z0-9_-]{1,64}")) {
			problems.add(new FieldProblem("code", "tracking.couponInvalid"));
		}
		PartnerId partner = null;
		if (partnerId == null || partnerId.isBlank()) {
			problems.add(new FieldProblem("partnerId", "validation.required"));
		}
		else {
			try {
				partner = PartnerId.of(partnerId.trim());
				if (partners.membership(vendor.id(), partner).filter(Membership::isActive).isEmpty()) {
					problems.add(new FieldProblem("partnerId", "tracking.notAMember"));
				}
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("partnerId", "tracking.partnerIdInvalid"));
			}
		}
		if (!problems.isEmpty() || partner == null) {
			throw ApiProblem.invalid(problems);
		}
		store.saveCoupon(vendor.id(), normalized, partner, clock.instant());
		return store.coupon(vendor.id(), normalized).orElseThrow();
	}

	public List<Coupon> coupons(VendorId vendorId) {
		return store.coupons(vendorId);
	}

	public Optional<PartnerId> couponPartner(VendorId vendorId, String code) {
		return store.coupon(vendorId, code.trim().toUpperCase(Locale.ROOT)).map(Coupon::partnerId);
	}

	/**
	 * Attributes an order made at {@code orderTime}, in this precedence: the partner the
	 * processor named (if it is a member of the program), the named click id, the link
	 * code, the coupon, and last the cookie's click. Clicks count only within the
	 * program's cookie window before the order; a claim that does
	 * not hold (unknown, another vendor's, too old) is passed over for the next one.
	 */
	public ResolvedReferral resolve(Vendor vendor, ReferralClaim claim, Instant orderTime) {
		if (claim.partnerId() != null && isMember(vendor.id(), claim.partnerId())) {
			String subId = claim.clickId() == null || claim.clickId().length() > 32 ? null
					: store.click(vendor.id(), claim.clickId(), null).map(Click::subId).orElse(null);
			return new ResolvedReferral(claim.partnerId(), ReferralSource.PARTNER, claim.clickId(), subId);
		}
		java.util.function.Supplier<Duration> window = () -> Duration.ofDays(cookieDays(vendor.id()));
		Optional<Click> click = clickWithin(vendor.id(), claim.clickId(), orderTime, window);
		if (click.isPresent()) {
			return new ResolvedReferral(click.get().partnerId(), ReferralSource.CLICK, click.get().clickId(),
					click.get().subId());
		}
		if (claim.linkCode() != null) {
			Optional<Link> link = links.get(claim.linkCode()).filter(l -> l.vendorId().equals(vendor.id()));
			if (link.isPresent()) {
				return new ResolvedReferral(link.get().partnerId(), ReferralSource.LINK, null, link.get().subId());
			}
		}
		if (claim.coupon() != null) {
			Optional<PartnerId> partner = couponPartner(vendor.id(), claim.coupon());
			if (partner.isPresent()) {
				return new ResolvedReferral(partner.get(), ReferralSource.COUPON, null, null);
			}
		}
		Optional<Click> cookie = clickWithin(vendor.id(), claim.cookieClickId(), orderTime, window);
		if (cookie.isPresent()) {
			return new ResolvedReferral(cookie.get().partnerId(), ReferralSource.COOKIE, cookie.get().clickId(),
					cookie.get().subId());
		}
		return ResolvedReferral.NONE;
	}

	/** A partner's clicks per month ({@code from} to {@code to}, vendor's time zone); months without clicks are zeros. */
	public List<ClickMonth> monthlyClicks(Vendor vendor, PartnerId partnerId, YearMonth from, YearMonth to) {
		Map<YearMonth, ClickMonth> months = new TreeMap<>();
		for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
			months.put(m, new ClickMonth(m, 0, 0));
		}
		Instant start = from.atDay(1).atStartOfDay(vendor.timeZone()).toInstant();
		Instant end = to.plusMonths(1).atDay(1).atStartOfDay(vendor.timeZone()).toInstant();
		store.months(vendor.id(), vendor.timeZone(), partnerId, start, end).forEach(m -> months.put(m.month(), m));
		return List.copyOf(months.values());
	}

	/** A partner's clicks per day and sub-id ({@code from} to {@code to} inclusive, vendor's time zone). */
	public List<ClickDay> dailyClicks(Vendor vendor, PartnerId partnerId, LocalDate from, LocalDate to) {
		return store.days(vendor.id(), vendor.timeZone(), partnerId,
				from.atStartOfDay(vendor.timeZone()).toInstant(),
				to.plusDays(1).atStartOfDay(vendor.timeZone()).toInstant());
	}

	/**
	 * Clicks per sub-id from {@code from} to {@code to} (days inclusive, the vendor's time
	 * zone), only for the given sub-ids; of one partner when {@code partnerId} is given,
	 * else of every partner of the vendor. Read from the click counts, not the clicks.
	 */
	@Transactional(readOnly = true)
	public List<SubIdClicks> subIdClicks(Vendor vendor, @Nullable PartnerId partnerId, LocalDate from, LocalDate to,
			java.util.Collection<String> subIds) {
		if (subIds.isEmpty()) {
			return List.of();
		}
		return store.subIdClicks(vendor.id(), partnerId, from.atStartOfDay(vendor.timeZone()).toInstant(),
				to.plusDays(1).atStartOfDay(vendor.timeZone()).toInstant(), subIds);
	}

	int cookieDays(VendorId vendorId) {
		return catalog.findProgram(vendorId).map(Program::cookieDays).orElse(DEFAULT_COOKIE_DAYS);
	}

	private Optional<Click> clickWithin(VendorId vendorId, @Nullable String clickId, Instant orderTime,
			java.util.function.Supplier<Duration> window) {
		if (clickId == null || clickId.isBlank() || clickId.length() > 32) {
			return Optional.empty();
		}
		return store.click(vendorId, clickId.trim(), orderTime.minus(window.get()));
	}

	private boolean isMember(VendorId vendorId, PartnerId partnerId) {
		return partners.membership(vendorId, partnerId).isPresent();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
