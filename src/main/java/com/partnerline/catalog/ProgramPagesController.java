package com.partnerline.catalog;

import java.util.List;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.Caller;
import com.partnerline.accounts.CurrentCaller;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The public home page that presents the programs, each program's public page, and the vendor console's entry page. */
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

	/** The public page of one vendor's program, at the {@code programUrl} of {@code GET /api/v1/vendors}. */
	@GetMapping("/programs/{vendor}")
	String program(@PathVariable("vendor") String slug, Model model) {
		Vendor vendor = catalog.vendorsWithOpenPrograms()
			.stream()
			.filter(open -> open.slug().equals(slug))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Program program = catalog.program(vendor);
		model.addAttribute("entry", new VendorProgram(vendor, program, catalog.products(vendor.id())));
		model.addAttribute("currency", vendor.currency().getCurrencyCode());
		return "program";
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
