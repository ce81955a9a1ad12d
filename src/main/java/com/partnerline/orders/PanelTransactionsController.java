package com.partnerline.orders;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The partner's own orders with their status (held with the reason, rejected, pending, on a statement, paid). */
@Controller
class PanelTransactionsController {

	private final OrderReview review;

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final Clock clock;

	PanelTransactionsController(OrderReview review, CatalogManagement catalog, PartnerManagement partners, Clock clock) {
		this.review = review;
		this.catalog = catalog;
		this.partners = partners;
		this.clock = clock;
	}

	@GetMapping("/panel/programs/{vendor}/transactions")
	String transactions(@PathVariable String vendor, @RequestParam(required = false) @Nullable String month,
			Model model) {
		Vendor found = catalog.vendor(vendor);
		partners.currentMembership(found);
		YearMonth current = YearMonth.from(clock.instant().atZone(found.timeZone()));
		YearMonth shown = current;
		if (month != null && !month.isBlank()) {
			try {
				shown = YearMonth.parse(month.strip());
			}
			catch (DateTimeParseException ex) {
				shown = current;
			}
		}
		model.addAttribute("vendor", found);
		model.addAttribute("month", shown);
		model.addAttribute("previous", shown.minusMonths(1).toString());
		model.addAttribute("next", shown.isBefore(current) ? shown.plusMonths(1).toString() : null);
		model.addAttribute("transactions", review.transactions(found, partners.currentPartner().id(), shown, shown));
		return "orders/transactions";
	}

}
