package com.partnerline.orders;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.Money;
import com.partnerline.kernel.PartnerId;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Held orders and their review (admin API), and a partner's transactions with status (partner API); docs/api.md, Platform. */
@RestController
class HoldsApiController {

	private final OrderReview review;

	private final VendorAccess access;

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final CurrentCaller caller;

	private final java.time.Clock clock;

	HoldsApiController(OrderReview review, VendorAccess access, CatalogManagement catalog, PartnerManagement partners,
			CurrentCaller caller, java.time.Clock clock) {
		this.clock = clock;
		this.review = review;
		this.access = access;
		this.catalog = catalog;
		this.partners = partners;
		this.caller = caller;
	}

	@GetMapping("/api/v1/admin/vendors/{vendor}/held-orders")
	List<HeldView> held(@PathVariable String vendor, @RequestParam(required = false) @Nullable String partnerId,
			@RequestParam(required = false) @Nullable String reason,
			@RequestParam(defaultValue = "500") int limit) {
		Vendor found = access.requireManaged(vendor);
		PartnerId partner = null;
		if (partnerId != null && !partnerId.isBlank()) {
			try {
				partner = PartnerId.of(partnerId.strip());
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblem.invalidField("partnerId", "orders.partnerIdInvalid");
			}
		}
		return review.held(found, partner, reason == null || reason.isBlank() ? null : reason.strip(), limit)
			.stream()
			.map(h -> new HeldView(h.orderId(), h.partnerId().toString(),
					new Money(h.amount(), found.currency()).rounded().toDecimalString(), h.currency(), h.reason(),
					h.occurredAt().toString()))
			.toList();
	}

	@PostMapping("/api/v1/admin/vendors/{vendor}/orders/{orderId}/review")
	Map<String, String> decide(@PathVariable String vendor, @PathVariable String orderId,
			@RequestBody ReviewRequest request) {
		Vendor found = access.requireManaged(vendor);
		review.review(found, orderId, request.decision(), request.reason(), caller.require().actorName());
		return Map.of("orderId", orderId, "status",
				"APPROVE".equals(request.decision() == null ? "" : request.decision().strip()) ? "RELEASED" : "REJECTED");
	}

	@GetMapping("/api/v1/partner/programs/{vendor}/transactions")
	List<TransactionView> transactions(@PathVariable String vendor,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
		Vendor found = catalog.vendor(vendor);
		partners.currentMembership(found);
		YearMonth current = YearMonth.from(clock.instant().atZone(found.timeZone()));
		YearMonth end = month(to, "to", current);
		YearMonth start = month(from, "from", end.minusMonths(11));
		if (start.isAfter(end)) {
			throw ApiProblem.invalidField("from", "orders.fromAfterTo");
		}
		if (start.plusMonths(60).isBefore(end)) {
			throw ApiProblem.invalidField("from", "orders.rangeTooLong");
		}
		return review.transactions(found, partners.currentPartner().id(), start, end)
			.stream()
			.map(t -> new TransactionView(t.orderId(), t.occurredAt().toString(),
					new Money(t.amount(), found.currency()).rounded().toDecimalString(), t.currency(), t.status(),
					t.holdReason(), t.reviewReason()))
			.toList();
	}

	private static YearMonth month(@Nullable String text, String field, YearMonth otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		try {
			return YearMonth.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.invalidField(field, "orders.monthInvalid");
		}
	}

	record ReviewRequest(@Nullable String decision, @Nullable String reason) {
	}

	record HeldView(String orderId, String partnerId, String amount, String currency, String reason,
			String occurredAt) {
	}

	record TransactionView(String orderId, String occurredAt, String amount, String currency, String status,
			@Nullable String holdReason, @Nullable String reviewReason) {
	}

}
