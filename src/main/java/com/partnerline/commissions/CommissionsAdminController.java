package com.partnerline.commissions;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vendor admin API of docs/api.md for commissions: closing a month, the month's
 * statements, the payout batch as JSON, CSV and ISO 20022 pain.001, marking it paid.
 */
@RestController
@RequestMapping("/api/v1/admin/vendors/{vendor}")
class CommissionsAdminController {

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final CommissionManagement commissions;

	private final VendorAccess access;

	private final CurrentCaller caller;

	private final PayoutService payoutService;

	CommissionsAdminController(CommissionManagement commissions, VendorAccess access, CurrentCaller caller,
			PayoutService payoutService) {
		this.commissions = commissions;
		this.access = access;
		this.caller = caller;
		this.payoutService = payoutService;
	}

	@PostMapping("/periods/{month}/close")
	CloseView close(@PathVariable String vendor, @PathVariable String month) {
		Vendor found = access.requireManaged(vendor);
		CloseResult result = commissions.close(found, month(month));
		return new CloseView(result.statements().stream().map(StatementView::of).toList(), result.payoutBatchId());
	}

	@GetMapping(path = "/periods/{month}/statements")
	ResponseEntity<?> statements(@PathVariable String vendor, @PathVariable String month,
			@org.springframework.web.bind.annotation.RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Nullable String accept) {
		Vendor found = access.requireManaged(vendor);
		YearMonth closed = month(month);
		List<Statement> statements = commissions.statements(found.id(), closed);
		if (accept != null && accept.contains("text/csv")) {
			return ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						"attachment; filename=\"statements-" + found.slug() + "-" + closed + ".csv\"")
				.body(StatementsCsv.csv(statements));
		}
		return ResponseEntity.ok(Map.of("month", closed.toString(), "closed", commissions.isClosed(found.id(), closed),
				"statements", statements.stream().map(StatementView::of).toList()));
	}

	@GetMapping("/payouts/{batchId}")
	ResponseEntity<?> batch(@PathVariable String vendor, @PathVariable String batchId,
			@org.springframework.web.bind.annotation.RequestHeader(name = HttpHeaders.ACCEPT,
					required = false) @Nullable String accept) {
		Vendor found = access.requireManaged(vendor);
		PayoutBatch batch = payoutService.batch(found, batchId);
		String wanted = accept == null ? "" : accept;
		if (wanted.contains("text/csv")) {
			return ResponseEntity.ok()
				.contentType(CSV)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(found, batch) + ".csv\"")
				.body(PayoutFiles.csv(batch));
		}
		if (wanted.contains("application/xml") || wanted.contains("text/xml")) {
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_XML)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(found, batch) + ".xml\"")
				.body(payoutService.pain001(found, batch));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(BatchView.of(batch));
	}

	/** The vendor's own account, debtor of its payment files. */
	@PutMapping("/payout-account")
	PayoutAccount saveAccount(@PathVariable String vendor, @RequestBody(required = false) @Nullable AccountForm form) {
		Vendor found = access.requireManaged(vendor);
		AccountForm sent = form == null ? new AccountForm(null, null, null) : form;
		return payoutService.saveAccount(found, sent.accountHolder(), sent.iban(), sent.bic(),
				caller.require().actorName());
	}

	@GetMapping("/payout-account")
	PayoutAccount account(@PathVariable String vendor) {
		Vendor found = access.requireManaged(vendor);
		return payoutService.account(found)
			.orElseThrow(() -> ApiProblem.notFound("commissions.payoutAccountMissing", found.slug()));
	}

	record AccountForm(@Nullable String accountHolder, @Nullable String iban, @Nullable String bic) {
	}

	@PostMapping("/payouts/{batchId}/paid")
	BatchView paid(@PathVariable String vendor, @PathVariable String batchId) {
		Vendor found = access.requireManaged(vendor);
		return BatchView.of(payoutService.markPaid(found, batchId, caller.require().actorName()));
	}

	private static String fileName(Vendor vendor, PayoutBatch batch) {
		return "payout-" + vendor.slug() + "-" + batch.month() + "-" + batch.id();
	}

	static YearMonth month(String month) {
		try {
			return YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.invalidField("month", "commissions.monthInvalid");
		}
	}

	record CloseView(List<StatementView> statements, long payoutBatchId) {
	}

	record StatementView(String partnerId, String volume, String band, String rate, String commission,
			String adjustments, String broughtForward, String payable, String carriedForward) {

		static StatementView of(Statement s) {
			return new StatementView(s.partnerId().toString(), Json.volume(s.volume()), s.band(), Json.rate(s.rate()),
					Json.amount(s.commission(), s.currency()), Json.amount(s.adjustments(), s.currency()),
					Json.amount(s.broughtForward(), s.currency()), Json.amount(s.payable(), s.currency()),
					Json.amount(s.carriedForward(), s.currency()));
		}

	}

	record BatchView(long payoutBatchId, String month, String status, String currency, int count, String total,
			@Nullable String paidAt, List<ItemView> items) {

		static BatchView of(PayoutBatch batch) {
			return new BatchView(batch.id(), batch.month().toString(), batch.status(),
					batch.currency().getCurrencyCode(), batch.items().size(),
					Json.amount(batch.total(), batch.currency()),
					batch.paidAt() == null ? null : batch.paidAt().toString(),
					batch.items()
						.stream()
						.map(i -> new ItemView(i.partnerId().toString(), Json.amount(i.amount(), batch.currency()),
								batch.currency().getCurrencyCode(), i.method(), i.accountHolder(), i.iban(), i.bic(),
								i.email()))
						.toList());
		}

	}

	record ItemView(String partnerId, String amount, String currency, @Nullable String method,
			@Nullable String accountHolder, @Nullable String iban, @Nullable String bic, @Nullable String email) {
	}

}
