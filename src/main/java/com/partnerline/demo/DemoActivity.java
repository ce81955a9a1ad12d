package com.partnerline.demo;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.partnerline.accounts.AccountStatus;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.commissions.CloseResult;
import com.partnerline.commissions.CommissionManagement;
import com.partnerline.commissions.PayoutService;
import com.partnerline.orders.Attribution;
import com.partnerline.orders.NewOrder;
import com.partnerline.orders.NewRefund;
import com.partnerline.orders.OrderItem;
import com.partnerline.orders.OrderManagement;
import com.partnerline.partners.InternetPartnerRoute;
import com.partnerline.partners.OrderProcessing;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.partners.PartnerManagement.Registration;
import com.partnerline.tracking.Link;
import com.partnerline.tracking.NewLink;
import com.partnerline.tracking.TrackingManagement;
import com.partnerline.tracking.TrackingManagement.PastClick;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plays {@link DemoPlan} through the product's own services right after {@link DemoData}
 * created the demo vendor (so only on a fresh database): the affiliates join, make links
 * with sub-ids and get their clicks and orders; an Internet Partner applies, is approved
 * with a SELF-processing contract from the first plan month, and files its sales reports
 * and forecasts through the partner API; a refund, three month closes with statements, a
 * late refund, two paid payout batches and an open one. Nothing here writes SQL.
 */
@Component
@Order(20)
class DemoActivity implements ApplicationRunner {

	static final String INTERNET_EMAIL = "stefan.wolf@netshield.example";

	static final String PASSWORD = "demo-partner-2026";

	private static final Logger log = LoggerFactory.getLogger(DemoActivity.class);

	private final DemoData demo;

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final InternetPartnerRoute internetRoute;

	private final TrackingManagement tracking;

	private final OrderManagement orders;

	private final CommissionManagement commissions;

	private final PayoutService payouts;

	private final ObjectMapper mapper;

	private final Environment environment;

	private final Clock clock;

	private final boolean enabled;

	private final TransactionTemplate transactions;

