package com.partnerline.enablement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.partnerline.accounts.CurrentCaller;
import com.partnerline.accounts.Role;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.PartnerId;
import com.partnerline.partners.Membership;
import com.partnerline.partners.PartnerManagement;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the programs whose current policies the partner has not acknowledged into the
 * model of the control panel's start page ({@code pendingPolicyVendors}), so that its
 * banner asks for them until they are acknowledged. Other pages are left alone.
 */
@ControllerAdvice
class PolicyBannerAdvice {

	private final CurrentCaller caller;

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final Policies policies;

	PolicyBannerAdvice(CurrentCaller caller, PartnerManagement partners, CatalogManagement catalog,
			Policies policies) {
		this.caller = caller;
		this.partners = partners;
		this.catalog = catalog;
		this.policies = policies;
	}

	@ModelAttribute
	void pendingPolicies(HttpServletRequest request, org.springframework.ui.Model model) {
		String path = request.getServletPath();
		// the panel's home: the programs list and each program's dashboard
		if (!"/panel".equals(path) && !"/panel/".equals(path) && !"/panel/programs".equals(path)
				&& !(path.startsWith("/panel/programs/") && path.endsWith("/dashboard"))) {
			return;
		}
		caller.get().filter(c -> c.role() == Role.PARTNER && c.accountId() != null).ifPresent(c -> {
			PartnerId partner = new PartnerId(c.accountId());
			List<Map.Entry<Vendor, List<Policies.Current>>> pending = new ArrayList<>();
			for (Membership membership : partners.memberships(partner)) {
				if (!membership.isActive()) {
					continue;
				}
				catalog.findVendor(membership.vendorId()).ifPresent(vendor -> {
					List<Policies.Current> open = policies.pendingFor(vendor, partner);
					if (!open.isEmpty()) {
						pending.add(Map.entry(vendor, open));
					}
				});
			}
			model.addAttribute("pendingPolicyVendors", pending);
		});
	}

}
