package com.partnerline.invoicing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.partnerline.audit.AuditLog;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.commissions.CommissionManagement;
import com.partnerline.commissions.MonthClosed;
import com.partnerline.commissions.Statement;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.partners.Contract;
import com.partnerline.partners.PartnerErased;
import com.partnerline.partners.PartnerManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-billing: the parties' legal details, the partners' agreements, and the invoices
 * issued at a month close. Every query names the vendor or the partner it is for.
 */
@Service
class SelfBilling {

	/** The version of the self-billing terms a partner agrees to (text: {@code invoicing.terms.text}). */
	static final String TERMS_VERSION = "SB-1";

	static final int PAGE_SIZE = 50;

	private static final Logger log = LoggerFactory.getLogger(SelfBilling.class);

	private final JdbcClient jdbc;

	private final CommissionManagement commissions;

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final AuditLog audit;

	private final Clock clock;

	SelfBilling(JdbcClient jdbc, CommissionManagement commissions, CatalogManagement catalog,
			PartnerManagement partners, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.commissions = commissions;
		this.catalog = catalog;
		this.partners = partners;
		this.audit = audit;
		this.clock = clock;
	}

	// --- legal details

	Optional<LegalDetails> partnerDetails(PartnerId partnerId) {
		return jdbc.sql("SELECT legal_name, address, country, vat_id FROM partner_legal_details WHERE partner_id = ?")
			.param(partnerId.value())
			.query((rs, row) -> details(rs, ""))
			.optional();
	}

	/** @throws ApiProblem 422 naming each bad field; nothing is stored then */
	@Transactional
	LegalDetails savePartnerDetails(PartnerId partnerId, LegalDetails form) {
		LegalDetails details = LegalDetails.validated(form.legalName(), form.address(), form.country(), form.vatId());
		jdbc.sql("""
				INSERT INTO partner_legal_details (partner_id, legal_name, address, country, vat_id, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (partner_id) DO UPDATE SET legal_name = EXCLUDED.legal_name, address = EXCLUDED.address,
				  country = EXCLUDED.country, vat_id = EXCLUDED.vat_id, updated_at = EXCLUDED.updated_at""")
			.params(partnerId.value(), details.legalName(), details.address(), details.country(), details.vatId(),
					Timestamp.from(clock.instant()))
			.update();
		return details;
	}

	Optional<LegalDetails> vendorDetails(VendorId vendorId) {
		return jdbc.sql("SELECT legal_name, address, country, vat_id FROM vendor_legal_details WHERE vendor_id = ?")
			.param(vendorId.value())
			.query((rs, row) -> details(rs, ""))
			.optional();
	}

	/** @throws ApiProblem 422 naming each bad field; nothing is stored then */
	@Transactional
	LegalDetails saveVendorDetails(VendorId vendorId, LegalDetails form, String actor) {
		LegalDetails details = LegalDetails.validated(form.legalName(), form.address(), form.country(), form.vatId());
		jdbc.sql("""
				INSERT INTO vendor_legal_details (vendor_id, legal_name, address, country, vat_id, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (vendor_id) DO UPDATE SET legal_name = EXCLUDED.legal_name, address = EXCLUDED.address,
				  country = EXCLUDED.country, vat_id = EXCLUDED.vat_id, updated_at = EXCLUDED.updated_at,
				  updated_by = EXCLUDED.updated_by""")
			.params(vendorId.value(), details.legalName(), details.address(), details.country(), details.vatId(),
					Timestamp.from(clock.instant()), actor)
			.update();
		return details;
	}

	// --- agreements

	/** The partner's latest agreement to self-billing with the vendor. */
	Optional<Invoice.Agreement> agreement(VendorId vendorId, PartnerId partnerId) {
		return jdbc.sql("""
				SELECT id, vendor_id, partner_id, contract_id, terms_version, agreed_at FROM self_billing_agreements
				WHERE vendor_id = ? AND partner_id = ? ORDER BY agreed_at DESC, id DESC LIMIT 1""")
			.params(vendorId.value(), partnerId.value())
			.query((rs, row) -> agreement(rs))
			.optional();
	}

