package com.partnerline.privacy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import com.partnerline.accounts.AccountStatus;
import com.partnerline.kernel.HmacSignature;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner with distinctive personal data, its orders, bank account and ticket; the database grep. */
final class PrivacyFixtures {

	private PrivacyFixtures() {
	}

	/** A partner whose name, company, email and IBAN appear nowhere else in the database. */
	record Person(Partner partner, String email, String name, String company, String iban, String token, Api api) {

		List<String> values() {
			return List.of(email, name, company, iban);
		}

	}

	static Person person(Api api, PartnerManagement partners, Fixtures.TestVendor vendor, String tag) {
		String unique = tag + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
		String email = unique + "@mail-" + unique + ".example";
		String name = "Zoltan Quixbury " + unique;
		String company = "Quixbury Widgets " + unique + " GmbH";
		Partner partner = partners.register(new PartnerManagement.Registration(email, Fixtures.PASSWORD, name, company,
				"DE", partners.platformTerms().version(), Locale.ENGLISH), AccountStatus.ACTIVE, null, null);
		String token = Fixtures.token(api, email, Fixtures.PASSWORD);
		Api as = api.as(token);
		Api.Response joined = as.post("/api/v1/partner/programs",
				Fixtures.map("vendor", vendor.slug(), "acceptTermsVersion", "1.0"));
		assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
		String iban = germanIban();
		Api.Response bank = as.put("/api/v1/partner/payout-details",
				Fixtures.map("method", "BANK", "accountHolder", name, "iban", iban, "bic", "COBADEFFXXX"));
		assertThat(bank.status()).as(bank.toString()).isEqualTo(200);
		return new Person(partner, email, name, company, iban, token, as);
	}

	/** A German IBAN with a random account number and its right check digits. */
	static String germanIban() {
		String bban = "37040044" + String.format("%010d", ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
		// ISO 7064 MOD 97-10: BBAN, then "DE" as 1314, then 00
		int check = 98 - new BigInteger(bban + "131400").mod(BigInteger.valueOf(97)).intValue();
		return "DE" + String.format("%02d", check) + bban;
	}

	static void order(Api api, Fixtures.TestVendor vendor, String partnerId, String orderId, String at, String price,
			String customerEmail) {
		String body = """
				{"orderId":"%s","occurredAt":"%s","currency":"USD","customer":{"email":"%s","country":"DE","ip":"203.0.113.7"},
				 "items":[{"sku":"PROD","quantity":1,"unitPrice":"%s"}],"referral":{"partnerId":"%s"}}"""
			.formatted(orderId, at, customerEmail, price, partnerId);
		Api.Response response = api
			.header(HmacSignature.HEADER, HmacSignature.header(vendor.processorSecret(), Instant.now().getEpochSecond(),
					body.getBytes(StandardCharsets.UTF_8)))
			.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders", body, "application/json");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	/**
	 * Every place in the public schema that holds {@code value}: each text column of each
	 * table (varchar, text, char, json, jsonb, arrays of text as their text), and each bytea
	 * column read as UTF-8 bytes; case-insensitive for text. "table.column" per hit.
	 */
	static List<String> grep(JdbcClient jdbc, String value) {
		record Column(String table, String column, String type) {
		}
		List<Column> columns = jdbc.sql("""
				SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
				JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
				WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
				  AND (c.data_type IN ('character varying', 'text', 'character', 'json', 'jsonb', 'bytea')
				       OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar', '_bpchar')))
				ORDER BY c.table_name, c.ordinal_position""")
			.query((rs, n) -> new Column(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
		assertThat(columns).as("text columns of the public schema").hasSizeGreaterThan(100);
		List<String> hits = new ArrayList<>();
		for (Column c : columns) {
			String column = "\"" + c.column() + "\"";
			String table = "\"" + c.table() + "\"";
			long found;
			if (c.type().equals("bytea")) {
				found = jdbc.sql("SELECT count(*) FROM " + table + " WHERE position(convert_to(?, 'UTF8') in " + column
						+ ") > 0 OR position(convert_to(lower(?), 'UTF8') in " + column + ") > 0")
					.params(value, value)
					.query(Long.class)
					.single();
			}
			else {
				found = jdbc.sql("SELECT count(*) FROM " + table + " WHERE strpos(lower(" + column + "::text), lower(?)) > 0")
					.param(value)
					.query(Long.class)
					.single();
			}
			if (found > 0) {
				hits.add(c.table() + "." + c.column());
			}
		}
		return hits;
	}

}
