package com.partnerline.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.partnerline.accounts.AccountStatus;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.partners.PartnerManagement.Registration;

import static org.assertj.core.api.Assertions.assertThat;

/** Object mothers for integration tests: vendors and partners made through the real API. */
public final class Fixtures {

	public static final String PASSWORD = "correct-horse-battery";

	private Fixtures() {
	}

	/**
	 * A vendor {@code slug} in UTC and USD, allowed domain {@code <slug>.example.com},
	 * the default program (terms version {@code 1.0}) and product {@code PROD} at 100.00.
	 */
	public static TestVendor vendor(Api admin, String slug) {
		Api.Response created = admin.put("/api/v1/admin/vendors/" + slug, map("name", "Vendor " + slug, "timeZone",
				"UTC", "currency", "USD", "allowedDomains", List.of(slug + ".example.com")));
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		Api.Response program = admin.put("/api/v1/admin/vendors/" + slug + "/program",
				map("termsVersion", "1.0", "termsText", "Standard terms of " + slug));
		assertThat(program.status()).as(program.toString()).isEqualTo(200);
		Api.Response product = admin.put("/api/v1/admin/vendors/" + slug + "/products/PROD",
				map("name", "Product", "price", "100.00", "currency", "USD", "trialDays", 30));
		assertThat(product.status()).as(product.toString()).isEqualTo(200);
		return new TestVendor(slug, created.json().path("processorSecret").asString());
	}

	/** An active partner that joined {@code vendor} as an affiliate, with a bearer token. */
	public static TestPartner partner(Api api, PartnerManagement partners, TestVendor vendor) {
		String email = "partner-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		Partner partner = partners.register(new Registration(email, PASSWORD, "Partner " + email, "Company", "DE",
				partners.platformTerms().version(), Locale.ENGLISH), AccountStatus.ACTIVE, null, null);
		String token = token(api, email, PASSWORD);
		Api.Response joined = api.as(token)
			.post("/api/v1/partner/programs", map("vendor", vendor.slug(), "acceptTermsVersion", "1.0"));
		assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
		return new TestPartner(partner.id().toString(), partner.code(), email, token, api.as(token));
	}

	/**
	 * Makes the partner an Internet Partner of the vendor under an accepted contract in
	 * force since 2020, so that months in the past fall under it (the proposal flow only
	 * offers contracts from today on; {@code ProposalIntegrationTest} covers that flow).
	 * @param rate the negotiated rate, or {@literal null} for the band rate
	 * @param processing NETWORK or SELF
	 */
	public static void internetContract(org.springframework.jdbc.core.simple.JdbcClient jdbc, PartnerManagement partners,
			com.partnerline.kernel.VendorId vendorId, String partnerId, java.math.BigDecimal rate, String processing) {
		java.util.UUID proposal = java.util.UUID.randomUUID();
		java.util.UUID partner = java.util.UUID.fromString(partnerId);
		jdbc.sql("""
				INSERT INTO proposals (id, vendor_id, partner_id, status, company_profile, sales_plan, marketing_plan,
				                       monthly_commitment, submitted_at, decided_at)
				VALUES (?, ?, ?, 'APPROVED', '{}', '{}', '{}', 10000, now(), now())""")
			.params(proposal, vendorId.value(), partner)
			.update();
		jdbc.sql("""
				INSERT INTO contracts (id, vendor_id, partner_id, proposal_id, commission_rate, order_processing, starts_on,
				                       status, offered_at, accepted_at)
				VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, DATE '2020-01-01', 'ACCEPTED', now(), now())""")
			.params(vendorId.value(), partner, proposal, rate, processing)
			.update();
		partners.changeType(vendorId, new com.partnerline.kernel.PartnerId(partner),
				com.partnerline.partners.PartnerType.INTERNET);
	}

	/** A complete Internet Partner proposal (docs/api.md) committing {@code commitment} a month, selling PROD. */
	public static Map<String, Object> proposal(String commitment) {
		return map("companyProfile",
				map("name", "Example Reviews Ltd", "website", "https://reviews.example.org", "country", "GB",
						"employees", 12, "description", "Independent software reviews since 2001."),
				"salesPlan", map("monthlyCommitment", commitment, "lines", java.util.List.of(map("sku", "PROD", "quantity", 80))),
				"marketingPlan", map("channels", java.util.List.of("WEBSITE", "EMAIL"), "description",
						"Reviews, comparison tables and a monthly newsletter to 40,000 readers."));
	}

	public static String token(Api api, String email, String password) {
		Api.Response response = api.post("/api/v1/auth/token", map("email", email, "password", password));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().path("token").asString();
	}

	public static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	public record TestVendor(String slug, String processorSecret) {
	}

	/** A partner and an API client that speaks as it. */
	public record TestPartner(String id, String code, String email, String token, Api api) {
	}

}
