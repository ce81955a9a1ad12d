package com.partnerline.commissions;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payout batches and items, and the partners' payout details. */
@Repository
class PayoutStore {

	private final JdbcClient jdbc;

	PayoutStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Creates the month's batch with an item for each payable statement; the details are copied. */
	long createBatch(VendorId vendorId, YearMonth month, Currency currency, Instant now) {
		long id = jdbc.sql("""
				INSERT INTO payout_batches (vendor_id, month, currency, status, created_at)
				VALUES (?, ?, ?, 'OPEN', ?) RETURNING id""")
			.params(vendorId.value(), month.atDay(1), currency.getCurrencyCode(), Timestamp.from(now))
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO payout_items (vendor_id, batch_id, statement_id, partner_id, amount, method,
				  account_holder, iban, bic, email)
				SELECT s.vendor_id, :batch, s.id, s.partner_id, s.payable, d.method, d.account_holder, d.iban, d.bic,
				  d.email
				FROM statements s LEFT JOIN payout_details d ON d.partner_id = s.partner_id
				LEFT JOIN statement_payout_months p ON p.vendor_id = s.vendor_id AND p.month = s.month
				WHERE s.vendor_id = :vendor AND s.month <= :month AND s.month > :month - interval '13 months'
				  AND COALESCE(p.payout_month, s.month) <= :month AND s.payable > 0
				  AND NOT EXISTS (SELECT 1 FROM payout_items i WHERE i.vendor_id = s.vendor_id AND i.statement_id = s.id)""")
			.param("batch", id)
			.param("vendor", vendorId.value())
			.param("month", month.atDay(1))
			.update();
		return id;
	}

	Optional<Long> batchId(VendorId vendorId, YearMonth month) {
		return jdbc.sql("SELECT id FROM payout_batches WHERE vendor_id = ? AND month = ?")
			.params(vendorId.value(), month.atDay(1))
			.query(Long.class)
			.optional();
	}

	long countBatches(VendorId vendorId, YearMonth month) {
		return jdbc.sql("SELECT count(*) FROM payout_batches WHERE vendor_id = ? AND month = ?")
			.params(vendorId.value(), month.atDay(1))
			.query(Long.class)
			.single();
	}

	Optional<PayoutBatch> batch(VendorId vendorId, long batchId) {
		List<PayoutBatch.Item> items = jdbc.sql("""
				SELECT statement_id, partner_id, amount, method, account_holder, iban, bic, email FROM payout_items
				WHERE vendor_id = ? AND batch_id = ? ORDER BY partner_id""")
			.params(vendorId.value(), batchId)
			.query((rs, n) -> new PayoutBatch.Item(rs.getLong(1), new PartnerId(rs.getObject(2, UUID.class)),
					rs.getBigDecimal(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getString(8)))
			.list();
		return jdbc.sql("""
				SELECT id, month, currency, status, created_at, paid_at FROM payout_batches
				WHERE vendor_id = ? AND id = ?""")
			.params(vendorId.value(), batchId)
			.query((rs, n) -> {
				Currency currency = Currency.getInstance(rs.getString(3));
				Timestamp paid = rs.getTimestamp(6);
				return new PayoutBatch(rs.getLong(1), vendorId, YearMonth.from(rs.getObject(2, LocalDate.class)),
						currency, rs.getString(4), rs.getTimestamp(5).toInstant(),
						paid == null ? null : paid.toInstant(),
						items.stream()
							.map(i -> new PayoutBatch.Item(i.statementId(), i.partnerId(),
									BandEngine.round(i.amount(), currency), i.method(), i.accountHolder(), i.iban(),
									i.bic(), i.email()))
							.toList());
			})
			.optional();
	}

	/** @return whether this call marked it (false: it was paid already) */
	boolean markPaid(VendorId vendorId, long batchId, String actor, Instant now) {
		return jdbc.sql("""
				UPDATE payout_batches SET status = 'PAID', paid_at = ?, paid_by = ?
				WHERE vendor_id = ? AND id = ? AND status = 'OPEN'""")
			.params(Timestamp.from(now), actor, vendorId.value(), batchId)
			.update() > 0;
	}

	void saveDetails(PartnerId partnerId, PayoutDetails details, Instant now) {
		jdbc.sql("""
				INSERT INTO payout_details (partner_id, method, account_holder, iban, bic, email, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (partner_id) DO UPDATE SET method = EXCLUDED.method,
				  account_holder = EXCLUDED.account_holder, iban = EXCLUDED.iban, bic = EXCLUDED.bic,
				  email = EXCLUDED.email, updated_at = EXCLUDED.updated_at""")
			.params(partnerId.value(), details.method(), details.accountHolder(), details.iban(), details.bic(),
					details.email(), Timestamp.from(now))
			.update();
	}

	Optional<PayoutDetails> details(PartnerId partnerId) {
		return jdbc.sql("SELECT method, account_holder, iban, bic, email FROM payout_details WHERE partner_id = ?")
			.param(partnerId.value())
			.query((rs, n) -> new PayoutDetails(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	void saveAccount(VendorId vendorId, PayoutAccount account, String actor, Instant now) {
		jdbc.sql("""
				INSERT INTO vendor_payout_accounts (vendor_id, account_holder, iban, bic, updated_at, updated_by)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (vendor_id) DO UPDATE SET account_holder = EXCLUDED.account_holder, iban = EXCLUDED.iban,
				  bic = EXCLUDED.bic, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
			.params(vendorId.value(), account.accountHolder(), account.iban(), account.bic(), Timestamp.from(now),
					actor)
			.update();
	}

	Optional<PayoutAccount> account(VendorId vendorId) {
		return jdbc.sql("SELECT account_holder, iban, bic FROM vendor_payout_accounts WHERE vendor_id = ?")
			.param(vendorId.value())
			.query((rs, n) -> new PayoutAccount(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

}
