package com.partnerline.enablement;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.Money;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PublicUrl;
import com.partnerline.tracking.Link;
import com.partnerline.orders.OrderManagement;
import com.partnerline.orders.SubIdOrders;
import com.partnerline.tracking.NewLink;
import com.partnerline.tracking.SubIdClicks;
import com.partnerline.tracking.TrackingManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * The marketing material library. A vendor uploads creatives (an upload under a name
 * already used for that kind is the next version of it) and keeps text links; a
 * partner lists them with ready-to-paste code whose link is the partner's own tracking
 * link ({@code /r/{code}} of the tracking module, one per partner and item version,
 * with the sub-id {@code cr-...} or {@code tl-...} so that its clicks and orders show
 * per item) and whose banner image is served from {@code /material/i/{code}}, which
 * counts the impression. Every absolute address starts with the configured public URL.
 */
@Service
class Library {

	static final Set<String> KINDS = Set.of("BANNER", "DOCUMENT");

	static final Set<String> LANGUAGES = Set.of("en", "ru", "fr", "de");

	private final LibraryStore store;

	private final UploadChecks checks;

	private final CatalogManagement catalog;

	private final TrackingManagement tracking;

	private final Impressions impressions;

	private final PublicUrl publicUrl;

	private final Clock clock;

	private final OrderManagement orders;

	/** What an impression address names; a code that names nothing is remembered briefly too. */
	private final Cache<String, Optional<Served>> served = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	/** Banner bytes by creative and version (they never change), bounded by weight. */
	private final Cache<String, byte[]> files = Caffeine.newBuilder()
		.maximumWeight(64L * 1024 * 1024)
		.<String, byte[]>weigher((key, bytes) -> bytes.length)
		.build();

	/** HTML creatives as a partner's code shows them (links made the partner's), by link code; bounded by weight. */
	private final Cache<String, byte[]> partnerHtml = Caffeine.newBuilder()
		.maximumWeight(32L * 1024 * 1024)
		.<String, byte[]>weigher((key, bytes) -> bytes.length)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	Library(LibraryStore store, UploadChecks checks, CatalogManagement catalog, TrackingManagement tracking,
			Impressions impressions, PublicUrl publicUrl, Clock clock, OrderManagement orders) {
		this.orders = orders;
		this.store = store;
		this.checks = checks;
		this.catalog = catalog;
		this.tracking = tracking;
		this.impressions = impressions;
		this.publicUrl = publicUrl;
		this.clock = clock;
	}

	/**
	 * Stores a new creative or the next version of the one with the same kind and name.
	 * @throws ApiProblem 422 naming each bad field, 413/415/422 for a refused file; nothing is stored then
	 */
	@Transactional
	public Creative upload(Vendor vendor, NewCreative draft, @Nullable String fileName, byte[] bytes, String actor) {
		List<FieldProblem> errors = new ArrayList<>();
		String name = Texts.required(draft.name(), "name", 200, errors);
		String kind = draft.kind() == null ? "" : draft.kind().strip().toUpperCase(Locale.ROOT);
		if (!KINDS.contains(kind)) {
			errors.add(new FieldProblem("kind", "enablement.error.kind"));
		}
		String target = Texts.optional(draft.targetUrl());
		if ("BANNER".equals(kind) && target == null) {
			errors.add(new FieldProblem("targetUrl", "enablement.error.targetRequired"));
		}
		if (target != null && !allowedTarget(vendor, target)) {
			errors.add(new FieldProblem("targetUrl", "enablement.error.targetNotAllowed"));
		}
		String product = product(vendor, draft.product(), errors);
		String language = language(draft.language(), errors);
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
		UploadChecks.Checked file = checks.check(bytes, kind, target);
		Instant now = clock.instant();
		LibraryStore.NextVersion next = store.nextVersion(vendor.id(), kind, name, now);
		store.insertVersion(next.creativeId(), next.version(), vendor.id(), file, fileName(fileName, file),
				"BANNER".equals(kind) ? target : null, product, language, now, actor);
		return store.version(next.creativeId(), next.version()).orElseThrow();
	}