	/**
	 * Records that the partner agrees to the vendor's self-billing under the current terms,
	 * with the contract in force (an Internet Partner's); agreeing again changes nothing.
	 * @throws ApiProblem 422 naming {@code termsVersion} for another version, 409 naming
	 * {@code legalName} while the partner has no legal details, 404 when it is no member
	 */
	@Transactional
	Invoice.Agreement agree(Vendor vendor, PartnerId partnerId, String termsVersion) {
		if (partners.membership(vendor.id(), partnerId).isEmpty()) {
			throw ApiProblem.notFound("catalog.vendorNotFound", vendor.slug());
		}
		if (!TERMS_VERSION.equals(termsVersion)) {
			throw ApiProblem.invalidField("termsVersion", "invoicing.error.termsVersion");
		}
		if (partnerDetails(partnerId).isEmpty()) {
			throw new ApiProblem(HttpStatus.CONFLICT, "invoicing.error.detailsFirst", new Object[0],
					List.of(new FieldProblem("legalName", "invoicing.error.detailsFirst")));
		}
		UUID contract = partners.activeContract(vendor.id(), partnerId).map(Contract::id).orElse(null);
		int inserted = jdbc.sql("""
				INSERT INTO self_billing_agreements (vendor_id, partner_id, contract_id, terms_version, agreed_at, agreed_by)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (vendor_id, partner_id, terms_version) DO NOTHING""")
			.params(vendor.id().value(), partnerId.value(), contract, TERMS_VERSION, Timestamp.from(clock.instant()),
					partnerId.value())
			.update();
		if (inserted == 1) {
			audit.record("partner:" + partnerId, vendor.id().value(), "SELF_BILLING_AGREED", partnerId.toString(),
					"terms " + TERMS_VERSION + (contract == null ? "" : ", contract " + contract));
		}
		return agreement(vendor.id(), partnerId).orElseThrow();
	}

	// --- invoices

	/**
	 * Issues the invoices of a closed month, in the close's own transaction: one per payable
	 * statement of a partner with legal details and an agreement, while the vendor has legal
	 * details. Numbers come from the vendor's counter row, which stays locked until the
	 * close commits; a close that rolls back takes its numbers back with it.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(MonthClosed closed) {
		Vendor vendor = catalog.findVendor(closed.vendorId()).orElse(null);
		LegalDetails customer = vendorDetails(closed.vendorId()).orElse(null);
		if (vendor == null || customer == null) {
			return;
		}
		record Due(Statement statement, LegalDetails supplier, Invoice.Agreement agreement) {
		}
		List<Due> due = new ArrayList<>();
		for (Statement statement : commissions.statements(closed.vendorId(), closed.month())) {
			if (statement.payable().signum() <= 0) {
				continue;
			}
			Optional<LegalDetails> supplier = partnerDetails(statement.partnerId());
			Optional<Invoice.Agreement> agreement = agreement(closed.vendorId(), statement.partnerId());
			if (supplier.isPresent() && agreement.isPresent()) {
				due.add(new Due(statement, supplier.get(), agreement.get()));
			}
		}
		if (due.isEmpty()) {
			return;
		}
		due.sort(Comparator.comparingLong(d -> d.statement().id()));
		long last = allocate(closed.vendorId(), due.size());
		long number = last - due.size() + 1;
		LocalDate issuedOn = LocalDate.now(clock.withZone(vendor.timeZone()));
		Instant now = clock.instant();
		for (Due d : due) {
			insert(invoice(vendor, number++, d.statement(), d.supplier(), customer, d.agreement(), issuedOn), now);
		}
		log.info("Issued {} self-billed invoices of {} for {} (numbers {} to {})", due.size(), vendor.slug(),
				closed.month(), last - due.size() + 1, last);
	}

	/** Takes {@code count} numbers of the vendor's sequence; returns the last one. Locks the counter row. */
	long allocate(VendorId vendorId, int count) {
		jdbc.sql("INSERT INTO invoice_counters (vendor_id, last_number) VALUES (?, 0) ON CONFLICT DO NOTHING")
			.param(vendorId.value())
			.update();
		return jdbc.sql("UPDATE invoice_counters SET last_number = last_number + ? WHERE vendor_id = ? RETURNING last_number")
			.params(count, vendorId.value())
			.query(Long.class)
			.single();
	}

