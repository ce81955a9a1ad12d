package com.partnerline.orders;

import java.util.List;

import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.PartnerId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The vendor console's review queue of held orders: filters by partner and rule, select
 * several, approve or reject them with one reason (audited, all or none).
 */
@Controller
class ConsoleHoldsController {

	private final OrderReview review;

	private final VendorAccess access;

	private final CurrentCaller caller;

	private final MessageSource messages;

	ConsoleHoldsController(OrderReview review, VendorAccess access, CurrentCaller caller, MessageSource messages) {
		this.review = review;
		this.access = access;
		this.caller = caller;
		this.messages = messages;
	}

	@GetMapping("/console/vendors/{vendor}/held-orders")
	String queue(@PathVariable String vendor, @RequestParam(required = false) @Nullable String partner,
			@RequestParam(required = false) @Nullable String reason, Model model) {
		Vendor found = access.requireManaged(vendor);
		PartnerId partnerId = null;
		if (partner != null && !partner.isBlank()) {
			try {
				partnerId = PartnerId.of(partner.strip());
			}
			catch (IllegalArgumentException ex) {
				model.addAttribute("filterError", true);
			}
		}
		String rule = reason != null && RULES.contains(reason) ? reason : null;
		model.addAttribute("vendor", found);
		model.addAttribute("partner", partner == null ? "" : partner);
		model.addAttribute("reason", rule == null ? "" : rule);
		model.addAttribute("rules", RULES);
		model.addAttribute("held", review.held(found, partnerId, rule, 500));
		return "orders/held";
	}

	@PostMapping("/console/vendors/{vendor}/held-orders/review")
	String decide(@PathVariable String vendor, @RequestParam(name = "orderIds", required = false) @Nullable List<String> orderIds,
			@RequestParam(required = false) @Nullable String decision,
			@RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		try {
			int decided = review.reviewAll(found, orderIds == null ? List.of() : orderIds, decision, reason,
					caller.require().actorName());
			redirect.addFlashAttribute("decided", decided);
			redirect.addFlashAttribute("decision", decision);
		}
		catch (ApiProblem problem) {
			java.util.Locale locale = LocaleContextHolder.getLocale();
			redirect.addFlashAttribute("problems", problem.errors().isEmpty()
					? List.of(messages.getMessage(problem.messageKey(), problem.arguments(), locale))
					: problem.errors()
						.stream()
						.map(e -> messages.getMessage("orders.review.field." + e.field(), null, e.field(), locale) + ": "
								+ messages.getMessage(e.message(), null, e.message(), locale))
						.toList());
		}
		return "redirect:/console/vendors/" + found.slug() + "/held-orders";
	}

	static final List<String> RULES = List.of(RiskRules.SAME_ADDRESS, RiskRules.SAME_DOMAIN, RiskRules.REPEAT_CUSTOMER,
			RiskRules.REFUND_RATE);

}
