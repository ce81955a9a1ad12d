package com.partnerline.commissions;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;

import org.springframework.stereotype.Service;

/**
 * Builds the statement a partner reads (page, API and PDF) from the frozen statement:
 * its month's orders and refunds as they had arrived at the close (the ones its volume
 * counted, so the lines add up to it) and the adjustment lines kept with it.
 */
@Service
class StatementDocuments {

	private final CommissionManagement commissions;

	private final StatementStore statements;

	private final MonthlySales sales;

	StatementDocuments(CommissionManagement commissions, StatementStore statements, MonthlySales sales) {
		this.commissions = commissions;
		this.statements = statements;
		this.sales = sales;
	}

	Optional<StatementDocument> find(VendorId vendorId, PartnerId partnerId, YearMonth month) {
		return commissions.statement(vendorId, partnerId, month).map(this::document);
	}

	StatementDocument document(Statement statement) {
		Instant closedAt = statements.closedAt(statement.vendorId(), statement.month())
			.orElseThrow(() -> new IllegalStateException("A statement of a month that is not closed"));
		List<StatementDocument.Line> lines = new ArrayList<>();
		if (statement.broughtForward().signum() != 0) {
			lines.add(new StatementDocument.Line("BROUGHT_FORWARD", null, null, null, statement.broughtForward(), null));
		}
		for (MonthlySales.Booked booked : sales.booked(statement.vendorId(), statement.partnerId(), statement.month(),
				closedAt)) {
			String kind = booked.selfReferral() ? "SELF_REFERRAL" : booked.refundId() == null ? "ORDER" : "REFUND";
			String reference = booked.refundId() == null ? booked.orderId()
					: booked.refundId() + " / " + booked.orderId();
			lines.add(new StatementDocument.Line(kind, reference, booked.occurredAt(), statement.month(),
					booked.amount(), null));
		}
		for (StatementLine adjustment : commissions.lines(statement)) {
			String reference = adjustment.refundId() == null ? adjustment.orderId()
					: adjustment.refundId() + " / " + adjustment.orderId();
			lines.add(new StatementDocument.Line(adjustment.kind(), reference, null, adjustment.orderMonth(),
					adjustment.amount(), adjustment.rate()));
		}
		if (statement.carriedForward().signum() != 0) {
			lines.add(new StatementDocument.Line("CARRIED_FORWARD", null, null, null, statement.carriedForward(), null));
		}
		return new StatementDocument(statement, lines);
	}

}