	private Invoice invoice(Vendor vendor, long number, Statement statement, LegalDetails supplier,
			LegalDetails customer, Invoice.Agreement agreement, LocalDate issuedOn) {
		Currency currency = statement.currency();
		List<Invoice.Line> lines = new ArrayList<>();
		lines.add(new Invoice.Line("COMMISSION", statement.commission()));
		if (statement.adjustments().signum() != 0) {
			lines.add(new Invoice.Line("ADJUSTMENTS", statement.adjustments()));
		}
		if (statement.broughtForward().signum() != 0) {
			lines.add(new Invoice.Line("BROUGHT_FORWARD", statement.broughtForward()));
		}
		BigDecimal net = statement.payable();
		Vat.Treatment treatment = Vat.treatment(supplier.country(), customer.country());
		BigDecimal rate = null;
		BigDecimal vat = BigDecimal.ZERO.setScale(currency.getDefaultFractionDigits());
		if (treatment == Vat.Treatment.DOMESTIC) {
			rate = rate(supplier.country());
			vat = Vat.amount(net, rate, currency);
		}
		return new Invoice(vendor.id(), number, statement.id(), statement.partnerId(), statement.month(), issuedOn,
				commissions.payoutMonth(statement), supplier, customer, currency, net, treatment, rate, vat,
				net.add(vat), lines, agreement);
	}

	private BigDecimal rate(String country) {
		return jdbc.sql("SELECT rate FROM vat_rates WHERE country = ?")
			.param(country)
			.query(BigDecimal.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("No VAT rate for " + country));
	}

