package com.partnerline.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Product;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PublicUrl;
import com.partnerline.partners.Membership;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.tracking.Link;
import com.partnerline.tracking.NewLink;
import com.partnerline.tracking.TrackingManagement;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The free Virus Informer of a partner: the top of the Virus Rating and the latest
 * news of the partner's program, in the style and size it picked, as a script that
 * renders into the host page (in a shadow root, inside a function: no global names,
 * no styles leaking either way) or as a page for an iframe. Every link is the
 * partner's own tracking link (sub-id {@code informer}) at the configured public
 * address. Rendered once per partner, language, style and size, then served from the
 * cache.
 */
@Component
class Informers {

	static final String SUB_ID = "informer";

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final TrackingManagement tracking;

	private final VirusRating rating;

	private final ContentStore store;

	private final ContentCaches caches;

	private final ContentTexts texts;

	private final PublicUrl publicUrl;

	private final JsonMapper json;

	private final SpringTemplateEngine templates;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String script;

	static final java.time.Duration UNKNOWN_TTL = java.time.Duration.ofMinutes(1);

	/** Refusals by partner code and asked vendor: the message of the 404. */
	private final com.github.benmanes.caffeine.cache.Cache<String, String> unknown = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder()
		.expireAfterWrite(UNKNOWN_TTL)
		.maximumSize(10_000)
		.build();

