package com.partnerline.enablement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendor's company information and content pages, written in Markdown by its
 * managers and read by its partners; the HTML shown is rendered safely ({@link SafeMarkdown}).
 */
@Service
class ContentPages {

	private final JdbcClient jdbc;

	private final Clock clock;

	ContentPages(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Creates or replaces the page {@code slug} (lower-case letters, digits and dashes).
	 * @throws ApiProblem 422 naming each bad field
	 */
	@Transactional
	public Page save(Vendor vendor, String slug, @Nullable String title, @Nullable String body, String actor) {
		List<FieldProblem> errors = new ArrayList<>();
		String s = slug.strip().toLowerCase(Locale.ROOT);
		if (!s.matches("[a-z0-9][a-z0-9-]{0,63}")) {
			errors.add(new FieldProblem("slug", "enablement.error.slug"));
		}
		String t = Texts.required(title, "title", 200, errors);
		String b = Texts.required(body, "body", 200_000, errors);
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO content_pages (vendor_id, slug, title, body, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (vendor_id, slug) DO UPDATE SET title = excluded.title, body = excluded.body,
				  updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
			.params(vendor.id().value(), s, t, b, Timestamp.from(now), actor)
			.update();
		return new Page(s, t, b, now);
	}

	@Transactional(readOnly = true)
	public List<Page> pages(Vendor vendor) {
		return jdbc.sql("SELECT slug, title, body, updated_at FROM content_pages WHERE vendor_id = ? ORDER BY lower(title)")
			.params(vendor.id().value())
			.query((rs, n) -> new Page(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/** One page; 404 when the vendor has none with that slug. */
	@Transactional(readOnly = true)
	public Page page(Vendor vendor, String slug) {
		return pages(vendor).stream()
			.filter(p -> p.slug().equals(slug.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> ApiProblem.notFound("enablement.page.notFound"));
	}

	record Page(String slug, String title, String body, Instant updatedAt) {

		public String bodyHtml() {
			return SafeMarkdown.html(body);
		}

	}

}