	private void insert(Invoice i, Instant now) {
		jdbc.sql("""
				INSERT INTO invoices (vendor_id, number, statement_id, partner_id, month, issued_on, payout_month,
				  supplier_name, supplier_address, supplier_country, supplier_vat_id,
				  customer_name, customer_address, customer_country, customer_vat_id,
				  currency, net, treatment, vat_rate, vat, gross, agreement_id, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(i.vendorId().value(), i.number(), i.statementId(), i.partnerId().value(), i.month().atDay(1),
					i.issuedOn(), i.payoutMonth().atDay(1), i.supplier().legalName(), i.supplier().address(),
					i.supplier().country(), i.supplier().vatId(), i.customer().legalName(), i.customer().address(),
					i.customer().country(), i.customer().vatId(), i.currency().getCurrencyCode(), i.net(),
					i.treatment().name(), i.vatRate(), i.vat(), i.gross(), i.agreement().id(), Timestamp.from(now))
			.update();
		int position = 0;
		for (Invoice.Line line : i.lines()) {
			jdbc.sql("INSERT INTO invoice_lines (vendor_id, number, position, kind, amount) VALUES (?, ?, ?, ?, ?)")
				.params(i.vendorId().value(), i.number(), position++, line.kind(), line.amount())
				.update();
		}
	}

	/** A page of the vendor's invoices, newest first. */
	List<Invoice> invoicesOf(VendorId vendorId, int page) {
		return query("WHERE i.vendor_id = ? ORDER BY i.number DESC LIMIT ? OFFSET ?", vendorId.value(), PAGE_SIZE + 1,
				Math.max(0, page) * PAGE_SIZE);
	}

	/** The partner's invoices from every vendor, newest first. */
	List<Invoice> invoicesOf(PartnerId partnerId) {
		return query("WHERE i.partner_id = ? ORDER BY i.issued_on DESC, i.vendor_id, i.number DESC", partnerId.value());
	}

	Optional<Invoice> invoice(VendorId vendorId, long number) {
		return query("WHERE i.vendor_id = ? AND i.number = ?", vendorId.value(), number).stream().findFirst();
	}

	/** The invoice, only if it is the partner's. */
	Optional<Invoice> invoice(VendorId vendorId, PartnerId partnerId, long number) {
		return query("WHERE i.vendor_id = ? AND i.partner_id = ? AND i.number = ?", vendorId.value(),
				partnerId.value(), number)
			.stream()
			.findFirst();
	}

	Optional<Invoice> invoiceOfStatement(VendorId vendorId, long statementId) {
		return query("WHERE i.vendor_id = ? AND i.statement_id = ?", vendorId.value(), statementId).stream()
			.findFirst();
	}

	private List<Invoice> query(String where, Object... params) {
		List<Invoice> invoices = jdbc.sql("""
				SELECT i.*, a.contract_id, a.terms_version, a.agreed_at FROM invoices i
				JOIN self_billing_agreements a ON a.id = i.agreement_id
				""" + where)
			.params(params)
			.query((rs, row) -> invoice(rs))
			.list();
		return invoices.stream().map(this::withLines).toList();
	}

	private Invoice withLines(Invoice i) {
		List<Invoice.Line> lines = jdbc.sql("""
				SELECT kind, amount FROM invoice_lines WHERE vendor_id = ? AND number = ? ORDER BY position""")
			.params(i.vendorId().value(), i.number())
			.query((rs, row) -> new Invoice.Line(rs.getString("kind"), money(rs.getBigDecimal("amount"), i.currency())))
			.list();
		return new Invoice(i.vendorId(), i.number(), i.statementId(), i.partnerId(), i.month(), i.issuedOn(),
				i.payoutMonth(), i.supplier(), i.customer(), i.currency(), i.net(), i.treatment(), i.vatRate(), i.vat(),
				i.gross(), lines, i.agreement());
	}

	private static Invoice invoice(ResultSet rs) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		VendorId vendorId = new VendorId(rs.getLong("vendor_id"));
		PartnerId partnerId = new PartnerId(rs.getObject("partner_id", UUID.class));
		BigDecimal rate = rs.getBigDecimal("vat_rate");
		return new Invoice(vendorId, rs.getLong("number"), rs.getLong("statement_id"), partnerId,
				YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getObject("issued_on", LocalDate.class),
				YearMonth.from(rs.getObject("payout_month", LocalDate.class)), details(rs, "supplier_"),
				details(rs, "customer_"), currency, money(rs.getBigDecimal("net"), currency),
				Vat.Treatment.valueOf(rs.getString("treatment")), rate == null ? null : rate.stripTrailingZeros(),
				money(rs.getBigDecimal("vat"), currency), money(rs.getBigDecimal("gross"), currency), List.of(),
				new Invoice.Agreement(rs.getLong("agreement_id"), vendorId, partnerId,
						rs.getObject("contract_id", UUID.class), rs.getString("terms_version"),
						rs.getTimestamp("agreed_at").toInstant()));
	}

	private static BigDecimal money(BigDecimal amount, Currency currency) {
		return amount.setScale(currency.getDefaultFractionDigits(), java.math.RoundingMode.UNNECESSARY);
	}

	private static LegalDetails details(ResultSet rs, String prefix) throws SQLException {
		String name = prefix.isEmpty() ? "legal_name" : prefix + "name";
		return new LegalDetails(rs.getString(name), rs.getString(prefix + "address"), rs.getString(prefix + "country"),
				rs.getString(prefix + "vat_id"));
	}

	private static Invoice.Agreement agreement(ResultSet rs) throws SQLException {
		return new Invoice.Agreement(rs.getLong("id"), new VendorId(rs.getLong("vendor_id")),
				new PartnerId(rs.getObject("partner_id", UUID.class)), rs.getObject("contract_id", UUID.class),
				rs.getString("terms_version"), rs.getTimestamp("agreed_at").toInstant());
	}

	// --- erasure

	/**
	 * In the erasing transaction: the partner's legal name, address and VAT id become the
	 * pseudonym, in its details and on every invoice issued to it; numbers and amounts stay.
	 * PDFs are never stored (rendered from these rows when asked for), so none keeps the name.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(PartnerErased erased) {
		jdbc.sql("""
				UPDATE partner_legal_details SET legal_name = :p, address = :p,
				  vat_id = CASE WHEN vat_id IS NULL THEN NULL ELSE :p END
				WHERE partner_id = :partner""")
			.param("p", erased.pseudonym())
			.param("partner", erased.partnerId().value())
			.update();
		jdbc.sql("""
				UPDATE invoices SET supplier_name = :p, supplier_address = :p,
				  supplier_vat_id = CASE WHEN supplier_vat_id IS NULL THEN NULL ELSE :p END
				WHERE partner_id = :partner""")
			.param("p", erased.pseudonym())
			.param("partner", erased.partnerId().value())
			.update();
	}

}
