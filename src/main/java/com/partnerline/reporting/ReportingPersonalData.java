package com.partnerline.reporting;

import java.util.List;

import com.partnerline.kernel.CustomerErased;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PersonalData;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The partner's Forecast and Sales reports with their lines, for its data export (the sales
 * lines as the partner filed them); and a customer's erasure: the client's email and name
 * on reported sales become the pseudonym (quantities and amounts stay).
 */
@Component
class ReportingPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	ReportingPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Table> export(PartnerId partner) {
		return List.of(
				Table.query(jdbc, "reporting-forecasts", """
						SELECT v.slug AS vendor, to_char(r.month, 'YYYY-MM') AS month, r.version, r.anticipated_volume,
						  r.currency, r.late, r.submitted_at, r.replaced_at, l.line, l.sku, l.quantity
						FROM forecast_reports r JOIN vendors v ON v.id = r.vendor_id
						LEFT JOIN forecast_report_lines l ON l.report_id = r.id
						WHERE r.partner_id = ? ORDER BY r.month, r.version, l.line""", partner.value()),
				Table.query(jdbc, "reporting-sales", """
						SELECT v.slug AS vendor, to_char(r.month, 'YYYY-MM') AS month, r.version, r.source, r.total,
						  r.currency, r.late, r.submitted_at, r.replaced_at, l.line, l.sku, l.quantity, l.amount,
						  l.client_name, l.client_email, l.client_country
						FROM sales_reports r JOIN vendors v ON v.id = r.vendor_id
						LEFT JOIN sales_report_lines l ON l.report_id = r.id
						WHERE r.partner_id = ? ORDER BY r.month, r.version, l.line""", partner.value()));
	}

	@EventListener
	void on(CustomerErased event) {
		jdbc.sql("UPDATE sales_report_lines SET client_email = ?, client_name = ? WHERE lower(client_email) = ?")
			.params(event.pseudonym() + "@erased.invalid", event.pseudonym(), event.email())
			.update();
	}

}
