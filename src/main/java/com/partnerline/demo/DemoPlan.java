package com.partnerline.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Three months of activity for the demo vendor, drawn from a fixed seed: the same plan
 * for the same day, every time. Pure data; {@link DemoActivity} plays it through the
 * product's services. Months are counted back from the current one: {@code M-3},
 * {@code M-2} and {@code M-1} get closed, the current month stays open.
 */
record DemoPlan(YearMonth current, List<Affiliate> affiliates, List<PlannedOrder> orders, List<PlannedClick> clicks,
		List<SalesReport> reports) {

	static final long SEED = 20261101L;

	/** Products with their USD prices, as the demo catalog has them. */
	static final List<String[]> PRODUCTS = List.of(new String[] { "KAV", "59.95" }, new String[] { "KIS", "79.95" },
			new String[] { "KTS", "99.95" }, new String[] { "KAV-3PC", "89.95" }, new String[] { "KIS-3PC", "119.95" },
			new String[] { "KSOS-5", "299.00" }, new String[] { "KSOS-10", "549.00" },
			new String[] { "KAV-MAC", "49.95" });

	/** The affiliates: name, company, country, email, and the monthly sales volume they aim at (USD). */
	static final List<Affiliate> AFFILIATES = List.of(
			new Affiliate("demo", "Demo Partner", "Demo Software Reviews", "DE", DemoData.PARTNER_EMAIL, 1400, "reviews"),
			new Affiliate("anna", "Anna Becker", "SecureHome Blog", "DE", "anna.becker@securehome.example", 320, "blog"),
			new Affiliate("lucas", "Lucas Moreau", "Comparatif Antivirus", "FR", "lucas@comparatif-antivirus.example",
					4200, "comparison"),
			new Affiliate("olga", "Olga Smirnova", "SoftPortal", "RU", "olga@softportal.example", 2300, "catalog"),
			new Affiliate("james", "James Carter", "Deal Hunter Tech", "US", "james@dealhunter.example", 7600, "deals"),
			new Affiliate("maria", "Maria Rossi", "PC Sicuro", "IT", "maria@pcsicuro.example", 160, "newsletter"));

	static DemoPlan of(LocalDate today, java.time.ZoneId zone) {
		Random random = new Random(SEED);
		YearMonth current = YearMonth.from(today);
		List<PlannedOrder> orders = new ArrayList<>();
		List<PlannedClick> clicks = new ArrayList<>();
		for (Affiliate affiliate : AFFILIATES) {
			for (int back = 3; back >= 0; back--) {
				YearMonth month = current.minusMonths(back);
				// the current month: only the days before today, so that the plan depends on the day alone
				int lastDay = back == 0 ? today.getDayOfMonth() - 1 : month.lengthOfMonth();
				if (lastDay == 0) {
					continue;
				}
				// the month's sales to aim at: the affiliate's usual volume (pro rata in the current month), give or take 20%
				BigDecimal share = back == 0
						? BigDecimal.valueOf(lastDay).divide(BigDecimal.valueOf(month.lengthOfMonth()), 6, RoundingMode.HALF_EVEN)
						: BigDecimal.ONE;
				BigDecimal spread = BigDecimal.valueOf(80 + random.nextInt(41)).movePointLeft(2);
				BigDecimal target = BigDecimal.valueOf(affiliate.monthlyVolume()).multiply(share).multiply(spread);
				BigDecimal volume = BigDecimal.ZERO;
				int n = 0;
				while (volume.compareTo(target) < 0) {
					String[] product = pick(random, affiliate.monthlyVolume());
					int quantity = random.nextInt(10) < 8 ? 1 : 2;
					LocalDate day = month.atDay(1 + random.nextInt(lastDay));
					int minute = random.nextInt(24 * 60);
					Instant at = day.atStartOfDay(zone).plusSeconds(minute * 60L).toInstant();
					n++;
					String id = "demo-" + affiliate.key() + "-" + month + "-" + n;
					BigDecimal amount = new BigDecimal(product[1]).multiply(BigDecimal.valueOf(quantity));
					orders.add(new PlannedOrder(id, affiliate.key(), at, product[0], quantity, new BigDecimal(product[1]),
							"c" + random.nextInt(100_000) + "@customers.example", COUNTRIES[random.nextInt(COUNTRIES.length)],
							month));
					volume = volume.add(amount);
				}
				// clicks: roughly forty per order, spread over the month's days, some repeats and a few bots
				int days = lastDay;
				long perDay = Math.max(1, Math.round(n * 40.0 / days / 4));
				for (int d = 1; d <= days; d++) {
					long count = Math.max(0, perDay + random.nextInt((int) perDay + 1) - perDay / 2);
					for (int c = 0; c < count; c++) {
						Instant at = month.atDay(d)
							.atStartOfDay(zone)
							.plusSeconds(random.nextInt(24 * 3600))
							.toInstant();
						String address = "198.51." + random.nextInt(40) + "." + (1 + random.nextInt(200));
						String agent = random.nextInt(25) == 0 ? "Mozilla/5.0 (compatible; Googlebot/2.1)" : AGENTS[random
							.nextInt(AGENTS.length)];
						clicks.add(new PlannedClick(affiliate.key(), at, address, agent));
					}
				}
			}
		}
		List<SalesReport> reports = new ArrayList<>();
		for (int back = 3; back >= 0; back--) {
			YearMonth month = current.minusMonths(back);
			List<SalesLine> lines = new ArrayList<>();
			int count = back == 0 ? 3 : 6 + random.nextInt(4);
			for (int i = 0; i < count; i++) {
				String[] product = i % 2 == 0 ? PRODUCTS.get(6) : PRODUCTS.get(5);
				int quantity = 2 + random.nextInt(5);
				lines.add(new SalesLine(product[0], quantity,
						new BigDecimal(product[1]).multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.UNNECESSARY),
						CLIENTS[(i + back) % CLIENTS.length], "it@" + CLIENTS[(i + back) % CLIENTS.length].toLowerCase()
							.replaceAll("[^a-z]", "") + ".example",
						COUNTRIES[random.nextInt(COUNTRIES.length)]));
			}
			reports.add(new SalesReport(month, lines));
		}
		return new DemoPlan(current, AFFILIATES, orders, clicks, reports);
	}

	private static String[] pick(Random random, int monthlyVolume) {
		// bigger partners sell more business products
		if (monthlyVolume > 3000 && random.nextInt(3) == 0) {
			return PRODUCTS.get(5 + random.nextInt(2));
		}
		return PRODUCTS.get(random.nextInt(5));
	}

	/** The planned volume of one partner in one month, before refunds. */
	BigDecimal volume(String partner, YearMonth month) {
		return orders.stream()
			.filter(o -> o.partner().equals(partner) && o.month().equals(month))
			.map(PlannedOrder::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static final String[] COUNTRIES = { "DE", "FR", "US", "GB", "IT", "ES", "NL", "PL", "AT", "CH" };

	private static final String[] AGENTS = {
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
			"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148" };

	private static final String[] CLIENTS = { "Müller Logistik GmbH", "Schmidt & Partner", "Bauer Zahnarztpraxis",
			"Wagner Steuerberatung", "Hoffmann Architekten", "Klein Immobilien", "Fischer Autohaus" };

	record Affiliate(String key, String name, String company, String country, String email, int monthlyVolume,
			String subId) {
	}

	record PlannedOrder(String orderId, String partner, Instant at, String sku, int quantity, BigDecimal unitPrice,
			String customerEmail, String customerCountry, YearMonth month) {

		BigDecimal amount() {
			return unitPrice.multiply(BigDecimal.valueOf(quantity));
		}

	}

	record PlannedClick(String partner, Instant at, String address, String userAgent) {
	}

	record SalesLine(String sku, int quantity, BigDecimal amount, String clientName, String clientEmail,
			String clientCountry) {
	}

	record SalesReport(YearMonth month, List<SalesLine> lines) {
	}

}
