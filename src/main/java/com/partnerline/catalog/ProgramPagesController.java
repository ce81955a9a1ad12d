package com.partnerline.catalog;

import java.util.List;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.Caller;
import com.partnerline.accounts.CurrentCaller;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page that presents the programs, and the vendor console's entry page. */
@Controller
class ProgramPagesController {

	private final CatalogManagement catalog;

	private final AccountManagement accounts;

	private final CurrentCaller currentCaller;

	ProgramPagesController(CatalogManagement catalog, AccountManagement accounts, CurrentCaller currentCaller) {
		this.catalog = catalog;
		this.accounts = accounts;
		this.currentCaller = currentCaller;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("programs", catalog.vendorsWithOpenPrograms()
			.stream()
			.map(vendor -> new VendorProgram(vendor, catalog.findProgram(vendor.id()).orElse(null), List.of()))
			.toList());
		return "home";
	}

	@GetMapping("/console")
	String console(Model model) {
		Caller caller = currentCaller.require();
		List<Vendor> vendors = caller.isPlatformAdmin() ? catalog.allVendors()
				: catalog.vendors(accounts.managedVendors(caller.accountId()));
		model.addAttribute("vendors", vendors.stream()
			.map(vendor -> new VendorProgram(vendor, catalog.findProgram(vendor.id()).orElse(null),
					catalog.products(vendor.id())))
			.toList());
		return "console/index";
	}

	record VendorProgram(Vendor vendor, @Nullable Program program, List<Product> products) {
	}

}