	DemoActivity(DemoData demo, CatalogManagement catalog, PartnerManagement partners,
			InternetPartnerRoute internetRoute, TrackingManagement tracking, OrderManagement orders,
			CommissionManagement commissions, PayoutService payouts, ObjectMapper mapper, Environment environment,
			Clock clock, @Value("${partnerline.demo-activity:true}") boolean enabled,
			PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.demo = demo;
		this.catalog = catalog;
		this.partners = partners;
		this.internetRoute = internetRoute;
		this.tracking = tracking;
		this.orders = orders;
		this.commissions = commissions;
		this.payouts = payouts;
		this.mapper = mapper;
		this.environment = environment;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (!enabled || !demo.loadedNow()) {
			return;
		}
		long started = System.nanoTime();
		Steps steps = new Steps();
		Vendor vendor = catalog.vendor(DemoData.VENDOR);
		LocalDate today = LocalDate.now(clock.withZone(vendor.timeZone()));
		DemoPlan plan = DemoPlan.of(today, vendor.timeZone());
		YearMonth first = plan.current().minusMonths(3);

		// the affiliates, their links and payout details
		Map<String, Partner> byKey = new HashMap<>();
		Map<String, Link> links = new HashMap<>();
		for (DemoPlan.Affiliate affiliate : plan.affiliates()) {
			Partner partner = affiliate.key().equals("demo") ? partners.findByCode("demo").orElseThrow()
					: partners.register(new Registration(affiliate.email(), PASSWORD, affiliate.name(),
							affiliate.company(), affiliate.country(), partners.platformTerms().version(), Locale.ENGLISH),
							AccountStatus.ACTIVE, affiliate.key(), null);
			if (partners.membership(vendor.id(), partner.id()).isEmpty()) {
				partners.join(partner.id(), DemoData.VENDOR, catalog.program(vendor).termsVersion(), null);
			}
			byKey.put(affiliate.key(), partner);
			links.put(affiliate.key(), tracking.createLink(vendor, partner.id(),
					new NewLink(null, "https://www.kaspersky.com/home-security", affiliate.subId())));
			tracking.createLink(vendor, partner.id(), new NewLink("KTS", null, affiliate.subId() + "-kts"));
			if (affiliate.key().equals("demo") || affiliate.key().equals("lucas")) {
				payouts.saveDetails(partner.id(), "BANK", affiliate.name(),
						affiliate.key().equals("demo") ? "DE89370400440532013000" : "FR1420041010050500013M02606",
						affiliate.key().equals("demo") ? "COBADEFFXXX" : "PSSTFRPPPAR", null);
			}
			else {
				payouts.saveDetails(partner.id(), "PAYPAL", null, null, null, affiliate.email());
			}
		}
		payouts.saveAccount(vendor, "Kaspersky Lab", "DE02120300000000202051", "BYLADEM1001", "demo");

		steps.done("affiliates");

		// the Internet Partner: proposal, approval and contract from the first plan month, processing its own sales
		Partner internet = partners.register(new Registration(INTERNET_EMAIL, PASSWORD, "Stefan Wolf",
				"NetShield Distribution GmbH", "DE", partners.platformTerms().version(), Locale.GERMAN),
				AccountStatus.ACTIVE, "netshield", null);
		internetRoute.applyAndSign(internet, vendor,
				new InternetPartnerRoute.Application("NetShield Distribution GmbH", "https://netshield.example", "DE", 42,
						"IT reseller for small and medium businesses in Bavaria since 2009.", new BigDecimal("10000"),
						Map.of("KSOS-10", 12, "KSOS-5", 10), List.of("RETAIL", "EVENTS", "EMAIL"),
						"Own web shop, on-site seminars for SMB customers and a quarterly customer newsletter.",
						"Welcome: SELF processing, 30% as negotiated."),
				DemoData.MANAGER_EMAIL, new BigDecimal("0.30"), OrderProcessing.SELF, first.atDay(1));

		steps.done("internet partner");

		// clicks, all links in one batch of the click writer, then the orders that followed them
		Map<Link, List<PastClick>> clicks = new LinkedHashMap<>();
		for (DemoPlan.PlannedClick click : plan.clicks()) {
			clicks.computeIfAbsent(links.get(click.partner()), k -> new ArrayList<>())
				.add(new PastClick(click.at(), click.address(), click.userAgent(), "https://" + click.partner()
						+ ".example/"));
		}
		tracking.importClicks(clicks);
		steps.done("clicks");

		// each order through the order intake as it records them, all in one transaction (one commit, not 300)
		transactions.executeWithoutResult(status -> {
			for (DemoPlan.PlannedOrder order : plan.orders()) {
				Link link = links.get(order.partner());
				orders.record(vendor,
						new NewOrder(order.orderId(), OffsetDateTime.ofInstant(order.at(), ZoneOffset.UTC),
								Currency.getInstance("USD"), order.customerEmail(), order.customerCountry(),
								List.of(new OrderItem(order.sku(), order.quantity(), order.unitPrice())),
								byKey.get(order.partner()).id(), Attribution.LINK, null, false, order.orderId(),
								link.subId()));
			}
		});
		steps.done("orders");

		// the Internet Partner's reports go through the partner API, as its own tools would send them
		Api api = new Api(environment.getProperty("local.server.port", "8080"));
		String token = api.token(INTERNET_EMAIL, PASSWORD);
		for (DemoPlan.SalesReport report : plan.reports()) {
			api.put(token, "/api/v1/partner/programs/" + DemoData.VENDOR + "/reports/sales/" + report.month(),
					Map.of("lines", report.lines()
						.stream()
						.map(l -> Map.of("sku", l.sku(), "quantity", l.quantity(), "amount", l.amount().toPlainString(),
								"client", Map.of("name", l.clientName(), "email", l.clientEmail(), "country",
										l.clientCountry())))
						.toList()));
		}
		api.put(token, "/api/v1/partner/programs/" + DemoData.VENDOR + "/reports/forecast/" + plan.current(),
				Map.of("anticipatedVolume", "11000", "lines",
						List.of(Map.of("sku", "KSOS-10", "quantity", 14), Map.of("sku", "KSOS-5", "quantity", 10))));
		api.put(token, "/api/v1/partner/programs/" + DemoData.VENDOR + "/reports/forecast/" + plan.current().plusMonths(1),
				Map.of("anticipatedVolume", "12500", "lines",
						List.of(Map.of("sku", "KSOS-10", "quantity", 16), Map.of("sku", "KSOS-5", "quantity", 12))));

		steps.done("reports");

		// a refund inside its month, then three closes, then a late refund and the payments
		DemoPlan.PlannedOrder refunded = firstOrder(plan, "lucas", first.plusMonths(1));
		OffsetDateTime refundedAt = OffsetDateTime.ofInstant(refunded.at(), ZoneOffset.UTC).plusHours(2);
		if (!YearMonth.from(refundedAt.atZoneSameInstant(vendor.timeZone())).equals(refunded.month())) {
			refundedAt = OffsetDateTime.ofInstant(refunded.at(), ZoneOffset.UTC).plusSeconds(1);
		}
		orders.refund(vendor, refunded.orderId(),
				new NewRefund("demo-refund-1", refunded.amount(), refundedAt, "demo-refund-1"));
		List<CloseResult> closes = new ArrayList<>();
		for (int back = 3; back >= 1; back--) {
			closes.add(commissions.close(vendor, plan.current().minusMonths(back)));
		}
		DemoPlan.PlannedOrder late = firstOrder(plan, "olga", plan.current().minusMonths(1));
		orders.refund(vendor, late.orderId(), new NewRefund("demo-late-refund-1", late.amount(),
				OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusMinutes(5), "demo-late-refund-1"));
		payouts.markPaid(vendor, String.valueOf(closes.get(0).payoutBatchId()), DemoData.MANAGER_EMAIL);
		payouts.markPaid(vendor, String.valueOf(closes.get(1).payoutBatchId()), DemoData.MANAGER_EMAIL);
		steps.done("closes and payouts");
		log.info("Demo activity loaded in {} ms ({}): {} partners, {} clicks, {} orders, months {} to {} closed",
				(System.nanoTime() - started) / 1_000_000, steps, plan.affiliates().size() + 1, plan.clicks().size(),
				plan.orders().size(), first, plan.current().minusMonths(1));
	}

