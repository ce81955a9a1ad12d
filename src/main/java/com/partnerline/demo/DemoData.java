package com.partnerline.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.partnerline.accounts.Account;
import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.AccountStatus;
import com.partnerline.accounts.NewAccount;
import com.partnerline.accounts.Role;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.CatalogManagement.ProductDraft;
import com.partnerline.catalog.CatalogManagement.ProgramDraft;
import com.partnerline.catalog.CatalogManagement.VendorDraft;
import com.partnerline.catalog.Vendor;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.partners.PartnerManagement.Registration;
import com.partnerline.platform.PartnerlineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo vendor {@code kaspersky} with its product line and program, a vendor
 * manager, and the demo partner {@code demo}, once (when the vendor is missing).
 * Runs only when {@code PARTNERLINE_DEMO} is on, which it is by default on the
 * embedded database. Everything here is data: no code elsewhere knows these names.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

	static final String VENDOR = "kaspersky";

	static final String PARTNER_EMAIL = "demo@partner.example";

	static final String PARTNER_PASSWORD = "demo-partner-2026";

	static final String MANAGER_EMAIL = "manager@kaspersky.example";

	static final String MANAGER_PASSWORD = "demo-manager-2026";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final PartnerlineSettings settings;

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final AccountManagement accounts;

	private final JdbcClient jdbc;

	/** Whether this start created the demo vendor: only then does {@link DemoActivity} add its months of activity. */
	private volatile boolean loadedNow;
	private final DemoContent demoContent;

	private final DemoMaterial demoMaterial;

	DemoData(PartnerlineSettings settings, CatalogManagement catalog, PartnerManagement partners,
			AccountManagement accounts, JdbcClient jdbc, DemoContent demoContent, DemoMaterial demoMaterial) {
		this.demoContent = demoContent;
		this.demoMaterial = demoMaterial;
		this.settings = settings;
		this.catalog = catalog;
		this.partners = partners;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!settings.demoEnabled()) {
			return;
		}
		// Several nodes may start at once: one loads, the others find it loaded.
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('partnerline.demo'))").query().singleRow();
		if (catalog.findVendor(VENDOR).isPresent()) {
			demoContent.load(catalog.vendor(VENDOR));
			demoMaterial.load(catalog.vendor(VENDOR));
			return;
		}
		Vendor vendor = catalog
			.saveVendor(VENDOR, new VendorDraft("Kaspersky Lab", "Europe/Moscow", "USD",
					List.of("www.kaspersky.com", "kaspersky.com", "usa.kaspersky.com", "store.kaspersky.com")))
			.vendor();
		catalog.saveProgram(vendor, new ProgramDraft(null, null, null, null, null, null, "2026-11", TERMS, true));
		product(vendor, "KAV", "Kaspersky Anti-Virus", "59.95");
		product(vendor, "KIS", "Kaspersky Internet Security", "79.95");
		product(vendor, "KTS", "Kaspersky Total Security", "99.95");
		product(vendor, "KAV-3PC", "Kaspersky Anti-Virus, 3 PCs", "89.95");
		product(vendor, "KIS-3PC", "Kaspersky Internet Security, 3 PCs", "119.95");
		product(vendor, "KSOS-5", "Kaspersky Small Office Security, 5 seats", "299.00");
		product(vendor, "KSOS-10", "Kaspersky Small Office Security, 10 seats", "549.00");
		product(vendor, "KAV-MAC", "Kaspersky Anti-Virus for Mac", "49.95");
		catalog.saveExchangeRate(vendor, "EUR", "2026-01-01", new BigDecimal("1.08"));
		catalog.saveExchangeRate(vendor, "RUB", "2026-01-01", new BigDecimal("0.0105"));

		Partner demo = partners.register(new Registration(PARTNER_EMAIL, PARTNER_PASSWORD, "Demo Partner",
				"Demo Software Reviews", "DE", partners.platformTerms().version(), Locale.ENGLISH),
				AccountStatus.ACTIVE, "demo", null);
		partners.join(demo.id(), VENDOR, "2026-11", null);

		Account manager = accounts.open(new NewAccount(MANAGER_EMAIL, MANAGER_PASSWORD, "Program Manager",
				Role.VENDOR_MANAGER, AccountStatus.ACTIVE, Locale.ENGLISH));
		accounts.grantVendor(manager.id(), vendor.id().value());
		loadedNow = true;
		demoContent.load(vendor);
		demoMaterial.load(vendor);
		log.info("Demo data loaded: vendor '{}', partner {} / {}, vendor manager {} / {}", VENDOR, PARTNER_EMAIL,
				PARTNER_PASSWORD, MANAGER_EMAIL, MANAGER_PASSWORD);
	}

	boolean loadedNow() {
		return loadedNow;
	}

	private void product(Vendor vendor, String sku, String name, String price) {
		catalog.saveProduct(vendor, sku, new ProductDraft(name, new BigDecimal(price), "USD", null));
	}

	private static final String TERMS = """
			Kaspersky Lab Online Sales Partner Program: standard affiliate terms, version 2026-11.

			1. As an Affiliate Partner you promote Kaspersky Lab products on your website with the links, banners,
			   widgets and content the program provides. No individual contract is required.
			2. Orders are processed and accounted for by the network. Your commission is set by your monthly sales
			   volume band and does not exceed 25% of sales; it is paid monthly once it reaches the minimum payout.
			3. You follow the website style guide, the pricing policy and the trademark and domain name policy.
			4. You do not buy through your own links, send unsolicited mail or bid on Kaspersky trademarks.
			5. Partners whose sales normally exceed US$7,000 a month may apply to become Internet Partners with a
			   commercial proposal; we recommend starting as an Affiliate Partner.""";

}
