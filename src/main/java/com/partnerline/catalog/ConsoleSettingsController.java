package com.partnerline.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import com.partnerline.accounts.CurrentCaller;
import com.partnerline.audit.AuditLog;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's program settings, products and exchange rates, written through the same
 * {@link CatalogManagement} calls (and validation) as the admin API, and the processor
 * secret for the vendor's managers. Rates are entered as percentages on the page.
 */
@Controller
class ConsoleSettingsController {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final VendorAccess access;

	private final CatalogManagement catalog;

	private final CurrentCaller caller;

	private final AuditLog audit;

	private final MessageSource messages;

	private final TransactionTemplate transactions;

	ConsoleSettingsController(VendorAccess access, CatalogManagement catalog, CurrentCaller caller, AuditLog audit,
			MessageSource messages, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.access = access;
		this.catalog = catalog;
		this.caller = caller;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping("/console/vendors/{vendor}/settings")
	String page(@PathVariable String vendor, Model model) {
		Vendor found = access.requireManaged(vendor);
		Program program = catalog.program(found);
		if (!model.containsAttribute("programForm")) {
			model.addAttribute("programForm", new ProgramForm(program.minPayout().stripTrailingZeros().toPlainString(),
					String.valueOf(program.cookieDays()), percent(program.affiliateCap()),
					percent(program.internetCap())));
		}
		if (!model.containsAttribute("productForm")) {
			model.addAttribute("productForm", new ProductForm("", "", "", ""));
		}
		if (!model.containsAttribute("rateForm")) {
			model.addAttribute("rateForm", new RateForm("", "", ""));
		}
		model.addAttribute("vendor", found);
		model.addAttribute("program", program);
		model.addAttribute("products", catalog.products(found.id()));
		model.addAttribute("rates", catalog.exchangeRates(found.id()));
		model.addAttribute("processorSecret", catalog.processorSecret(found.id()));
		return "catalog/settings";
	}

	@PostMapping("/console/vendors/{vendor}/settings/program")
	String saveProgram(@PathVariable String vendor, @RequestParam(required = false) @Nullable String minPayout,
			@RequestParam(required = false) @Nullable String cookieDays,
			@RequestParam(required = false) @Nullable String affiliateCap,
			@RequestParam(required = false) @Nullable String internetCap, Model model, RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		ProgramForm form = new ProgramForm(minPayout, cookieDays, affiliateCap, internetCap);
		Map<String, String> errors = new LinkedHashMap<>();
		BigDecimal min = decimal(minPayout, "minPayout", errors);
		Integer days = integer(cookieDays, "cookieDays", errors);
		BigDecimal affiliate = rate(affiliateCap, "affiliateCap", errors);
		BigDecimal internet = rate(internetCap, "internetCap", errors);
		if (errors.isEmpty()) {
			String actor = caller.require().actorName();
			try {
				// the change and its audit entry commit together, or neither does
				transactions.executeWithoutResult(status -> {
					Program before = catalog.program(found);
					catalog.saveProgram(found, new CatalogManagement.ProgramDraft(null, affiliate, internet, days, min,
							null, null, null, null));
					audit.record(actor, found.id().value(), "PROGRAM_SETTINGS_CHANGED", found.slug(),
							"minPayout " + before.minPayout().toPlainString() + " -> " + min.toPlainString()
									+ ", cookieDays " + before.cookieDays() + " -> " + days + ", affiliateCap "
									+ before.affiliateCap() + " -> " + affiliate + ", internetCap "
									+ before.internetCap() + " -> " + internet);
				});
			}
			catch (ApiProblem problem) {
				collect(problem, errors);
			}
		}
		if (!errors.isEmpty()) {
			model.addAttribute("programForm", form);
			model.addAttribute("programErrors", errors);
			return page(vendor, model);
		}
		redirect.addFlashAttribute("saved", "catalog.settings.program.saved");
		return "redirect:/console/vendors/" + found.slug() + "/settings";
	}

	@PostMapping("/console/vendors/{vendor}/settings/products")
	String saveProduct(@PathVariable String vendor, @RequestParam(required = false) @Nullable String sku,
			@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String price,
			@RequestParam(required = false) @Nullable String trialDays, Model model, RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		ProductForm form = new ProductForm(sku, name, price, trialDays);
		Map<String, String> errors = new LinkedHashMap<>();
		BigDecimal amount = decimal(price, "price", errors);
		// empty: one calendar month
		Integer days = trialDays == null || trialDays.isBlank() ? null : integer(trialDays, "trialDays", errors);
		if (sku == null || sku.isBlank()) {
			errors.put("sku", "validation.required");
		}
		if (errors.isEmpty()) {
			try {
				catalog.saveProduct(found, sku.trim(), new CatalogManagement.ProductDraft(name, amount,
						found.currency().getCurrencyCode(), days));
			}
			catch (ApiProblem problem) {
				collect(problem, errors);
			}
		}
		if (!errors.isEmpty()) {
			model.addAttribute("productForm", form);
			model.addAttribute("productErrors", errors);
			return page(vendor, model);
		}
		redirect.addFlashAttribute("saved", "catalog.settings.product.saved");
		return "redirect:/console/vendors/" + found.slug() + "/settings#products";
	}

	@PostMapping("/console/vendors/{vendor}/settings/rates")
	String saveRate(@PathVariable String vendor, @RequestParam(required = false) @Nullable String currency,
			@RequestParam(required = false) @Nullable String date, @RequestParam(required = false) @Nullable String rate,
			Model model, RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		RateForm form = new RateForm(currency, date, rate);
		Map<String, String> errors = new LinkedHashMap<>();
		BigDecimal value = decimal(rate, "rate", errors);
		if (errors.isEmpty()) {
			try {
				catalog.saveExchangeRate(found, currency == null ? "" : currency.trim().toUpperCase(java.util.Locale.ROOT),
						date == null ? "" : date.trim(), value);
			}
			catch (ApiProblem problem) {
				collect(problem, errors);
			}
		}
		if (!errors.isEmpty()) {
			model.addAttribute("rateForm", form);
			model.addAttribute("rateErrors", errors);
			return page(vendor, model);
		}
		redirect.addFlashAttribute("saved", "catalog.settings.rate.saved");
		return "redirect:/console/vendors/" + found.slug() + "/settings#rates";
	}

	private void collect(ApiProblem problem, Map<String, String> errors) {
		for (FieldProblem error : problem.errors()) {
			errors.putIfAbsent(error.field(), error.message());
		}
		if (errors.isEmpty()) {
			errors.put("form", messages.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(),
					LocaleContextHolder.getLocale()));
		}
	}

