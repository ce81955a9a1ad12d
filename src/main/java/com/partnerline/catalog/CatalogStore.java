package com.partnerline.catalog;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import com.partnerline.kernel.Money;
import com.partnerline.kernel.VendorId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the catalog: vendors, programs with their bands and terms, products and rates. */
@Repository
class CatalogStore {

	private final JdbcClient jdbc;

	CatalogStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// vendors

	Optional<Vendor> vendorBySlug(String slug) {
		return jdbc.sql("SELECT * FROM vendors WHERE slug = ?").param(slug).query(CatalogStore::vendor).optional();
	}

	Optional<Vendor> vendorById(VendorId id) {
		return jdbc.sql("SELECT * FROM vendors WHERE id = ?").param(id.value()).query(CatalogStore::vendor).optional();
	}

	Optional<String> processorSecret(VendorId id) {
		return jdbc.sql("SELECT processor_secret FROM vendors WHERE id = ?")
			.param(id.value())
			.query(String.class)
			.optional();
	}

	VendorId insertVendor(String slug, String name, ZoneId zone, Currency currency, List<String> domains,
			String secret, Instant now) {
		long id = jdbc.sql("""
				INSERT INTO vendors (slug, name, time_zone, currency, allowed_domains, processor_secret, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(slug, name, zone.getId(), currency.getCurrencyCode(), domains.toArray(String[]::new), secret,
					Timestamp.from(now), Timestamp.from(now))
			.query(Long.class)
			.single();
		return new VendorId(id);
	}

	void updateVendor(VendorId id, String name, ZoneId zone, Currency currency, List<String> domains, Instant now) {
		jdbc.sql("""
				UPDATE vendors SET name = ?, time_zone = ?, currency = ?, allowed_domains = ?, updated_at = ?
				WHERE id = ?""")
			.params(name, zone.getId(), currency.getCurrencyCode(), domains.toArray(String[]::new), Timestamp.from(now),
					id.value())
			.update();
	}

	/** Vendors whose program is open, by name. */
	List<Vendor> vendorsWithOpenPrograms() {
		return jdbc.sql("""
				SELECT v.* FROM vendors v JOIN programs p ON p.vendor_id = v.id
				WHERE p.status = 'OPEN' ORDER BY v.name""").query(CatalogStore::vendor).list();
	}

	List<Vendor> vendorsByIds(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM vendors WHERE id = ANY(?) ORDER BY name")
			.param(ids.toArray(Long[]::new))
			.query(CatalogStore::vendor)
			.list();
	}

	List<Vendor> allVendors() {
		return jdbc.sql("SELECT * FROM vendors ORDER BY name").query(CatalogStore::vendor).list();
	}

	// programs

	Optional<Program> program(VendorId vendorId) {
		List<Band> bands = jdbc.sql("""
				SELECT name, lower_bound, rate, internet_only FROM program_bands
				WHERE vendor_id = ? ORDER BY lower_bound""")
			.param(vendorId.value())
			.query((rs, row) -> new Band(rs.getString("name"), rs.getBigDecimal("lower_bound"),
					rs.getBigDecimal("rate"), rs.getBoolean("internet_only")))
			.list();
		return jdbc.sql("""
				SELECT p.*, t.text AS terms_text FROM programs p
				JOIN program_terms t ON t.vendor_id = p.vendor_id AND t.version = p.terms_version
				WHERE p.vendor_id = ?""")
			.param(vendorId.value())
			.query((rs, row) -> new Program(vendorId, "OPEN".equals(rs.getString("status")), bands,
					rs.getBigDecimal("affiliate_cap"), rs.getBigDecimal("internet_cap"), rs.getInt("cookie_days"),
					rs.getBigDecimal("min_payout"), rs.getInt("trial_conversion_days"), rs.getString("terms_version"),
					rs.getString("terms_text")))
			.optional();
	}

	Optional<ProgramPolicies> policies(VendorId vendorId) {
		return jdbc.sql("""
				SELECT payout_delay_months, rule_same_address_or_domain, rule_repeat_customer, rule_refund_rate
				FROM programs WHERE vendor_id = ?""")
			.param(vendorId.value())
			.query((rs, row) -> new ProgramPolicies(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)))
			.optional();
	}

	void savePolicies(VendorId vendorId, ProgramPolicies policies) {
		jdbc.sql("""
				UPDATE programs SET payout_delay_months = ?, rule_same_address_or_domain = ?, rule_repeat_customer = ?,
				  rule_refund_rate = ? WHERE vendor_id = ?""")
			.params(policies.payoutDelayMonths(), policies.sameAddressOrDomain(), policies.repeatCustomer(),
					policies.refundRate(), vendorId.value())
			.update();
	}

	/** Writes a program, its bands and (when new) its terms version in one go. */
	void saveProgram(Program program, Instant now) {
		long vendor = program.vendorId().value();
		jdbc.sql("""
				INSERT INTO program_terms (vendor_id, version, text, published_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (vendor_id, version) DO UPDATE SET text = EXCLUDED.text""")
			.params(vendor, program.termsVersion(), program.termsText(), Timestamp.from(now))
			.update();
		jdbc.sql("""
				INSERT INTO programs (vendor_id, status, affiliate_cap, internet_cap, cookie_days, min_payout,
				                      trial_conversion_days, terms_version, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (vendor_id) DO UPDATE SET status = EXCLUDED.status, affiliate_cap = EXCLUDED.affiliate_cap,
				  internet_cap = EXCLUDED.internet_cap, cookie_days = EXCLUDED.cookie_days,
				  min_payout = EXCLUDED.min_payout, trial_conversion_days = EXCLUDED.trial_conversion_days,
				  terms_version = EXCLUDED.terms_version, updated_at = EXCLUDED.updated_at""")
			.params(vendor, program.open() ? "OPEN" : "CLOSED", program.affiliateCap(), program.internetCap(),
					program.cookieDays(), program.minPayout(), program.trialConversionDays(), program.termsVersion(),
					Timestamp.from(now))
			.update();
		jdbc.sql("DELETE FROM program_bands WHERE vendor_id = ?").param(vendor).update();
		for (Band band : program.bands()) {
			jdbc.sql("""
					INSERT INTO program_bands (vendor_id, name, lower_bound, rate, internet_only)
					VALUES (?, ?, ?, ?, ?)""")
				.params(vendor, band.name(), band.lowerBound(), band.rate(), band.internetOnly())
				.update();
		}
	}

	// products

	void saveProduct(Product product, Instant now) {
		jdbc.sql("""
				INSERT INTO products (vendor_id, sku, name, price, currency, trial_days, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (vendor_id, sku) DO UPDATE SET name = EXCLUDED.name, price = EXCLUDED.price,
				  currency = EXCLUDED.currency, trial_days = EXCLUDED.trial_days, updated_at = EXCLUDED.updated_at""")
			.params(product.vendorId().value(), product.sku(), product.name(), product.price().amount(),
					product.price().currency().getCurrencyCode(), product.trialDays(), Timestamp.from(now))
			.update();
	}

	Optional<Product> product(VendorId vendorId, String sku) {
		return jdbc.sql("SELECT * FROM products WHERE vendor_id = ? AND sku = ?")
			.params(vendorId.value(), sku)
			.query(CatalogStore::product)
			.optional();
	}

	List<Product> products(VendorId vendorId) {
		return jdbc.sql("SELECT * FROM products WHERE vendor_id = ? ORDER BY name")
			.param(vendorId.value())
			.query(CatalogStore::product)
			.list();
	}

	// exchange rates

	void saveRate(VendorId vendorId, Currency currency, LocalDate validFrom, BigDecimal rate) {
		jdbc.sql("""
				INSERT INTO exchange_rates (vendor_id, currency, valid_from, rate) VALUES (?, ?, ?, ?)
				ON CONFLICT (vendor_id, currency, valid_from) DO UPDATE SET rate = EXCLUDED.rate""")
			.params(vendorId.value(), currency.getCurrencyCode(), validFrom, rate)
			.update();
	}

	List<ExchangeRate> rates(VendorId vendorId) {
		return jdbc.sql("""
				SELECT currency, valid_from, rate FROM exchange_rates WHERE vendor_id = ?
				ORDER BY currency, valid_from DESC""")
			.param(vendorId.value())
			.query((rs, row) -> new ExchangeRate(rs.getString("currency"), rs.getObject("valid_from", LocalDate.class),
					rs.getBigDecimal("rate")))
			.list();
	}

	Optional<BigDecimal> rateOn(VendorId vendorId, Currency currency, LocalDate date) {
		return jdbc.sql("""
				SELECT rate FROM exchange_rates WHERE vendor_id = ? AND currency = ? AND valid_from <= ?
				ORDER BY valid_from DESC LIMIT 1""")
			.params(vendorId.value(), currency.getCurrencyCode(), date)
			.query(BigDecimal.class)
			.optional();
	}

	private static Vendor vendor(ResultSet rs, int row) throws SQLException {
		Array domains = rs.getArray("allowed_domains");
		return new Vendor(new VendorId(rs.getLong("id")), rs.getString("slug"), rs.getString("name"),
				ZoneId.of(rs.getString("time_zone")), Currency.getInstance(rs.getString("currency").trim()),
				List.copyOf(Arrays.asList((String[]) domains.getArray())));
	}

	private static Product product(ResultSet rs, int row) throws SQLException {
		return new Product(new VendorId(rs.getLong("vendor_id")), rs.getString("sku"), rs.getString("name"),
				Money.of(rs.getBigDecimal("price"), rs.getString("currency").trim()), (Integer) rs.getObject("trial_days"));
	}

}
