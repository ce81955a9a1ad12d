package com.partnerline.tracking;

import java.util.ArrayList;
import java.util.List;

import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.partners.Membership;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
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

/** The vendor console's coupons: the codes and the partners they attribute orders to. */
@Controller
class ConsoleCouponsController {

	private final TrackingManagement tracking;

	private final PartnerManagement partners;

	private final VendorAccess access;

	private final MessageSource messages;

	ConsoleCouponsController(TrackingManagement tracking, PartnerManagement partners, VendorAccess access,
			MessageSource messages) {
		this.tracking = tracking;
		this.partners = partners;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/console/vendors/{vendor}/coupons")
	String coupons(@PathVariable String vendor, Model model) {
		Vendor found = access.requireManaged(vendor);
		List<PartnerOption> members = new ArrayList<>();
		for (Membership membership : partners.membersOf(found.id())) {
			partners.find(membership.partnerId())
				.map(Partner::email)
				.ifPresent(email -> members.add(new PartnerOption(membership.partnerId().toString(), email)));
		}
		model.addAttribute("vendor", found);
		model.addAttribute("coupons", tracking.coupons(found.id()));
		model.addAttribute("members", members);
		return "tracking/coupons";
	}

	@PostMapping("/console/vendors/{vendor}/coupons")
	String assign(@PathVariable String vendor, @RequestParam(defaultValue = "") String code,
			@RequestParam(required = false) @Nullable String partnerId, RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		try {
			Coupon coupon = tracking.assignCoupon(found, code, partnerId);
			redirect.addFlashAttribute("saved", coupon.code());
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("errors", problem.fieldMessages(messages, LocaleContextHolder.getLocale()));
		}
		return "redirect:/console/vendors/" + found.slug() + "/coupons";
	}

	record PartnerOption(String id, String email) {
	}

}