	private static DemoPlan.PlannedOrder firstOrder(DemoPlan plan, String partner, YearMonth month) {
		return plan.orders()
			.stream()
			.filter(o -> o.partner().equals(partner) && o.month().equals(month))
			.findFirst()
			.orElseThrow();
	}

	/** How long each step took, for the log line: where the first start's time goes. */
	private static final class Steps {

		private final Map<String, Long> millis = new LinkedHashMap<>();

		private long last = System.nanoTime();

		void done(String step) {
			long now = System.nanoTime();
			millis.put(step, (now - last) / 1_000_000);
			last = now;
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder();
			millis.forEach((step, ms) -> text.append(text.isEmpty() ? "" : ", ").append(step).append(' ').append(ms)
				.append(" ms"));
			return text.toString();
		}

	}

	/** The partner API on this node, as a partner's own tools call it. */
	private final class Api {

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		private final String base;

		Api(String port) {
			this.base = "http://127.0.0.1:" + port;
		}

		String token(String email, String password) throws Exception {
			JsonNode answer = send("POST", null, "/api/v1/auth/token", Map.of("email", email, "password", password));
			return answer.path("token").asString();
		}

		void put(String token, String path, Object body) throws Exception {
			send("PUT", token, path, body);
		}

		private JsonNode send(String method, String token, String path, Object body) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(
						"Demo data: " + method + " " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			return mapper.readTree(response.body());
		}

	}

}