	Informers(PartnerManagement partners, CatalogManagement catalog, TrackingManagement tracking, VirusRating rating,
			ContentStore store, ContentCaches caches, ContentTexts texts, PublicUrl publicUrl, JsonMapper json,
			SpringTemplateEngine templates, JdbcClient jdbc, Clock clock) throws IOException {
		this.partners = partners;
		this.catalog = catalog;
		this.tracking = tracking;
		this.rating = rating;
		this.store = store;
		this.caches = caches;
		this.texts = texts;
		this.publicUrl = publicUrl;
		this.json = json;
		this.templates = templates;
		this.jdbc = jdbc;
		this.clock = clock;
		try (InputStream in = new ClassPathResource("content/informer-widget.js").getInputStream()) {
			this.script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		caches.register(Key.class, this::render);
	}

	enum Style {

		LIGHT, DARK, OCEAN

	}

	enum Size {

		SMALL(200, 3, 2), MEDIUM(300, 5, 3), LARGE(468, 10, 5);

		final int width;

		final int threats;

		final int news;

		Size(int width, int threats, int news) {
			this.width = width;
			this.threats = threats;
			this.news = news;
		}

		public int width() {
			return width;
		}

	}

	record Key(String partnerCode, String lang, @Nullable Style style, @Nullable Size size, @Nullable String vendor,
			String format) {
	}

	/** The partner's saved choice. */
	record Settings(Style style, Size size, @Nullable Long vendorId) {
	}

	/**
	 * The informer from the cache. A code nobody has (or a partner without the asked
	 * program) is remembered as such, bounded, so that a flood of requests for it costs
	 * no lookup either; it is forgotten after {@code UNKNOWN_TTL} and whenever a partner
	 * joins a program.
	 */
	ContentCaches.Rendered rendered(Key key) {
		String memo = key.partnerCode() + "\n" + (key.vendor() == null ? "" : key.vendor().toLowerCase(Locale.ROOT));
		String refusal = unknown.getIfPresent(memo);
		if (refusal != null) {
			throw ApiProblem.notFound(refusal);
		}
		try {
			return caches.get(key);
		}
		catch (ApiProblem problem) {
			if (problem.status() == org.springframework.http.HttpStatus.NOT_FOUND) {
				unknown.put(memo, problem.messageKey());
			}
			throw problem;
		}
	}

	/** A partner joined a program: codes remembered as unknown or without a program may now be known. */
	@org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
	void on(com.partnerline.partners.PartnerJoined joined) {
		unknown.invalidateAll();
	}

	/** How many refusals are remembered now (tests). */
	long unknownRemembered() {
		unknown.cleanUp();
		return unknown.estimatedSize();
	}

	Settings settings(PartnerId partnerId) {
		return jdbc.sql("SELECT style, size, vendor_id FROM informer_settings WHERE partner_id = ?")
			.param(partnerId.value())
			.query((rs, row) -> new Settings(Style.valueOf(rs.getString("style")), Size.valueOf(rs.getString("size")),
					(Long) rs.getObject("vendor_id")))
			.optional()
			.orElse(new Settings(Style.LIGHT, Size.MEDIUM, null));
	}

	@Transactional
	void save(PartnerId partnerId, Style style, Size size, @Nullable Long vendorId) {
		jdbc.sql("""
				INSERT INTO informer_settings (partner_id, style, size, vendor_id, updated_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (partner_id) DO UPDATE SET style = EXCLUDED.style, size = EXCLUDED.size,
				vendor_id = EXCLUDED.vendor_id, updated_at = EXCLUDED.updated_at""")
			.params(partnerId.value(), style.name(), size.name(), vendorId, Timestamp.from(clock.instant()))
			.update();
		caches.changed(new com.partnerline.kernel.VendorId(vendorId == null ? 0 : vendorId));
	}

	/** The vendors whose programs the partner belongs to (the informer shows one of them). */
	List<Vendor> programs(PartnerId partnerId) {
		return partners.memberships(partnerId)
			.stream()
			.filter(Membership::isActive)
			.map(m -> catalog.findVendor(m.vendorId()))
			.flatMap(Optional::stream)
			.toList();
	}

	private ContentCaches.Rendered render(Key key) {
		Partner partner = partners.findByCode(key.partnerCode())
			.orElseThrow(() -> ApiProblem.notFound("content.informer.unknownPartner"));
		Settings saved = settings(partner.id());
		Style style = key.style() != null ? key.style() : saved.style();
		Size size = key.size() != null ? key.size() : saved.size();
		List<Vendor> programs = programs(partner.id());
		Vendor vendor = programs.stream()
			.filter(v -> key.vendor() != null ? v.slug().equalsIgnoreCase(key.vendor())
					: saved.vendorId() == null || v.id().value() == saved.vendorId())
			.findFirst()
			.or(() -> key.vendor() == null ? programs.stream().findFirst() : Optional.empty())
			.orElseThrow(() -> ApiProblem.notFound("content.informer.noProgram"));
		Locale locale = Locale.forLanguageTag(key.lang());
		String link = referral(vendor, partner);
		Instant now = clock.instant();
		List<Map<String, Object>> threats = new ArrayList<>();
		for (VirusRating.Entry entry : rating.top(vendor.id(), size.threats)) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("rank", entry.rank());
			row.put("name", entry.title(key.lang()));
			row.put("danger", entry.danger());
			row.put("count", texts.format("content.informer.detections", locale, Map.of("day", entry.lastDay())));
			threats.add(row);
		}
		List<ContentItem> latest = new ArrayList<>(store.published(vendor.id(), ContentKind.VIRUS_NEWS, now, size.news));
		latest.addAll(store.published(vendor.id(), ContentKind.AV_NEWS, now, size.news));
		latest.sort(Comparator.comparing(ContentItem::publishAt).reversed());
		List<Map<String, Object>> news = latest.stream().limit(size.news).map(item -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("title", item.text(key.lang()).title());
			row.put("lang", item.textLanguage(key.lang()));
			return row;
		}).toList();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("lang", key.lang());
		data.put("style", style.name().toLowerCase(Locale.ROOT));
		data.put("width", size.width);
		data.put("link", link);
		data.put("vendor", vendor.name());
		data.put("title", texts.text("content.informer.title", locale));
		data.put("ratingTitle", texts.text("content.informer.rating", locale));
		data.put("newsTitle", texts.text("content.informer.news", locale));
		data.put("empty", texts.text("content.informer.empty", locale));
		data.put("more", texts.format("content.informer.more", locale, Map.of("vendor", vendor.name())));
		data.put("dangerLabel", texts.text("content.informer.danger", locale));
		data.put("threats", threats);
		data.put("news", news);
		data.put("css", INFORMER_CSS);
		if ("js".equals(key.format())) {
			String payload = json.writeValueAsString(data)
				.replace("<", "\\u003c")
				.replace("\u2028", "\\u2028")
				.replace("\u2029", "\\u2029");
			byte[] body = script.replace("/*DATA*/{}", payload).getBytes(StandardCharsets.UTF_8);
			return ContentCaches.Rendered.of(body, "text/javascript;charset=UTF-8", now);
		}
		Context context = new Context(locale);
		context.setVariables(data);
		String html = templates.process("content/informer", context);
		return ContentCaches.Rendered.of(html.getBytes(StandardCharsets.UTF_8), "text/html;charset=UTF-8", now);
	}

	/** The partner's tracking link in the vendor's program made for the informer (made once). */
	private String referral(Vendor vendor, Partner partner) {
		Optional<Link> existing = tracking.links(vendor.id(), partner.id())
			.stream()
			.filter(link -> SUB_ID.equals(link.subId()))
			.findFirst();
		if (existing.isPresent()) {
			return publicUrl.link("/r/" + existing.get().code());
		}
		List<Product> products = catalog.products(vendor.id());
		NewLink request = !products.isEmpty() ? new NewLink(products.get(0).sku(), null, SUB_ID)
				: new NewLink(null, "https://" + vendor.allowedDomains().get(0) + "/", SUB_ID);
		return publicUrl.link("/r/" + Objects.requireNonNull(tracking.createLink(vendor, partner.id(), request)).code());
	}

	/** The informer's look, shared by the script (inside its shadow root) and the iframe page. */
	static final String INFORMER_CSS = """
			.pl{font:13px/1.4 system-ui,sans-serif;box-sizing:border-box;border:1px solid #c9d3df;border-radius:6px;\
			padding:8px 10px;background:#fff;color:#1d2733;max-width:100%}
			.pl *{box-sizing:border-box}.pl h2{font-size:14px;margin:0 0 6px}.pl h3{font-size:12px;margin:8px 0 4px;\
			text-transform:uppercase;letter-spacing:.04em}
			.pl ol,.pl ul{margin:0;padding:0 0 0 18px}.pl li{margin:2px 0}.pl a{color:#0b5cad;text-decoration:underline}
			.pl a:hover,.pl a:focus{text-decoration:none}.pl .d{display:inline-block;min-width:16px;padding:0 4px;\
			border-radius:3px;background:#b3261e;color:#fff;font-size:11px;text-align:center;margin-left:4px}
			.pl .c{color:#4a5868;font-size:11px;display:block}.pl .m{display:block;margin-top:8px;font-weight:600}
			.pl-dark{background:#15202b;color:#e6edf3;border-color:#38444d}.pl-dark a{color:#8ab4f8}.pl-dark .c{color:#aab8c5}
			.pl-ocean{background:#e8f3fb;border-color:#7fb2d9}.pl-ocean h2{color:#0b4f85}
			""";

}
