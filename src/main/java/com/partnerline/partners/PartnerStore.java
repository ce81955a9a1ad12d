package com.partnerline.partners;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of partners, memberships and terms acceptances. */
@Repository
class PartnerStore {

	private static final String PARTNER = """
			SELECT p.id, p.code, a.email, p.name, p.company, p.country, a.locale
			FROM partners p JOIN accounts a ON a.id = p.id""";

	private final JdbcClient jdbc;

	PartnerStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertPartner(PartnerId id, String code, String name, @Nullable String company, String country,
			Instant now) {
		jdbc.sql("INSERT INTO partners (id, code, name, company, country, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(id.value(), code, name, company, country, Timestamp.from(now))
			.update();
	}

	Optional<Partner> byId(PartnerId id) {
		return jdbc.sql(PARTNER + " WHERE p.id = ?").param(id.value()).query(PartnerStore::partner).optional();
	}

	Optional<Partner> byCode(String code) {
		return jdbc.sql(PARTNER + " WHERE p.code = ?").param(code).query(PartnerStore::partner).optional();
	}

	boolean codeTaken(String code) {
		return jdbc.sql("SELECT count(*) FROM partners WHERE code = ?").param(code).query(Long.class).single() > 0;
	}

	void insertMembership(Membership membership) {
		jdbc.sql("""
				INSERT INTO program_memberships (vendor_id, partner_id, type, status, terms_version, joined_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(membership.vendorId().value(), membership.partnerId().value(), membership.type().name(),
					membership.status(), membership.termsVersion(), Timestamp.from(membership.joinedAt()))
			.update();
	}

	void updateType(VendorId vendorId, PartnerId partnerId, PartnerType type) {
		jdbc.sql("UPDATE program_memberships SET type = ? WHERE vendor_id = ? AND partner_id = ?")
			.params(type.name(), vendorId.value(), partnerId.value())
			.update();
	}

	Optional<Membership> membership(VendorId vendorId, PartnerId partnerId) {
		return jdbc.sql("SELECT * FROM program_memberships WHERE vendor_id = ? AND partner_id = ?")
			.params(vendorId.value(), partnerId.value())
			.query(PartnerStore::membership)
			.optional();
	}

	List<Membership> memberships(PartnerId partnerId) {
		return jdbc.sql("SELECT * FROM program_memberships WHERE partner_id = ? ORDER BY joined_at")
			.param(partnerId.value())
			.query(PartnerStore::membership)
			.list();
	}

	List<Membership> membersOf(VendorId vendorId) {
		return jdbc.sql("SELECT * FROM program_memberships WHERE vendor_id = ? ORDER BY joined_at")
			.param(vendorId.value())
			.query(PartnerStore::membership)
			.list();
	}

	void updateProfile(PartnerId id, String name, @Nullable String company, String country) {
		jdbc.sql("UPDATE partners SET name = ?, company = ?, country = ? WHERE id = ?")
			.params(name, company, country, id.value())
			.update();
	}

	void recordAcceptance(UUID accountId, @Nullable Long vendorId, String version, Instant at,
			@Nullable String clientAddress) {
		jdbc.sql("""
				INSERT INTO terms_acceptances (account_id, vendor_id, version, accepted_at, client_address)
				VALUES (?, ?, ?, ?, ?)""")
			.params(accountId, vendorId, version, Timestamp.from(at), clientAddress)
			.update();
	}

	Optional<PlatformTerms> currentPlatformTerms() {
		return jdbc.sql("SELECT version, text FROM platform_terms ORDER BY published_at DESC, version DESC LIMIT 1")
			.query((rs, row) -> new PlatformTerms(rs.getString("version"), rs.getString("text")))
			.optional();
	}

	private static Partner partner(ResultSet rs, int row) throws SQLException {
		return new Partner(new PartnerId(rs.getObject("id", UUID.class)), rs.getString("code"), rs.getString("email"),
				rs.getString("name"), rs.getString("company"), rs.getString("country").trim(),
				Locale.forLanguageTag(rs.getString("locale")));
	}

	private static Membership membership(ResultSet rs, int row) throws SQLException {
		return new Membership(new VendorId(rs.getLong("vendor_id")),
				new PartnerId(rs.getObject("partner_id", UUID.class)), PartnerType.valueOf(rs.getString("type")),
				rs.getString("status"), rs.getString("terms_version"), rs.getTimestamp("joined_at").toInstant());
	}

}
