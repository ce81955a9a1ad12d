package com.partnerline.commissions;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The vendor console for commissions: close a month (htmx, with a progress indicator),
 * the month's statements (sort, filter, CSV) and its payout batch (CSV, pain.001, paid).
 */
@Controller
class ConsoleCommissionsController {

	private final VendorAccess access;

	private final CommissionManagement commissions;

	private final PayoutService payouts;

	private final CurrentCaller caller;

	private final MessageSource messages;

	private final PartnerManagement partners;

	ConsoleCommissionsController(VendorAccess access, CommissionManagement commissions, PayoutService payouts,
			CurrentCaller caller, MessageSource messages, PartnerManagement partners) {
		this.partners = partners;
		this.access = access;
		this.commissions = commissions;
		this.payouts = payouts;
		this.caller = caller;
		this.messages = messages;
	}

	@GetMapping("/console/vendors/{vendor}/commissions")
	String page(@PathVariable String vendor, @RequestParam(required = false) @Nullable String month,
			@RequestParam(required = false) @Nullable String band,
			@RequestParam(required = false, defaultValue = "false") boolean payable,
			@RequestParam(required = false, defaultValue = "partner") String sort, Model model) {
		Vendor found = access.requireManaged(vendor);
		YearMonth shown = month == null || month.isBlank() ? commissions.currentMonth(found).minusMonths(1)
				: CommissionsAdminController.month(month);
		List<Statement> all = commissions.statements(found.id(), shown);
		List<Statement> statements = all.stream()
			.filter(s -> band == null || band.isBlank() || s.band().equals(band))
			.filter(s -> !payable || s.payable().signum() > 0)
			.sorted(order(sort))
			.toList();
		Optional<PayoutBatch> batch = commissions.payoutBatchId(found.id(), shown)
			.flatMap(id -> commissions.payoutBatch(found.id(), id));
		model.addAttribute("vendor", found);
		model.addAttribute("currency", found.currency().getCurrencyCode());
		model.addAttribute("month", shown);
		model.addAttribute("closed", commissions.isClosed(found.id(), shown));
		model.addAttribute("closedMonths", commissions.closedMonths(found.id()));
		model.addAttribute("statements", statements);
		model.addAttribute("bands", all.stream().map(Statement::band).distinct().sorted().toList());
		model.addAttribute("band", band);
		model.addAttribute("payable", payable);
		model.addAttribute("sort", sort);
		model.addAttribute("batch", batch.orElse(null));
		PayoutAccount account = payouts.account(found).orElse(null);
		model.addAttribute("account", account);
		if (!model.containsAttribute("accountForm")) {
			model.addAttribute("accountForm", account == null ? new AccountForm(null, null, null)
					: new AccountForm(account.accountHolder(), account.iban(), account.bic()));
		}
		return "commissions/console";
	}

	/** The vendor's own account, debtor of its payment files. */
	@PostMapping("/console/vendors/{vendor}/payout-account")
	String saveAccount(@PathVariable String vendor, @RequestParam(required = false) @Nullable String accountHolder,
			@RequestParam(required = false) @Nullable String iban, @RequestParam(required = false) @Nullable String bic,
			Model model, RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		try {
			payouts.saveAccount(found, accountHolder, iban, bic, caller.require().actorName());
		}
		catch (ApiProblem problem) {
			model.addAttribute("accountForm", new AccountForm(accountHolder, iban, bic));
			model.addAttribute("accountErrors", problem.errors());
			return page(vendor, null, null, false, "partner", model);
		}
		redirect.addFlashAttribute("accountSaved", true);
		return "redirect:/console/vendors/" + found.slug() + "/commissions#payout-account";
	}

	record AccountForm(@Nullable String accountHolder, @Nullable String iban, @Nullable String bic) {
	}

	private static Comparator<Statement> order(String sort) {
		return switch (sort) {
			case "volume" -> Comparator.comparing(Statement::volume, Comparator.reverseOrder());
			case "commission" -> Comparator.comparing(Statement::commission, Comparator.reverseOrder());
			case "payable" -> Comparator.comparing(Statement::payable, Comparator.reverseOrder());
			case "band" -> Comparator.comparing(Statement::band);
			default -> Comparator.comparing(s -> s.partnerId().value());
		};
	}

