package com.partnerline.commissions;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.partnerline.kernel.VendorId;
import com.partnerline.orders.SettledMonths;
import com.partnerline.partners.AccountingPeriods;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Which months of a vendor are closed: their statements and reported sales are frozen. */
@Service
public class Periods implements AccountingPeriods, SettledMonths {

	private final JdbcClient jdbc;

	Periods(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean isClosed(VendorId vendorId, YearMonth month) {
		return jdbc.sql("SELECT count(*) FROM periods WHERE vendor_id = ? AND month = ? AND status = 'CLOSED'")
			.params(vendorId.value(), month.atDay(1))
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public List<SettledMonth> closedFrom(VendorId vendor, YearMonth from) {
		// PAID: the batch that pays the month's statements (a later one under payoutDelayMonths)
		return jdbc.sql("""
				SELECT c.month, c.closed_at,
				  EXISTS (SELECT 1 FROM payout_batches b WHERE b.vendor_id = c.vendor_id AND b.status = 'PAID'
				    AND b.month = COALESCE((SELECT p.payout_month FROM statement_payout_months p
				                            WHERE p.vendor_id = c.vendor_id AND p.month = c.month), c.month))
				FROM periods c WHERE c.vendor_id = ? AND c.month >= ? AND c.closed_at IS NOT NULL
				ORDER BY c.month""")
			.params(vendor.value(), from.atDay(1))
			.query((rs, n) -> new SettledMonth(YearMonth.from(rs.getObject(1, LocalDate.class)),
					rs.getTimestamp(2).toInstant(), rs.getBoolean(3)))
			.list();
	}

}
