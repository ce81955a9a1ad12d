package com.partnerline.cluster;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerline.kernel.HmacSignature;
import com.partnerline.support.Api;
import com.partnerline.support.PageSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static com.partnerline.support.Fixtures.map;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24: the cluster that {@code scripts/cluster.sh} starts (two nodes on one PostgreSQL
 * server behind HAProxy) behaves as one application. Not part of the normal test run: run
 * by {@code scripts/test.sh} after the suite, through the Maven profile {@code cluster},
 * with {@code -Dpartnerline.cluster.env=.cluster/cluster.env} (the state file the script
 * writes: the URLs, the admin token, the database and the nodes' pid files). Its last test
 * kills a node with SIGKILL; the script's {@code stop} cleans up after it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

	static final String NODE_HEADER = "X-Partnerline-Node";

	static final String PASSWORD = "cluster-horse-battery";

	static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	static Properties env;

	static String lb;

	static String node1;

	static String node2;

	static Api admin;

	static JdbcClient db;

	static String slug;

	static long vendorId;

	static String secret;

	static String partnerEmail;

	static String partnerId;

	static String partnerToken;

	static Instant announcedAt;

	@BeforeAll
	static void cluster() throws Exception {
		String file = System.getProperty("partnerline.cluster.env");
		assertThat(file).as("-Dpartnerline.cluster.env=<the cluster.env that scripts/cluster.sh writes>").isNotBlank();
		env = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of(file))) {
			env.load(reader);
		}
		lb = env.getProperty("CLUSTER_URL");
		node1 = env.getProperty("NODE1_URL");
		node2 = env.getProperty("NODE2_URL");
		admin = new Api(lb).as(env.getProperty("ADMIN_TOKEN"));
		db = JdbcClient.create(new DriverManagerDataSource(env.getProperty("DB_URL"), env.getProperty("DB_USER"),
				env.getProperty("DB_PASSWORD")));

		slug = "cl" + UUID.randomUUID().toString().substring(0, 8);
		Api.Response created = admin.put("/api/v1/admin/vendors/" + slug, map("name", "Cluster " + slug, "timeZone",
				"UTC", "currency", "USD", "allowedDomains", List.of(slug + ".example.com")));
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		secret = created.json().path("processorSecret").asString();
		assertThat(admin.put("/api/v1/admin/vendors/" + slug + "/program",
				map("termsVersion", "1.0", "termsText", "Terms of " + slug, "riskRules",
						map("sameAddressOrDomain", false, "repeatCustomer", false, "refundRate", false)))
			.status()).isEqualTo(200);
		assertThat(admin.put("/api/v1/admin/vendors/" + slug + "/products/PROD",
				map("name", "Product", "price", "100.00", "currency", "USD", "trialDays", 30))
			.status()).isEqualTo(200);
		vendorId = db.sql("SELECT id FROM vendors WHERE slug = ?").param(slug).query(Long.class).single();

		// a partner signed up through the API, confirmed with the token of its mail (read from the outbox)
		partnerEmail = "partner-" + slug + "@example.org";
		Api api = new Api(lb);
		String terms = api.get("/api/v1/terms").json().path("version").asString();
		Api.Response signup = api.post("/api/v1/signup", map("email", partnerEmail, "password", PASSWORD, "name",
				"Cluster partner", "company", "Cluster Ltd", "country", "DE", "acceptTermsVersion", terms));
		assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
		partnerId = signup.json().path("partnerId").asString();
		String mail = db.sql("SELECT text_body FROM mail_outbox WHERE recipient = ? AND template = 'confirm-email'")
			.param(partnerEmail)
			.query(String.class)
			.single();
		Matcher token = Pattern.compile("token=([A-Za-z0-9_\\-]+)").matcher(mail);
		assertThat(token.find()).as(mail).isTrue();
		Api.Response confirmed = api.post("/api/v1/signup/confirm", map("token", token.group(1)));
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		partnerToken = token(api, partnerEmail, PASSWORD);
		Api.Response joined = api.as(partnerToken)
			.post("/api/v1/partner/programs", map("vendor", slug, "acceptTermsVersion", "1.0"));
		assertThat(joined.status()).as(joined.toString()).isEqualTo(201);

		// an announcement due now: the announcement-mail job (db-scheduler, every minute) mails it
		announcedAt = Instant.now();
		Api.Response announced = admin.post("/api/v1/admin/vendors/" + slug + "/announcements", map("title",
				"Cluster news", "body", "One mail per partner.", "audience", "ALL", "publishAt", announcedAt.toString()));
		assertThat(announced.status()).as(announced.toString()).isEqualTo(201);
	}

	static String token(Api api, String email, String password) {
		Api.Response response = api.post("/api/v1/auth/token", map("email", email, "password", password));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json().path("token").asString();
	}

	static int port(String url) {
		return URI.create(url).getPort();
	}

	@Test
	@Order(1)
	void bothNodesShareOneDatabaseMigratedOnce() {
		// the nodes started at the same time on an empty database: Flyway's lock let one migrate
		List<Map<String, Object>> failed = db.sql("SELECT version, success FROM flyway_schema_history WHERE NOT success")
			.query()
			.listOfRows();
		assertThat(failed).isEmpty();
		List<String> versions = db.sql("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL")
			.query(String.class)
			.list();
		assertThat(versions).doesNotHaveDuplicates().isNotEmpty();
		assertThat(new Api(node1).get("/actuator/health").header(NODE_HEADER)).isEqualTo("node1");
		assertThat(new Api(node2).get("/actuator/health").header(NODE_HEADER)).isEqualTo("node2");
	}

	@Test
	@Order(2)
	void aLoginThroughHaproxyHoldsAcrossTwentyRequestsThatBothNodesAnswer() throws Exception {
		PageSession session = PageSession.login(port(lb), partnerEmail, PASSWORD);
		Set<String> nodes = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			HttpResponse<String> page = session.get("/panel/programs");
			assertThat(page.statusCode()).as("request %d answered by %s", i, page.headers().firstValue(NODE_HEADER))
				.isEqualTo(200);
			assertThat(page.body()).contains("logout");
			nodes.add(page.headers().firstValue(NODE_HEADER).orElseThrow());
		}
		assertThat(nodes).containsExactlyInAnyOrder("node1", "node2");
		// the CSRF token of a page one node rendered is accepted by whichever node takes the form
		Set<String> formNodes = new HashSet<>();
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> page = session.get("/panel/programs");
			HttpResponse<String> posted = session.post("/panel/announcements/preferences", Map.of("announcementMail", "true"));
			assertThat(posted.statusCode()).as(posted.body()).isNotEqualTo(403);
			formNodes.add(page.headers().firstValue(NODE_HEADER).orElseThrow() + ">"
					+ posted.headers().firstValue(NODE_HEADER).orElseThrow());
		}
		assertThat(formNodes).anyMatch(pair -> !pair.startsWith(pair.substring(pair.indexOf('>') + 1)));
		HttpResponse<String> logout = session.post("/logout", Map.of());
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(session.get("/panel/programs").statusCode()).isEqualTo(302);
	}

	@Test
	@Order(3)
	void loginFailuresOnOneNodeSlowDownAttemptsOnTheOther() throws Exception {
		String email = "nobody-" + slug + "@example.org";
		Api one = new Api(node1);
		Api two = new Api(node2);
		for (int i = 0; i < 3; i++) {
			Api.Response failed = (i % 2 == 0 ? one : two).post("/api/v1/auth/token",
					map("email", email, "password", "wrong"));
			assertThat(failed.status()).as(failed.toString()).isEqualTo(401);
		}
		// node2 has seen one failure itself; the three in PostgreSQL slow the next attempts down:
		// of four sent to it at once (each too soon after another), some are refused
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Api.Response>> attempts = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				attempts.add(pool.submit(() -> {
					start.await();
					return two.post("/api/v1/auth/token", map("email", email, "password", "wrong"));
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Api.Response> attempt : attempts) {
				statuses.add(attempt.get().status());
			}
			assertThat(statuses).contains(429).allMatch(status -> status == 401 || status == 429);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	@Order(4)
	void twoNodesClosingTheSameMonthAtOnceMakeOnePayoutBatch() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(order(lb, "close-" + i, "2026-06-1" + i + "T10:00:00Z").statusCode()).isEqualTo(201);
		}
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Api.Response>> closes = new ArrayList<>();
			for (String node : List.of(node1, node2)) {
				closes.add(pool.submit(() -> {
					start.await();
					return new Api(node).as(env.getProperty("ADMIN_TOKEN"))
						.post("/api/v1/admin/vendors/" + slug + "/periods/2026-06/close", null);
				}));
			}
			start.countDown();
			Api.Response first = closes.get(0).get();
			Api.Response second = closes.get(1).get();
			assertThat(first.status()).as(first.toString()).isEqualTo(200);
			assertThat(second.status()).as(second.toString()).isEqualTo(200);
			assertThat(first.json().path("payoutBatchId").asLong())
				.isEqualTo(second.json().path("payoutBatchId").asLong());
			assertThat(first.json().path("statements")).hasSize(1);
			assertThat(first.json().path("statements").get(0).path("volume").asString()).isEqualTo("300.00");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(db.sql("SELECT count(*) FROM payout_batches WHERE vendor_id = ? AND month = DATE '2026-06-01'")
			.param(vendorId)
			.query(Long.class)
			.single()).isEqualTo(1L);
		assertThat(db.sql("SELECT count(*) FROM statements WHERE vendor_id = ? AND month = DATE '2026-06-01'")
			.param(vendorId)
			.query(Long.class)
			.single()).isEqualTo(1L);
	}

	@Test
	@Order(5)
	void aVisitorsClicksAnsweredByBothNodesCountOncePerLinkAndHour() throws Exception {
		String code = link();
		Set<String> nodes = new HashSet<>();
		List<String> clickIds = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			HttpResponse<String> redirect = HTTP.send(HttpRequest.newBuilder(URI.create(lb + "/r/" + code))
				.header("X-Forwarded-For", "203.0.113.24")
				.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) ClusterIT")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(redirect.statusCode()).isEqualTo(302);
			nodes.add(redirect.headers().firstValue(NODE_HEADER).orElseThrow());
			clickIds.add(clickId(redirect));
		}
		assertThat(nodes).containsExactlyInAnyOrder("node1", "node2");
		assertThat(db.sql("SELECT count(*) FROM clicks WHERE vendor_id = ? AND link_code = ?")
			.params(vendorId, code)
			.query(Long.class)
			.single()).isEqualTo(6L);
		assertThat(db.sql("SELECT count(*) FROM clicks WHERE vendor_id = ? AND link_code = ? AND counted")
			.params(vendorId, code)
			.query(Long.class)
			.single()).isEqualTo(1L);
		assertThat(db.sql("SELECT click_id FROM clicks WHERE vendor_id = ? AND link_code = ?")
			.params(vendorId, code)
			.query(String.class)
			.list()).containsExactlyInAnyOrderElementsOf(clickIds);
	}

	@Test
	@Order(6)
	void anOrderDeliveredToOneNodeAndRedeliveredToTheOtherIsStoredOnce() throws Exception {
		assertThat(order(node1, "twice", "2026-11-02T10:00:00Z").statusCode()).isEqualTo(201);
		HttpResponse<String> again = order(node2, "twice", "2026-11-02T10:00:00Z");
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		// and the same order sent to both at the same moment
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<HttpResponse<String>>> sent = new ArrayList<>();
			for (String node : List.of(node1, node2)) {
				sent.add(pool.submit(() -> {
					start.await();
					return order(node, "at-once", "2026-11-03T10:00:00Z");
				}));
			}
			start.countDown();
			List<Integer> statuses = List.of(sent.get(0).get().statusCode(), sent.get(1).get().statusCode());
			assertThat(statuses).containsExactlyInAnyOrder(201, 200);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(db.sql("SELECT count(*) FROM orders WHERE vendor_id = ? AND order_id IN ('twice', 'at-once')")
			.param(vendorId)
			.query(Long.class)
			.single()).isEqualTo(2L);
	}

	@Test
	@Order(7)
	void aScheduledJobRunsOnceAcrossTheNodes() throws Exception {
		// each recurring job is one row that one node at a time picks (db-scheduler)
		List<String> names = db.sql("SELECT task_name FROM scheduled_tasks WHERE task_instance = 'recurring'")
			.query(String.class)
			.list();
		assertThat(names).contains("announcement-mail", "commissions-month-close", "event-resubmission")
			.doesNotHaveDuplicates();
		// the announcement of the set-up is mailed by the job within a minute or so: once to the partner
		long mails = 0;
		for (int i = 0; i < 120 && mails == 0; i++) {
			mails = db.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND template = 'announcement'")
				.param(partnerEmail)
				.query(Long.class)
				.single();
			if (mails == 0) {
				Thread.sleep(1000);
			}
		}
		assertThat(mails).as("announcement mailed by the job").isEqualTo(1L);
		// both nodes poll every 10 s: give the other node its chances to mail it again
		Thread.sleep(25_000);
		assertThat(db.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND template = 'announcement'")
			.param(partnerEmail)
			.query(Long.class)
			.single()).isEqualTo(1L);
		List<String> pickers = db
			.sql("SELECT coalesce(picked_by, '') FROM scheduled_tasks WHERE task_name = 'announcement-mail'")
			.query(String.class)
			.list();
		assertThat(pickers).hasSize(1);
	}

	/**
	 * A bounded load of redirects and signed orders through HAProxy; after a few seconds one
	 * node is killed with SIGKILL. HAProxy takes it out and the other node answers the rest;
	 * order deliveries that failed are retried by their senders as processors do.
	 */
	@Test
	@Order(8)
	void killingANodeUnderLoadLosesNoAnsweredClickAndNoAcknowledgedOrder() throws Exception {
		String code = link();
		Duration length = Duration.ofSeconds(16);
		Duration killAfter = Duration.ofSeconds(5);
		Set<String> answeredClicks = ConcurrentHashMap.newKeySet();
		Set<String> acknowledgedOrders = ConcurrentHashMap.newKeySet();
		Map<String, AtomicInteger> answeredBy = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> answeredAfterKillBy = new ConcurrentHashMap<>();
		AtomicInteger failedClicks = new AtomicInteger();
		AtomicInteger orderRetries = new AtomicInteger();
		AtomicLong killedAt = new AtomicLong();
		long begin = System.nanoTime();
		long end = begin + length.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(12);
		List<Callable<Void>> workers = new ArrayList<>();
		for (int w = 0; w < 8; w++) {
			int worker = w;
			workers.add(() -> {
				// about 40 redirects a second per worker: a few hundred a second in all
				long next = System.nanoTime();
				int n = 0;
				while (System.nanoTime() < end) {
					String visitor = "198.51." + worker + "." + (n++ % 250 + 1);
					try {
						HttpResponse<String> redirect = HTTP.send(HttpRequest.newBuilder(URI.create(lb + "/r/" + code))
							.header("X-Forwarded-For", visitor)
							.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) ClusterIT")
							.timeout(Duration.ofSeconds(10))
							.build(), HttpResponse.BodyHandlers.ofString());
						if (redirect.statusCode() == 302) {
							answeredClicks.add(clickId(redirect));
							String node = redirect.headers().firstValue(NODE_HEADER).orElse("?");
							answeredBy.computeIfAbsent(node, k -> new AtomicInteger()).incrementAndGet();
							long killed = killedAt.get();
							if (killed != 0 && System.nanoTime() > killed + Duration.ofSeconds(3).toNanos()) {
								answeredAfterKillBy.computeIfAbsent(node, k -> new AtomicInteger()).incrementAndGet();
							}
						}
						else {
							failedClicks.incrementAndGet();
						}
					}
					catch (IOException ex) {
						failedClicks.incrementAndGet();
					}
					next += 25_000_000L;
					long wait = next - System.nanoTime();
					if (wait > 0) {
						Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
					}
				}
				return null;
			});
		}
		for (int w = 0; w < 3; w++) {
			int worker = w;
			workers.add(() -> {
				int n = 0;
				while (System.nanoTime() < end) {
					String orderId = "load-" + worker + "-" + n++;
					// a processor retries a delivery until it is acknowledged (2xx)
					for (int attempt = 0; attempt < 40; attempt++) {
						try {
							HttpResponse<String> sent = order(lb, orderId, "2026-11-20T10:00:00Z");
							if (sent.statusCode() == 201 || sent.statusCode() == 200) {
								acknowledgedOrders.add(orderId);
								break;
							}
							assertThat(sent.statusCode()).as(sent.body()).isGreaterThanOrEqualTo(500);
						}
						catch (IOException ex) {
							// no answer: try again
						}
						orderRetries.incrementAndGet();
						Thread.sleep(250);
					}
					Thread.sleep(ThreadLocalRandom.current().nextInt(10, 40));
				}
				return null;
			});
		}
		workers.add(() -> {
			Thread.sleep(killAfter.toMillis());
			long pid = Long.parseLong(Files.readString(Path.of(env.getProperty("NODE2_PID_FILE"))).strip());
			ProcessHandle node = ProcessHandle.of(pid).orElseThrow();
			assertThat(node.info().command().orElse("")).contains("java");
			killedAt.set(System.nanoTime());
			// SIGKILL on Linux: no shutdown hook, no graceful end of requests in flight
			assertThat(node.destroyForcibly()).isTrue();
			node.onExit().get();
			return null;
		});
		for (Future<Void> done : pool.invokeAll(workers)) {
			done.get();
		}
		pool.shutdown();
		double seconds = (System.nanoTime() - begin) / 1e9;
		System.out.printf("cluster load: %d redirects answered (%.0f/s), %d not answered; %d orders acknowledged "
				+ "(%.0f/s), %d deliveries retried; answered by %s, after the kill by %s%n", answeredClicks.size(),
				answeredClicks.size() / seconds, failedClicks.get(), acknowledgedOrders.size(),
				acknowledgedOrders.size() / seconds, orderRetries.get(), answeredBy, answeredAfterKillBy);

		assertThat(answeredBy.keySet()).as("both nodes answered before the kill").contains("node1", "node2");
		assertThat(answeredAfterKillBy.keySet()).as("after the kill HAProxy sends everything to node1")
			.containsExactly("node1");
		assertThat(answeredClicks.size()).isGreaterThan(200);
		// every answered redirect is a stored click
		List<String> stored = db.sql("SELECT click_id FROM clicks WHERE vendor_id = ? AND link_code = ?")
			.params(vendorId, code)
			.query(String.class)
			.list();
		assertThat(new HashSet<>(stored)).containsAll(answeredClicks);
		// every acknowledged order is stored, exactly once
		assertThat(acknowledgedOrders.size()).isGreaterThan(20);
		List<String> orders = db.sql("SELECT order_id FROM orders WHERE vendor_id = ? AND order_id LIKE 'load-%'")
			.param(vendorId)
			.query(String.class)
			.list();
		assertThat(orders).doesNotHaveDuplicates();
		assertThat(orders).containsAll(acknowledgedOrders);
		long items = db.sql("""
				SELECT count(*) FROM order_items WHERE vendor_id = ? AND order_id LIKE 'load-%'""")
			.param(vendorId)
			.query(Long.class)
			.single();
		assertThat(items).isEqualTo(orders.size());
	}

	String link() {
		Api.Response link = new Api(lb).as(partnerToken)
			.post("/api/v1/partner/links", map("vendor", slug, "targetUrl", "https://" + slug + ".example.com/buy"));
		assertThat(link.status()).as(link.toString()).isEqualTo(201);
		return link.json().path("code").asString();
	}

	static String clickId(HttpResponse<?> redirect) {
		String location = redirect.headers().firstValue("Location").orElseThrow();
		Matcher plc = Pattern.compile("[?&]plc=([^&]+)").matcher(location);
		assertThat(plc.find()).as(location).isTrue();
		return plc.group(1);
	}

	static HttpResponse<String> order(String base, String orderId, String at) throws IOException, InterruptedException {
		String body = """
				{"orderId":"%s","occurredAt":"%s","currency":"USD","customer":{"email":"buyer@customer.example","country":"DE"},
				 "items":[{"sku":"PROD","quantity":1,"unitPrice":"100.00"}],"referral":{"partnerId":"%s"}}"""
			.formatted(orderId, at, partnerId);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/vendors/" + slug + "/orders"))
			.header("Content-Type", "application/json")
			.header(HmacSignature.HEADER, HmacSignature.header(secret, Instant.now().getEpochSecond(), bytes))
			.timeout(Duration.ofSeconds(15))
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static JsonNode json(String body) {
		return Api.JSON.readTree(body);
	}

}