	/**
	 * The confirmation step before the irreversible close: the month's totals as they
	 * stand (partners with sales, volume, commission), computed live from the orders.
	 */
	@GetMapping("/console/vendors/{vendor}/commissions/close/confirm")
	String confirmClose(@PathVariable String vendor, @RequestParam(required = false) @Nullable String month,
			Model model) {
		Vendor found = access.requireManaged(vendor);
		YearMonth wanted;
		try {
			wanted = CommissionsAdminController.month(month == null ? "" : month);
		}
		catch (ApiProblem problem) {
			model.addAttribute("error", text("commissions.monthInvalid"));
			return page(vendor, null, null, false, "partner", model);
		}
		List<MonthSummary> summaries = partners.membersOf(found.id())
			.stream()
			.map(m -> commissions.monthSummary(found.id(), m.partnerId(), wanted))
			.filter(s -> s.volume().signum() != 0)
			.toList();
		model.addAttribute("vendor", found);
		model.addAttribute("currency", found.currency().getCurrencyCode());
		model.addAttribute("month", wanted);
		model.addAttribute("ended", commissions.hasEnded(found, wanted));
		model.addAttribute("closed", commissions.isClosed(found.id(), wanted));
		model.addAttribute("partnerCount", summaries.size());
		model.addAttribute("volume", summaries.stream().map(MonthSummary::volume).reduce(java.math.BigDecimal.ZERO,
				java.math.BigDecimal::add));
		model.addAttribute("commission", summaries.stream()
			.map(MonthSummary::commission)
			.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
		model.addAttribute("bands", summaries.stream()
			.collect(java.util.stream.Collectors.groupingBy(MonthSummary::band, java.util.TreeMap::new,
					java.util.stream.Collectors.counting())));
		return "commissions/close-confirm";
	}

	@PostMapping("/console/vendors/{vendor}/commissions/close")
	String close(@PathVariable String vendor, @RequestParam String month,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, HttpServletResponse response,
			Model model) {
		Vendor found = access.requireManaged(vendor);
		String target = "/console/vendors/" + found.slug() + "/commissions?month=" + month;
		try {
			CloseResult result = commissions.close(found, CommissionsAdminController.month(month));
			model.addAttribute("message", text(result.closedNow() ? "commissions.console.close.done"
					: "commissions.console.close.already", result.month(), result.statements().size(),
					result.payoutBatchId()));
		}
		catch (ApiProblem problem) {
			String detail = problem.errors().isEmpty() ? text(problem.messageKey(), problem.arguments())
					: text("commissions.monthInvalid");
			model.addAttribute("error", detail);
			return htmx != null ? "commissions/console :: close-result" : page(vendor, null, null, false, "partner", model);
		}
		if (htmx != null) {
			response.setHeader("HX-Redirect", target);
			return "commissions/console :: close-result";
		}
		return "redirect:" + target;
	}

	@GetMapping("/console/vendors/{vendor}/commissions/{month}/statements.csv")
	@ResponseBody
	ResponseEntity<String> statementsCsv(@PathVariable String vendor, @PathVariable String month) {
		Vendor found = access.requireManaged(vendor);
		YearMonth shown = CommissionsAdminController.month(month);
		return ResponseEntity.ok()
			.contentType(CommissionsAdminController.CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"statements-" + found.slug() + "-" + shown + ".csv\"")
			.body(StatementsCsv.csv(commissions.statements(found.id(), shown)));
	}

	@GetMapping("/console/vendors/{vendor}/payouts/{batchId}/file")
	@ResponseBody
	ResponseEntity<String> batchFile(@PathVariable String vendor, @PathVariable String batchId,
			@RequestParam(defaultValue = "csv") String format, RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		PayoutBatch batch = payouts.batch(found, batchId);
		String name = "payout-" + found.slug() + "-" + batch.month() + "-" + batch.id();
		if (format.equals("xml")) {
			String xml;
			try {
				xml = payouts.pain001(found, batch);
			}
			catch (ApiProblem refused) {
				// no payment file (no payout account, nothing to transfer): back to the page, saying why
				redirect.addFlashAttribute("fileError", text(refused.messageKey(), refused.arguments()));
				return ResponseEntity.status(HttpStatus.SEE_OTHER)
					.location(java.net.URI.create("/console/vendors/" + found.slug() + "/commissions?month="
							+ batch.month() + "#batch"))
					.build();
			}
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_XML)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".xml\"")
				.body(xml);
		}
		return ResponseEntity.ok()
			.contentType(CommissionsAdminController.CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
			.body(payouts.csv(batch));
	}

	@PostMapping("/console/vendors/{vendor}/payouts/{batchId}/paid")
	String paid(@PathVariable String vendor, @PathVariable String batchId) {
		Vendor found = access.requireManaged(vendor);
		PayoutBatch batch = payouts.markPaid(found, batchId, caller.require().actorName());
		return "redirect:/console/vendors/" + found.slug() + "/commissions?month=" + batch.month();
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	static BigDecimal total(List<Statement> statements) {
		return statements.stream().map(Statement::payable).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
