package com.partnerline.commissions;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;

import org.springframework.stereotype.Service;

/** Builds the statement a partner reads (page, API and PDF) from the frozen statement. */
@Service
class StatementDocuments {

	private final CommissionManagement commissions;

	private final MonthlySales sales;

	StatementDocuments(CommissionManagement commissions, MonthlySales sales) {
		this.commissions = commissions;
		this.sales = sales;
	}

	Optional<StatementDocument> find(VendorId vendorId, PartnerId partnerId, YearMonth month) {
		return commissions.statement(vendorId, partnerId, month).map(this::document);
	}

	StatementDocument document(Statement statement) {
		List<StatementDocument.Line> lines = new ArrayList<>();
		if (statement.broughtForward().signum() != 0) {
			lines.add(new StatementDocument.Line("BROUGHT_FORWARD", null, null, null, statement.broughtForward(), null));
		}
		BigDecimal ordered = BigDecimal.ZERO;
		for (MonthlySales.OrderLine order : sales.orders(statement.vendorId(), statement.partnerId(),
				statement.month())) {
			lines.add(new StatementDocument.Line(order.selfReferral() ? "SELF_REFERRAL" : "ORDER", order.orderId(),
					order.occurredAt(), statement.month(), order.amount(), null));
			if (!order.selfReferral()) {
				ordered = ordered.add(order.amount());
			}
		}
		BigDecimal refunds = statement.volume().subtract(ordered);
		if (refunds.signum() != 0) {
			lines.add(new StatementDocument.Line("REFUNDS", null, null, statement.month(), refunds, null));
		}
		for (StatementLine adjustment : commissions.lines(statement)) {
			lines.add(new StatementDocument.Line("ADJUSTMENT", adjustment.refundId() + " / " + adjustment.orderId(),
					null, adjustment.orderMonth(), adjustment.amount(), adjustment.rate()));
		}
		if (statement.carriedForward().signum() != 0) {
			lines.add(new StatementDocument.Line("CARRIED_FORWARD", null, null, null, statement.carriedForward(), null));
		}
		return new StatementDocument(statement, lines);
	}

}
