package com.partnerline.commissions;

import java.time.YearMonth;

import com.partnerline.kernel.VendorId;
import com.partnerline.partners.AccountingPeriods;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Which months of a vendor are closed: their statements and reported sales are frozen. */
@Service
public class Periods implements AccountingPeriods {

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

}