	/**
	 * Creates or changes the text link {@code id}.
	 * @return its version
	 * @throws ApiProblem 422 naming each bad field
	 */
	@Transactional
	public int saveTextLink(Vendor vendor, String id, TextLinkDraft draft) {
		List<FieldProblem> errors = new ArrayList<>();
		if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
			errors.add(new FieldProblem("id", "enablement.error.textLinkId"));
		}
		String text = Texts.required(draft.text(), "text", 500, errors);
		String target = Texts.required(draft.targetUrl(), "targetUrl", 2000, errors);
		if (!target.isEmpty() && !allowedTarget(vendor, target)) {
			errors.add(new FieldProblem("targetUrl", "enablement.error.targetNotAllowed"));
		}
		String product = product(vendor, draft.product(), errors);
		String language = language(draft.language(), errors);
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
		return store.saveTextLink(vendor.id(), id, text, target, product, language, clock.instant());
	}

	/** The vendor's creatives (current versions) with the figures of all its partners in the period. */
	@Transactional(readOnly = true)
	public List<VendorItem> vendorLibrary(Vendor vendor, Period period) {
		List<Creative> creatives = store.current(vendor.id(), null, null, null);
		Map<UUID, Long> counted = store.impressions(vendor.id(), null, period.from(), period.to());
		Map<String, ItemFigures> figures = figures(vendor, null, period,
				creatives.stream().map(c -> creativeSubId(c.id())).toList());
		return creatives.stream()
			.map(c -> new VendorItem(c, counted.getOrDefault(c.id(), 0L), url(c),
					figures.getOrDefault(creativeSubId(c.id()), ItemFigures.none(vendor))))
			.toList();
	}

	/** The vendor's text links with the figures of all its partners in the period. */
	@Transactional(readOnly = true)
	public List<VendorTextLink> vendorTextLinks(Vendor vendor, Period period) {
		List<LibraryStore.TextLink> links = store.textLinks(vendor.id(), null, null);
		Map<String, ItemFigures> figures = figures(vendor, null, period,
				links.stream().map(t -> textSubId(t.id())).toList());
		return links.stream()
			.map(t -> new VendorTextLink(t, figures.getOrDefault(textSubId(t.id()), ItemFigures.none(vendor))))
			.toList();
	}

	/** The period of the vendor's days that {@code from} and {@code to} name (the last 30 days without them). */
	Period period(Vendor vendor, @Nullable String from, @Nullable String to) {
		return Period.of(from, to, today(vendor));
	}

	/** Clicks, orders and sales per sub-id in the period; of one partner, or of all when {@code partner} is null. */
	private Map<String, ItemFigures> figures(Vendor vendor, @Nullable PartnerId partner, Period period,
			List<String> subIds) {
		Map<String, ItemFigures> figures = new java.util.HashMap<>();
		for (SubIdClicks clicks : tracking.subIdClicks(vendor, partner, period.from(), period.to(), subIds)) {
			figures.put(clicks.subId(), new ItemFigures(clicks.clicks(), 0, Money.zero(vendor.currency())));
		}
		for (SubIdOrders sold : orders.subIdOrders(vendor, partner, period.from(), period.to(), subIds)) {
			ItemFigures known = figures.getOrDefault(sold.subId(), ItemFigures.none(vendor));
			figures.put(sold.subId(), new ItemFigures(known.clicks(), sold.orders(),
					new Money(sold.amount(), vendor.currency()).rounded()));
		}
		return figures;
	}

	@Transactional(readOnly = true)
	public List<LibraryStore.TextLink> textLinks(Vendor vendor) {
		return store.textLinks(vendor.id(), null, null);
	}

	@Transactional(readOnly = true)
	public List<Creative> versions(Vendor vendor, UUID creativeId) {
		return store.versions(vendor.id(), creativeId);
	}

	/**
	 * What the partner may use, filtered by product, language and kind, each with its
	 * ready-to-paste code carrying the partner's own tracking link and the partner's own
	 * impressions, clicks, orders and sales through it in the period.
	 */
	@Transactional
	public List<PartnerItem> partnerLibrary(Vendor vendor, PartnerId partner, @Nullable String product,
			@Nullable String language, @Nullable String kind, Period period) {
		String productFilter = Texts.optional(product);
		String languageFilter = Texts.optional(language);
		String kindFilter = Texts.optional(kind) == null ? null : kind.strip().toUpperCase(Locale.ROOT);
		if (!Texts.isCode(productFilter) || !Texts.isCode(languageFilter) || !Texts.isCode(kindFilter)) {
			return List.of();
		}
		List<Creative> creatives = "TEXT_LINK".equals(kindFilter) ? List.of()
				: store.current(vendor.id(), productFilter, languageFilter, kindFilter);
		List<LibraryStore.TextLink> textLinks = kindFilter == null || "TEXT_LINK".equals(kindFilter)
				? store.textLinks(vendor.id(), productFilter, languageFilter) : List.of();
		List<String> subIds = new ArrayList<>();
		creatives.stream().filter(c -> "BANNER".equals(c.kind())).forEach(c -> subIds.add(creativeSubId(c.id())));
		textLinks.forEach(t -> subIds.add(textSubId(t.id())));
		Map<UUID, Long> counted = store.impressions(vendor.id(), partner, period.from(), period.to());
		Map<String, ItemFigures> figures = figures(vendor, partner, period, subIds);
		List<PartnerItem> items = new ArrayList<>();
		for (Creative c : creatives) {
			String url = url(c);
			if ("BANNER".equals(c.kind())) {
				String code = linkCode(vendor, partner, "c:" + c.id() + ":v" + c.version(), c.targetUrl(),
						creativeSubId(c.id()));
				String link = publicUrl.link("/r/" + code);
				String html;
				if (c.isHtml()) {
					html = "<iframe src=\"" + HtmlUtils.htmlEscape(publicUrl.link("/material/h/" + code)) + "\""
							+ size(c) + " sandbox=\"allow-popups allow-popups-to-escape-sandbox\" title=\""
							+ HtmlUtils.htmlEscape(c.name()) + "\" loading=\"lazy\" style=\"border:0\"></iframe>";
				}
				else {
					String image = publicUrl.link("/material/i/" + code);
					html = "<a href=\"" + HtmlUtils.htmlEscape(link) + "\" target=\"_blank\" rel=\"noopener\">"
							+ "<img src=\"" + HtmlUtils.htmlEscape(image) + "\"" + size(c) + " alt=\""
							+ HtmlUtils.htmlEscape(c.name()) + "\" style=\"border:0\"></a>";
				}
				ItemFigures f = figures.getOrDefault(creativeSubId(c.id()), ItemFigures.none(vendor));
				items.add(new PartnerItem(c.id().toString(), c.kind(), c.isHtml() ? "HTML" : "IMAGE", c.name(),
						c.version(), c.width(), c.height(), url, html, link, c.product(), c.language(),
						counted.getOrDefault(c.id(), 0L), f.clicks(), f.orders(), f.sales().toDecimalString(),
						vendor.currency().getCurrencyCode()));
			}
			else {
				String html = "<a href=\"" + HtmlUtils.htmlEscape(url) + "\">" + HtmlUtils.htmlEscape(c.name())
						+ "</a>";
				items.add(new PartnerItem(c.id().toString(), c.kind(), "FILE", c.name(), c.version(), c.width(),
						c.height(), url, html, null, c.product(), c.language(), null, null, null, null, null));
			}
		}
		for (LibraryStore.TextLink t : textLinks) {
			String subId = textSubId(t.id());
			String code = linkCode(vendor, partner, "t:" + t.id() + ":v" + t.version(), t.targetUrl(), subId);
			String link = publicUrl.link("/r/" + code);
			String html = "<a href=\"" + HtmlUtils.htmlEscape(link) + "\">" + HtmlUtils.htmlEscape(t.text()) + "</a>";
			ItemFigures f = figures.getOrDefault(subId, ItemFigures.none(vendor));
			items.add(new PartnerItem(t.id(), "TEXT_LINK", "TEXT", t.text(), t.version(), null, null, link, html, link,
					t.product(), t.language(), null, f.clicks(), f.orders(), f.sales().toDecimalString(),
					vendor.currency().getCurrencyCode()));
		}
		return items;
	}

	/** A version's file with its bytes, for serving. */
	Optional<ServedFile> file(UUID creativeId, int version) {
		return store.version(creativeId, version)
			.map(c -> new ServedFile(c, files.get(creativeId + ":" + version,
					key -> store.bytes(creativeId, version).orElseThrow())));
	}

	/**
	 * The banner an impression address shows (an image, or with {@code html} an HTML
	 * creative), counting the impression; empty for a code that names no such banner.
	 */
	Optional<ServedFile> impression(String code, boolean html) {
		Optional<Served> found = served.get(code, this::resolve);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Served s = found.get();
		Optional<ServedFile> file = file(s.creativeId(), s.version())
			.filter(f -> html ? f.creative().isHtml() : f.creative().isImage());
		file.ifPresent(f -> impressions.count(s.vendorId(), s.creativeId(), s.partnerId(),
				LocalDate.ofInstant(clock.instant(), s.zone())));
		return file;
	}

	/**
	 * The HTML creative an embed address shows, with every link made the partner's tracking
	 * link, counting the impression; empty for a code that names no HTML creative.
	 */
	Optional<ServedFile> htmlImpression(String code) {
		return impression(code, true).map(f -> new ServedFile(f.creative(), partnerHtml.get(code + ":" + f.creative().sha256(),
					key -> HtmlCreatives.forPartner(f.bytes(), publicUrl.link("/r/" + code)))));
	}

	private Optional<Served> resolve(String code) {
		if (!code.matches("[A-Za-z0-9_-]{1,64}")) {
			return Optional.empty();
		}
		return store.linkedItem(code).flatMap(item -> {
			String[] parts = item.item().split(":");
			if (parts.length != 3 || !parts[0].equals("c")) {
				return Optional.empty();
			}
			UUID creative = UUID.fromString(parts[1]);
			int version = Integer.parseInt(parts[2].substring(1));
			ZoneId zone = catalog.findVendor(new com.partnerline.kernel.VendorId(item.vendorId()))
				.map(Vendor::timeZone)
				.orElse(ZoneId.of("UTC"));
			return Optional.of(new Served(item.vendorId(), item.partnerId(), creative, version, zone));
		});
	}

	String url(Creative c) {
		return publicUrl.link("/material/" + c.id() + "/v" + c.version());
	}

	private String linkCode(Vendor vendor, PartnerId partner, String item, @Nullable String target, String subId) {
		return store.linkCode(vendor.id(), partner, item).orElseGet(() -> {
			Link link = tracking.createLink(vendor, partner, new NewLink(null, target, subId));
			store.insertLink(vendor.id(), partner, item, link.code());
			return store.linkCode(vendor.id(), partner, item).orElseThrow();
		});
	}

	static String creativeSubId(UUID creative) {
		return "cr-" + creative.toString().substring(0, 8);
	}

	static String textSubId(String id) {
		String clean = id.replaceAll("[^A-Za-z0-9._~-]", "");
		return "tl-" + (clean.length() > 60 ? clean.substring(0, 60) : clean);
	}

	private static String size(Creative c) {
		return c.width() == null ? "" : " width=\"" + c.width() + "\" height=\"" + c.height() + "\"";
	}

	private LocalDate today(Vendor vendor) {
		return LocalDate.ofInstant(clock.instant(), vendor.timeZone());
	}

	private @Nullable String product(Vendor vendor, @Nullable String value, List<FieldProblem> errors) {
		String product = Texts.optional(value);
		if (product != null && (!Texts.isCode(product) || catalog.findProduct(vendor.id(), product).isEmpty())) {
			errors.add(new FieldProblem("product", "enablement.error.product"));
		}
		return product;
	}

	private static @Nullable String language(@Nullable String value, List<FieldProblem> errors) {
		String language = Texts.optional(value);
		if (language != null) {
			language = language.toLowerCase(Locale.ROOT);
			if (!LANGUAGES.contains(language)) {
				errors.add(new FieldProblem("language", "enablement.error.language"));
			}
		}
		return language;
	}

	/** An absolute https address on one of the vendor's allowed domains, without user info or odd ports. */
	static boolean allowedTarget(Vendor vendor, String url) {
		if (url.length() > 2000 || url.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || c == '\\')) {
			return false;
		}
		try {
			URI uri = new URI(url);
			return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
					&& (uri.getPort() == -1 || uri.getPort() == 443)
					&& vendor.allowsHost(uri.getHost().toLowerCase(Locale.ROOT));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String fileName(@Nullable String given, UploadChecks.Checked file) {
		String name = given == null ? "" : given;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
			.replaceAll("[^\\p{L}\\p{N}._ -]", "_")
			.strip();
		while (name.startsWith(".")) {
			name = name.substring(1);
		}
		if (name.isEmpty()) {
			name = "file";
		}
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

	/** A creative as the vendor's manager describes it, before it is checked. */
	record NewCreative(@Nullable String name, @Nullable String kind, @Nullable String targetUrl,
			@Nullable String product, @Nullable String language) {
	}

	record TextLinkDraft(@Nullable String text, @Nullable String targetUrl, @Nullable String product,
			@Nullable String language) {
	}

	/** A creative with the figures of all the vendor's partners in a period. */
	record VendorItem(Creative creative, long impressions, String url, ItemFigures figures) {
	}

	/** A text link with the figures of all the vendor's partners in a period. */
	record VendorTextLink(LibraryStore.TextLink link, ItemFigures figures) {
	}

	/** Clicks through an item's links, orders that came through them and their net sales (program currency, rounded once). */
	record ItemFigures(long clicks, long orders, Money sales) {

		static ItemFigures none(Vendor vendor) {
			return new ItemFigures(0, 0, Money.zero(vendor.currency()));
		}

	}

	/**
	 * One entry of the partner's library; {@code code} is the HTML to paste; {@code format}
	 * is IMAGE or HTML for banners; the figures are the partner's own in the period asked
	 * for ({@code sales} a decimal string in {@code currency}).
	 */
	record PartnerItem(String creativeId, String kind, String format, String name, int version,
			@Nullable Integer width, @Nullable Integer height, String url, String code, @Nullable String trackingLink,
			@Nullable String product, @Nullable String language, @Nullable Long impressions, @Nullable Long clicks,
			@Nullable Long orders, @Nullable String sales, @Nullable String currency) {

		/** The sales as money, for pages; null for documents. */
		public @Nullable Money salesMoney() {
			return sales == null || currency == null ? null : Money.of(sales, currency);
		}

	}

	record ServedFile(Creative creative, byte[] bytes) {
	}

	private record Served(long vendorId, UUID partnerId, UUID creativeId, int version, ZoneId zone) {
	}

}
