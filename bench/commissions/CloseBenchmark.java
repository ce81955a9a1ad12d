import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.partnerline.PartnerlineApplication;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.commissions.CloseResult;
import com.partnerline.commissions.CommissionManagement;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark of the month close (not part of the test suite; run bench/commissions/run.sh).
 * Generates ORDERS orders for PARTNERS partners of a fresh vendor in June 2025 (5% refunded,
 * three currencies), then times (1) the plain SQL GROUP BY that computes the same volumes
 * and (2) the month close through CommissionManagement.close, and prints the peak heap and a
 * checksum of all statements. Each round uses a fresh vendor with identical data, so the
 * checksums of the rounds (and of reruns) must be equal.
 */
public class CloseBenchmark {

	public static void main(String[] args) throws Exception {
		int orders = Integer.parseInt(System.getProperty("bench.orders", "5000000"));
		int partnerCount = Integer.parseInt(System.getProperty("bench.partners", "50000"));
		int rounds = Integer.parseInt(System.getProperty("bench.rounds", "2"));
		String dataDir = System.getProperty("bench.data", "target/bench-data");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PartnerlineApplication.class)
			.properties("partnerline.data-dir=" + dataDir, "partnerline.demo=false", "server.port=0",
					"partnerline.admin-token=bench-admin-token-0123456789", "db-scheduler.enabled=false",
					"logging.level.root=WARN", "logging.level.com.partnerline.commissions=INFO")
			.run();
		List<String> report = new ArrayList<>();
		try {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			CatalogManagement catalog = context.getBean(CatalogManagement.class);
			CommissionManagement commissions = context.getBean(CommissionManagement.class);
			YearMonth month = YearMonth.of(2025, 6);
			String previousChecksum = null;
			for (int round = 1; round <= rounds; round++) {
				String slug = "bench-" + Long.toString(System.currentTimeMillis(), 36) + "-" + round;
				Vendor vendor = catalog
					.saveVendor(slug, new CatalogManagement.VendorDraft("Bench " + slug, "UTC", "USD", List.of()))
					.vendor();
				catalog.saveProgram(vendor, new CatalogManagement.ProgramDraft(null, null, null, null, null, null, "1.0",
						"Bench terms", null));
				catalog.saveExchangeRate(vendor, "EUR", "2025-01-01", new BigDecimal("1.08"));
				catalog.saveExchangeRate(vendor, "GBP", "2025-01-01", new BigDecimal("1.27"));
				long generate = System.nanoTime();
				generate(jdbc, vendor.id().value(), orders, partnerCount);
				double generated = seconds(generate);
				say(report, "round %d: vendor %s, generated %,d orders for %,d partners in %.1f s", round, slug, orders,
						partnerCount, generated);

				long plainStart = System.nanoTime();
				int groups = plainVolumes(jdbc, vendor.id().value(), month);
				double plain = seconds(plainStart);

				resetPeaks();
				long closeStart = System.nanoTime();
				CloseResult result = commissions.close(vendor, month);
				double close = seconds(closeStart);
				long peakHeap = peakHeap();

				long plainAgainStart = System.nanoTime();
				plainVolumes(jdbc, vendor.id().value(), month);
				double plainAgain = seconds(plainAgainStart);

				String checksum = jdbc.sql("""
						SELECT md5(string_agg(concat_ws(':', partner_id, partner_type, volume, band, rate, commission,
						  adjustments, brought_forward, payable, carried_forward, currency, eligible_for_internet), ','
						  ORDER BY partner_id)) FROM statements WHERE vendor_id = ? AND month = ?""")
					.params(vendor.id().value(), month.atDay(1))
					.query(String.class)
					.single();
				long batchItems = jdbc.sql("SELECT count(*) FROM payout_items WHERE vendor_id = ? AND batch_id = ?")
					.params(vendor.id().value(), result.payoutBatchId())
					.query(Long.class)
					.single();
				double reference = Math.min(plain, plainAgain);
				say(report, "round %d: plain GROUP BY %.2f s (again %.2f s, %,d partners); close %.2f s "
						+ "(%,d statements, batch %d with %,d items); close / plain = %.2f; peak heap during close %d MB "
						+ "(max %d MB); checksum %s", round, plain, plainAgain, groups, close,
						result.statements().size(), result.payoutBatchId(), batchItems, close / reference,
						peakHeap / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024), checksum);
				long again = System.nanoTime();
				CloseResult twice = commissions.close(vendor, month);
				say(report, "round %d: closing again: %.2f s, same batch %s, same statements %s", round, seconds(again),
						twice.payoutBatchId() == result.payoutBatchId(), twice.statements().equals(result.statements()));
				if (previousChecksum != null) {
					say(report, "round %d: checksum equal to round %d: %s", round, round - 1,
							previousChecksum.equals(checksum));
				}
				previousChecksum = checksum;
				Path last = Path.of(dataDir, "last-checksum.txt");
				if (round == 1 && Files.exists(last)) {
					say(report, "round 1: checksum equal to the previous run's: %s",
							Files.readString(last).trim().equals(checksum));
				}
				Files.writeString(last, checksum);
			}
		}
		finally {
			context.close();
		}
		System.out.println();
		report.forEach(line -> System.out.println("RESULT " + line));
	}

	/** Partners (accounts, memberships, 1% Internet Partners with a contract rate, half with bank details), orders, refunds. */
	static void generate(JdbcClient jdbc, long vendor, int orders, int partners) {
		jdbc.sql("""
				INSERT INTO accounts (id, email, password_hash, display_name, role, status, locale, created_at)
				SELECT md5('bench-partner-' || i)::uuid, 'bench-partner-' || i || '@bench.example', '{noop}x',
				  'Bench partner ' || i, 'PARTNER', 'ACTIVE', 'en', now()
				FROM generate_series(1, :n) i ON CONFLICT DO NOTHING""").param("n", partners).update();
		jdbc.sql("""
				INSERT INTO partners (id, code, name, company, country, created_at)
				SELECT md5('bench-partner-' || i)::uuid, 'bench' || i, 'Bench partner ' || i, NULL, 'DE', now()
				FROM generate_series(1, :n) i ON CONFLICT DO NOTHING""").param("n", partners).update();
		jdbc.sql("""
				INSERT INTO program_memberships (vendor_id, partner_id, type, status, terms_version, joined_at)
				SELECT :v, md5('bench-partner-' || i)::uuid, CASE WHEN i % 100 = 0 THEN 'INTERNET' ELSE 'AFFILIATE' END,
				  'ACTIVE', '1.0', now() FROM generate_series(1, :n) i""").param("v", vendor).param("n", partners).update();
		jdbc.sql("""
				INSERT INTO contracts (vendor_id, partner_id, commission_rate, order_processing, starts_on, status, offered_at,
				  accepted_at)
				SELECT :v, md5('bench-partner-' || i)::uuid, 0.30, 'NETWORK', DATE '2025-01-01', 'ACCEPTED', now(), now()
				FROM generate_series(100, :n, 100) i""").param("v", vendor).param("n", partners).update();
		jdbc.sql("""
				INSERT INTO payout_details (partner_id, method, account_holder, iban, bic, email, updated_at)
				SELECT md5('bench-partner-' || i)::uuid, 'BANK', 'Bench partner ' || i, 'DE89370400440532013000',
				  'COBADEFFXXX', NULL, now() FROM generate_series(2, :n, 2) i ON CONFLICT DO NOTHING""")
			.param("n", partners)
			.update();
		// Order g belongs to partner (g % partners) + 1; amounts vary by order and by partner so
		// that every band is reached; a third each in USD, EUR and GBP; 0.1% self-referrals.
		jdbc.sql("""
				INSERT INTO orders (vendor_id, order_id, partner_id, occurred_at, period, currency, original_amount, rate,
				  amount, customer_email, customer_country, attribution, self_referral, source, content_hash, created_at)
				SELECT :v, 'o' || g, md5('bench-partner-' || (g % :p + 1))::uuid,
				  TIMESTAMPTZ '2025-06-01 00:00:00+00' + ((g * 7919) % 2591000) * INTERVAL '1 second', DATE '2025-06-01',
				  c.currency, c.original, c.rate, round(c.original * c.rate, 6), 'customer' || g || '@bench.example', 'DE',
				  'PARTNER', g % 1000 = 0, 'NETWORK', 'bench', now()
				FROM generate_series(1::bigint, :n) g
				CROSS JOIN LATERAL (SELECT
				  (ARRAY['USD', 'EUR', 'GBP'])[g % 3 + 1] AS currency,
				  (ARRAY[1, 1.08, 1.27])[g % 3 + 1]::numeric AS rate,
				  round(((g * 104729) % 9973 + 100) / 100.0 * ((g % :p) % 12 + 1) / 4.0, 2) AS original) c""")
			.param("v", vendor)
			.param("p", partners)
			.param("n", orders)
			.update();
		// 5% of the orders get half of their amount refunded within June
		jdbc.sql("""
				INSERT INTO refunds (vendor_id, refund_id, order_id, amount, amount_converted, occurred_at, period,
				  content_hash, created_at)
				SELECT vendor_id, 'r' || order_id, order_id, round(original_amount / 2, 4),
				  round(round(original_amount / 2, 4) * rate, 6),
				  LEAST(occurred_at + INTERVAL '1 day', TIMESTAMPTZ '2025-06-30 23:00:00+00'), period, 'bench', now()
				FROM orders WHERE vendor_id = :v AND substring(order_id from 2)::bigint % 20 = 0""")
			.param("v", vendor)
			.update();
		jdbc.sql("VACUUM ANALYZE orders").update();
		jdbc.sql("VACUUM ANALYZE refunds").update();
	}

	/** The reference: the month's volumes of all partners in one plain SQL GROUP BY, read to the end. */
	static int plainVolumes(JdbcClient jdbc, long vendor, YearMonth month) {
		List<BigDecimal> volumes = jdbc.sql("""
				SELECT partner_id, SUM(value) FROM (
				  SELECT partner_id, amount AS value FROM orders
				  WHERE vendor_id = :v AND period = :m AND partner_id IS NOT NULL AND NOT self_referral
				  UNION ALL
				  SELECT o.partner_id, -r.amount_converted FROM refunds r
				  JOIN orders o ON o.vendor_id = r.vendor_id AND o.order_id = r.order_id
				  WHERE r.vendor_id = :v AND r.period = :m AND o.period = :m AND o.partner_id IS NOT NULL
				    AND NOT o.self_referral) x GROUP BY partner_id""")
			.param("v", vendor)
			.param("m", month.atDay(1))
			.query((rs, n) -> rs.getBigDecimal(2))
			.list();
		return volumes.size();
	}

	static void resetPeaks() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
	}

	static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	static void say(List<String> report, String format, Object... args) {
		String line = String.format(Locale.ROOT, format, args);
		report.add(line);
		System.out.println("BENCH " + line);
	}

}