	private static String percent(BigDecimal rate) {
		return rate.multiply(HUNDRED).stripTrailingZeros().toPlainString();
	}

	private static @Nullable BigDecimal rate(@Nullable String percent, String field, Map<String, String> errors) {
		BigDecimal value = decimal(percent, field, errors);
		return value == null ? null : value.divide(HUNDRED, 6, RoundingMode.UNNECESSARY).stripTrailingZeros();
	}

	private static @Nullable BigDecimal decimal(@Nullable String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			errors.put(field, "validation.required");
			return null;
		}
		try {
			BigDecimal parsed = new BigDecimal(value.trim().replace(',', '.'));
			if (parsed.scale() > 4) {
				errors.put(field, "validation.unreadableValue");
				return null;
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			errors.put(field, "validation.unreadableValue");
			return null;
		}
	}

	private static @Nullable Integer integer(@Nullable String value, String field, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			errors.put(field, "validation.required");
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			errors.put(field, "validation.unreadableValue");
			return null;
		}
	}

	record ProgramForm(@Nullable String minPayout, @Nullable String cookieDays, @Nullable String affiliateCap,
			@Nullable String internetCap) {
	}

	record ProductForm(@Nullable String sku, @Nullable String name, @Nullable String price, @Nullable String trialDays) {
	}

	record RateForm(@Nullable String currency, @Nullable String date, @Nullable String rate) {
	}

}
