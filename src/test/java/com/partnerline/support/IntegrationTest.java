package com.partnerline.support;

import java.util.Map;
import java.util.UUID;

import com.partnerline.accounts.Account;
import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.AccountStatus;
import com.partnerline.accounts.NewAccount;
import com.partnerline.accounts.Role;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.partners.PartnerManagement;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the integration tests: the whole application on a random port, on a real
 * (embedded) PostgreSQL 17 with its own data folder, demo data loaded. All
 * subclasses share one application context (same configuration), so the suite
 * starts PostgreSQL and Spring once. Tests never clean the database: each makes its
 * own vendors, partners and emails with {@link #unique(String)}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "partnerline.data-dir=target/test-data/${random.uuid}", "partnerline.demo=true", "partnerline.demo-activity=false", "partnerline.embedded-durable=false",
				"partnerline.admin-token=" + IntegrationTest.ADMIN_TOKEN, "db-scheduler.polling-interval=1s",
				// Mail goes to the one GreenMail of the test JVM, and quickly.
				"spring.mail.host=127.0.0.1",
				"partnerline.mail.poll-interval=PT0.2S", "partnerline.mail.retry-base=PT0.5S",
				"partnerline.mail.retry-max=PT2S", "partnerline.login.delay-step=PT1S",
				"partnerline.login.max-delay=PT1S", "partnerline.login.refuse-after-per-address=30",
				// Absolute links go to the configured public address, never to the host a request names.
				"partnerline.public-url=https://partners.example.test" })
public abstract class IntegrationTest {

	/** Starts the shared SMTP server before the context, so that the sender finds it from its first poll. */
	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		MailServer.start();
		registry.add("spring.mail.port", () -> MailServer.INSTANCE.port());
	}

	/** Starts the shared clamd before the context, so that the scanner finds its engine at once. */
	@DynamicPropertySource
	static void clamd(DynamicPropertyRegistry registry) {
		ClamdServer.INSTANCE.start();
		registry.add("partnerline.clamd", ClamdServer.INSTANCE::address);
		registry.add("partnerline.scanner.probe-interval", () -> "PT0.2S");
	}

	/** The real clamd every integration test shares (see {@link ClamdServer}). */
	protected static ClamdServer clamd() {
		return ClamdServer.INSTANCE;
	}

	/** The test SMTP server every integration test shares (GreenMail on 127.0.0.1). */
	protected static MailServer mail() {
		return MailServer.INSTANCE;
	}

	public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected PartnerManagement partners;

	@Autowired
	private org.springframework.context.ApplicationContext context;

	protected Api api;

	protected Api admin;

	@BeforeEach
	void setUpClients() {
		api = new Api("http://127.0.0.1:" + port);
		admin = api.as(ADMIN_TOKEN);
	}

	/** A name no other test uses, for slugs, emails and ids: {@code prefix-3f9a1c2b}. */
	protected static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Creates a vendor with the default program and one product {@code PROD} at 100.00 USD. */
	protected Fixtures.TestVendor newVendor() {
		return Fixtures.vendor(admin, unique("vendor"));
	}

	/** Sets the vendor's cookie window (the program's {@code cookieDays}) through the admin API. */
	protected void setCookieWindow(Fixtures.TestVendor vendor, int days) {
		assertThat(admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/program", map("cookieDays", days)).status())
			.isEqualTo(200);
	}

	/** An active partner with a bearer token that joined {@code vendor} as an affiliate. */
	protected Fixtures.TestPartner newPartner(Fixtures.TestVendor vendor) {
		return Fixtures.partner(api, partners, vendor);
	}

	/** An active vendor manager of {@code vendor} (English) who logs on with {@link Fixtures#PASSWORD}; its email. */
	protected String newManager(Fixtures.TestVendor vendor) {
		String email = unique("manager") + "@vendor.example";
		AccountManagement accounts = context.getBean(AccountManagement.class);
		Account manager = accounts.open(new NewAccount(email, Fixtures.PASSWORD, "Morgan Manager", Role.VENDOR_MANAGER,
				AccountStatus.ACTIVE, java.util.Locale.ENGLISH));
		accounts.grantVendor(manager.id(), context.getBean(CatalogManagement.class).vendor(vendor.slug()).id().value());
		return email;
	}

	protected static Map<String, Object> map(Object... keysAndValues) {
		return Fixtures.map(keysAndValues);
	}

}
