package com.partnerline.enablement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.partners.Membership;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versioned program policies (pricing, trademark, domain names, style guide). Each
 * publication is a new version, numbered per vendor and kind; versions are never
 * changed. Every active partner of the program must acknowledge the current version of
 * each kind: the control panel shows a banner until it has, and the vendor sees who has
 * not. Acknowledging an old version is refused (409); acknowledging again changes nothing.
 */
@Service
class Policies {

	static final List<String> KINDS = List.of("PRICING", "TRADEMARK", "DOMAIN_NAMES", "STYLE_GUIDE");

	private final JdbcClient jdbc;

	private final PartnerManagement partners;

	private final Clock clock;

	Policies(JdbcClient jdbc, PartnerManagement partners, Clock clock) {
		this.jdbc = jdbc;
		this.partners = partners;
		this.clock = clock;
	}

	/**
	 * Publishes the next version of the vendor's policy of {@code kind}.
	 * @return the new version
	 * @throws ApiProblem 404 for an unknown kind, 422 naming a missing title or body
	 */
	@Transactional
	public int publish(Vendor vendor, String kind, @Nullable String title, @Nullable String body, String actor) {
		String k = kind(kind);
		List<FieldProblem> errors = new ArrayList<>();
		String t = Texts.required(title, "title", 200, errors);
		String b = Texts.required(body, "body", 100_000, errors);
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
		// one publication at a time per vendor and kind: the versions are gapless
		jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?, ?)) locked")
			.params((int) vendor.id().value(), k.hashCode())
			.query(Integer.class)
			.single();
		int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM policies WHERE vendor_id = ? AND kind = ?")
			.params(vendor.id().value(), k)
			.query(Integer.class)
			.single();
		jdbc.sql("""
				INSERT INTO policies (vendor_id, kind, version, title, body, published_at, published_by)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(vendor.id().value(), k, version, t, b, Timestamp.from(clock.instant()), actor)
			.update();
		return version;
	}

	/** The current version of each kind the vendor has published, with whether the partner acknowledged it. */
	@Transactional(readOnly = true)
	public List<Current> current(Vendor vendor, @Nullable PartnerId partner) {
		return jdbc.sql("""
				SELECT DISTINCT ON (p.kind) p.kind, p.version, p.title, p.body, p.published_at,
				  EXISTS (SELECT 1 FROM policy_acknowledgements a WHERE a.vendor_id = p.vendor_id AND a.kind = p.kind
				          AND a.version = p.version AND a.partner_id = CAST(:partner AS uuid))
				FROM policies p WHERE p.vendor_id = :vendor
				ORDER BY p.kind, p.version DESC""")
			.param("vendor", vendor.id().value())
			.param("partner", partner == null ? null : partner.value())
			.query((rs, n) -> new Current(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getBoolean(6)))
			.list()
			.stream()
			.sorted(java.util.Comparator.comparingInt(c -> KINDS.indexOf(c.kind())))
			.toList();
	}

	/** The current policies the partner has not acknowledged yet. */
	@Transactional(readOnly = true)
	public List<Current> pendingFor(Vendor vendor, PartnerId partner) {
		return current(vendor, partner).stream().filter(c -> !c.acknowledged()).toList();
	}

	/**
	 * Records the partner's acknowledgement of {@code version}.
	 * @throws ApiProblem 404 for a kind without a policy, 409 for a version that is not the current one
	 */
	@Transactional
	public void acknowledge(Vendor vendor, PartnerId partner, String kind, @Nullable Integer version) {
		String k = kind(kind);
		Current current = current(vendor, partner).stream()
			.filter(c -> c.kind().equals(k))
			.findFirst()
			.orElseThrow(() -> ApiProblem.notFound("enablement.policy.notFound"));
		if (version == null) {
			throw ApiProblem.invalidField("version", "enablement.error.required");
		}
		if (version != current.version()) {
			throw ApiProblem.conflict("enablement.policy.oldVersion", current.version());
		}
		jdbc.sql("""
				INSERT INTO policy_acknowledgements (vendor_id, kind, version, partner_id, acknowledged_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(vendor.id().value(), k, version, partner.value(), Timestamp.from(clock.instant()))
			.update();
	}

	/** The active partners of the program who have not acknowledged the current version of {@code kind}. */
	@Transactional(readOnly = true)
	public List<Partner> pending(Vendor vendor, String kind) {
		String k = kind(kind);
		Current current = current(vendor, null).stream()
			.filter(c -> c.kind().equals(k))
			.findFirst()
			.orElseThrow(() -> ApiProblem.notFound("enablement.policy.notFound"));
		Set<UUID> acknowledged = Set.copyOf(jdbc
			.sql("SELECT partner_id FROM policy_acknowledgements WHERE vendor_id = ? AND kind = ? AND version = ?")
			.params(vendor.id().value(), k, current.version())
			.query(UUID.class)
			.list());
		return partners.membersOf(vendor.id())
			.stream()
			.filter(Membership::isActive)
			.filter(m -> !acknowledged.contains(m.partnerId().value()))
			.map(m -> partners.find(m.partnerId()))
			.flatMap(Optional::stream)
			.toList();
	}

	private static String kind(String kind) {
		String k = kind.strip().toUpperCase(Locale.ROOT);
		if (!KINDS.contains(k)) {
			throw ApiProblem.notFound("enablement.policy.unknownKind");
		}
		return k;
	}

	record Current(String kind, int version, String title, String body, Instant publishedAt, boolean acknowledged) {

		public String bodyHtml() {
			return SafeMarkdown.html(body);
		}

	}

}
