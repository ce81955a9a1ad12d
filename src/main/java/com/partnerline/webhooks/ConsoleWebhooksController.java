package com.partnerline.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.CsvWriter;
import com.partnerline.kernel.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The vendor console's webhooks: the endpoints, a form to add one (events as checkboxes,
 * the URL checked as at the API, the secret shown once), each endpoint's delivery log with
 * status, attempts and next retry (filtered by status, in pages, as CSV), replay and removal.
 */
@Controller
class ConsoleWebhooksController {

	private static final int PAGE_SIZE = 50;

	private static final int CSV_BATCH = 500;

	private static final List<String> STATUSES = List.of("PENDING", "DELIVERED", "FAILED");

	private final Webhooks webhooks;

	private final VendorAccess access;

	private final CurrentCaller caller;

	ConsoleWebhooksController(Webhooks webhooks, VendorAccess access, CurrentCaller caller) {
		this.webhooks = webhooks;
		this.access = access;
		this.caller = caller;
	}

	@GetMapping("/console/vendors/{vendor}/webhooks")
	String endpoints(@PathVariable String vendor, Model model) {
		Vendor found = access.requireManaged(vendor);
		model.addAttribute("vendor", found);
		model.addAttribute("endpoints", webhooks.endpoints(found.id(), null));
		model.addAttribute("types", WebhookEvent.types(false));
		if (!model.containsAttribute("url")) {
			model.addAttribute("url", "");
			model.addAttribute("chosen", List.of());
		}
		return "webhooks/console";
	}

	@PostMapping("/console/vendors/{vendor}/webhooks")
	String add(@PathVariable String vendor, @RequestParam(required = false) @Nullable String url,
			@RequestParam(required = false) @Nullable List<String> events, Model model, RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		try {
			Webhooks.Registered registered = webhooks.register(found.id(), null, url, events == null ? List.of() : events,
					caller.require().actorName());
			redirect.addFlashAttribute("secret", registered.secret());
			redirect.addFlashAttribute("added", registered.id().toString());
			return "redirect:/console/vendors/" + found.slug() + "/webhooks";
		}
		catch (ApiProblem problem) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldProblem field : problem.errors()) {
				errors.putIfAbsent(field.field(), field.message());
			}
			model.addAttribute("errors", errors);
			model.addAttribute("url", url == null ? "" : url);
			model.addAttribute("chosen", events == null ? List.of() : events);
			return endpoints(vendor, model);
		}
	}

	@GetMapping("/console/vendors/{vendor}/webhooks/{id}")
	String deliveries(@PathVariable String vendor, @PathVariable String id,
			@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "0") int page,
			Model model) {
		Vendor found = access.requireManaged(vendor);
		UUID endpoint = WebhooksApiController.uuid(id);
		String shown = status(status);
		int current = Math.max(page, 0);
		List<Webhooks.Delivery> deliveries = webhooks.deliveries(found.id(), null, endpoint, shown, current * PAGE_SIZE,
				PAGE_SIZE + 1);
		model.addAttribute("vendor", found);
		model.addAttribute("endpoint", webhooks.endpoint(found.id(), null, endpoint));
		model.addAttribute("deliveries", deliveries.stream().limit(PAGE_SIZE).toList());
		model.addAttribute("total", webhooks.deliveryCount(found.id(), null, endpoint, shown));
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("status", shown);
		model.addAttribute("page", current);
		model.addAttribute("hasNext", deliveries.size() > PAGE_SIZE);
		return "webhooks/deliveries";
	}

	/** The delivery log as CSV, all of it or the deliveries in {@code status}, newest first. */
	@GetMapping("/console/vendors/{vendor}/webhooks/{id}/deliveries.csv")
	ResponseEntity<byte[]> deliveriesCsv(@PathVariable String vendor, @PathVariable String id,
			@RequestParam(required = false) @Nullable String status) {
		Vendor found = access.requireManaged(vendor);
		UUID endpoint = WebhooksApiController.uuid(id);
		String shown = status(status);
		StringBuilder out = new StringBuilder();
		try (CsvWriter csv = new CsvWriter(out, "id", "event", "written_at", "status", "attempts", "last_attempt_at",
				"last_response", "last_error", "next_attempt_at")) {
			int offset = 0;
			List<Webhooks.Delivery> batch;
			do {
				batch = webhooks.deliveries(found.id(), null, endpoint, shown, offset, CSV_BATCH);
				for (Webhooks.Delivery d : batch) {
					csv.row(d.id(), d.type(), d.createdAt(), d.status(), d.attempts(), d.lastAttemptAt(), d.lastResponse(),
							d.lastError(), d.nextAttemptAt());
				}
				offset += batch.size();
			}
			while (batch.size() == CSV_BATCH);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"webhook-deliveries-" + id + ".csv\"")
			.body(out.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** A status filter the log knows, or none: an unknown one is a bad request, not an empty page. */
	private static @Nullable String status(@Nullable String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		if (!STATUSES.contains(status)) {
			throw ApiProblem.badRequest(List.of(new FieldProblem("status", "webhooks.error.status")));
		}
		return status;
	}

	@PostMapping("/console/vendors/{vendor}/webhooks/{id}/deliveries/{deliveryId}/replay")
	String replay(@PathVariable String vendor, @PathVariable String id, @PathVariable String deliveryId,
			RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		webhooks.replay(found.id(), null, WebhooksApiController.uuid(id), WebhooksApiController.uuid(deliveryId),
				caller.require().actorName());
		redirect.addFlashAttribute("replayed", deliveryId);
		return "redirect:/console/vendors/" + found.slug() + "/webhooks/" + id;
	}

	@PostMapping("/console/vendors/{vendor}/webhooks/{id}/remove")
	String remove(@PathVariable String vendor, @PathVariable String id, RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		webhooks.remove(found.id(), null, WebhooksApiController.uuid(id), caller.require().actorName());
		redirect.addFlashAttribute("removed", true);
		return "redirect:/console/vendors/" + found.slug() + "/webhooks";
	}

}
