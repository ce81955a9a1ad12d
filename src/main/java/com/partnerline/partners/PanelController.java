package com.partnerline.partners;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Program;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.VendorId;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner's control panel: its programs, and the open programs it can join. */
@Controller
class PanelController {

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	PanelController(PartnerManagement partners, CatalogManagement catalog) {
		this.partners = partners;
		this.catalog = catalog;
	}

	@GetMapping("/panel")
	String panel(Model model) {
		Partner partner = partners.currentPartner();
		List<Membership> memberships = partners.memberships(partner.id());
		Set<VendorId> joined = memberships.stream().map(Membership::vendorId).collect(Collectors.toSet());
		model.addAttribute("partner", partner);
		model.addAttribute("programs", memberships.stream()
			.map(m -> new MemberProgram(catalog.findVendor(m.vendorId()).orElseThrow(), m))
			.toList());
		model.addAttribute("joinable", catalog.vendorsWithOpenPrograms()
			.stream()
			.filter(vendor -> !joined.contains(vendor.id()))
			.map(vendor -> new OpenProgram(vendor, catalog.program(vendor)))
			.toList());
		return "panel/index";
	}

	@PostMapping("/panel/programs")
	String join(@RequestParam String vendor, @RequestParam(required = false) String acceptTermsVersion,
			HttpServletRequest request, RedirectAttributes redirect) {
		Partner partner = partners.currentPartner();
		partners.join(partner.id(), vendor, acceptTermsVersion, request.getRemoteAddr());
		redirect.addFlashAttribute("joined", catalog.vendor(vendor).name());
		return "redirect:/panel";
	}

	record MemberProgram(Vendor vendor, Membership membership) {
	}

	record OpenProgram(Vendor vendor, Program program) {
	}

}
