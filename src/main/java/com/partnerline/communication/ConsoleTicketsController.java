package com.partnerline.communication;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.partnerline.accounts.Account;
import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The vendor console's support desk: the queue (filters by status, category, age and
 * assignee; sort; pages) with each ticket's time left to its first-response target
 * and breaches, a ticket with every message, the reply form (with the status it
 * leaves the ticket in), assignment, and the program's response targets.
 */
@Controller
@RequestMapping("/console/vendors/{vendor}/tickets")
class ConsoleTicketsController {

	static final int PAGE_SIZE = 20;

	private final VendorAccess access;

	private final SupportDesk desk;

	private final PartnerManagement partners;

	private final CurrentCaller caller;

	private final MessageSource messages;

	private final Clock clock;

	ConsoleTicketsController(VendorAccess access, SupportDesk desk, PartnerManagement partners, CurrentCaller caller,
			MessageSource messages, Clock clock) {
		this.access = access;
		this.desk = desk;
		this.partners = partners;
		this.caller = caller;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String queue(@PathVariable String vendor, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable Integer olderThanDays,
			@RequestParam(required = false) @Nullable String assignee, @RequestParam(defaultValue = "DUE") String sort,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Vendor found = access.requireManaged(vendor);
		List<Account> managers = desk.managers(found);
		TicketStore.QueueFilter filter;
		try {
			filter = filter(status, category, olderThanDays, assignee, sort, managers);
		}
		catch (ApiProblem problem) {
			filter = new TicketStore.QueueFilter(null, null, null, null, TicketStore.QueueSort.DUE);
		}
		TicketStore.QueuePage result = desk.queue(found, filter, page, PAGE_SIZE);
		model.addAttribute("vendor", found);
		model.addAttribute("items", items(result, found, managers, partners, clock));
		model.addAttribute("total", result.total());
		model.addAttribute("page", Math.max(0, page));
		model.addAttribute("pages", Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("categories", TicketCategory.values());
		model.addAttribute("sorts", TicketStore.QueueSort.values());
		model.addAttribute("managers", managers);
		model.addAttribute("targets", desk.targets(found));
		model.addAttribute("filtered", filter.status() != null || filter.category() != null
				|| filter.olderThanDays() != null || filter.assigneeId() != null);
		return "communication/console-tickets";
	}

	@GetMapping("/{id}")
	String ticket(@PathVariable String vendor, @PathVariable String id, Model model) {
		Vendor found = access.requireManaged(vendor);
		SupportDesk.Conversation conversation = desk.vendorThread(found,
				CommunicationApiController.uuid(id, "communication.ticket.notFound"));
		List<Account> managers = desk.managers(found);
		Ticket ticket = conversation.ticket();
		model.addAttribute("vendor", found);
		model.addAttribute("conversation", conversation);
		model.addAttribute("item", items(new TicketStore.QueuePage(List.of(ticket), 1), found, managers, partners, clock)
			.get(0));
		model.addAttribute("partner", partners.find(ticket.partnerId()).orElse(null));
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("managers", managers);
		return "communication/console-ticket";
	}

	@PostMapping("/{id}/messages")
	String reply(@PathVariable String vendor, @PathVariable String id, @RequestParam(required = false) @Nullable String body,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> attachments,
			RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		UUID ticket = CommunicationApiController.uuid(id, "communication.ticket.notFound");
		try {
			desk.vendorReply(found, ticket, body, status, caller.require().actorName(),
					PanelCommunicationController.uploads(attachments));
			redirect.addFlashAttribute("done", "communication.console.replied");
		}
		catch (ApiProblem problem) {
			refused(problem, redirect);
			redirect.addFlashAttribute("draft", body);
		}
		return "redirect:/console/vendors/" + found.slug() + "/tickets/" + ticket;
	}

	/** A file of one of the vendor's tickets, always as an attachment. */
	@GetMapping("/{id}/attachments/{attachment}")
	ResponseEntity<byte[]> attachment(@PathVariable String vendor, @PathVariable String id,
			@PathVariable String attachment) {
		Vendor found = access.requireManaged(vendor);
		return AttachmentDownloads.serve(desk.vendorAttachment(found,
				CommunicationApiController.uuid(id, "communication.ticket.notFound"),
				CommunicationApiController.uuid(attachment, "communication.attachment.notFound")));
	}

	@PostMapping("/{id}")
	String update(@PathVariable String vendor, @PathVariable String id,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String assignee, RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		UUID ticket = CommunicationApiController.uuid(id, "communication.ticket.notFound");
		try {
			if (status != null) {
				desk.changeStatus(found, ticket, status);
			}
			if (assignee != null) {
				desk.assign(found, ticket, assignee);
			}
			redirect.addFlashAttribute("done", "communication.console.updated");
		}
		catch (ApiProblem problem) {
			refused(problem, redirect);
		}
		return "redirect:/console/vendors/" + found.slug() + "/tickets/" + ticket;
	}

	@PostMapping("/targets")
	String targets(@PathVariable String vendor, @RequestParam(required = false) @Nullable Integer affiliateBusinessDays,
			@RequestParam(required = false) @Nullable Integer internetBusinessDays, RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		try {
			desk.saveTargets(found, affiliateBusinessDays, internetBusinessDays);
			redirect.addFlashAttribute("done", "communication.console.targetsSaved");
		}
		catch (ApiProblem problem) {
			refused(problem, redirect);
		}
		return "redirect:/console/vendors/" + found.slug() + "/tickets";
	}

	private void refused(ApiProblem problem, RedirectAttributes redirect) {
		List<String> lines = problem.fieldMessages(messages, LocaleContextHolder.getLocale());
		redirect.addFlashAttribute("errors", lines.isEmpty() ? List.of(messages.getMessage(problem.messageKey(),
				problem.arguments(), problem.messageKey(), LocaleContextHolder.getLocale())) : lines);
	}

	/**
	 * The queue filter from request parameters (shared with the API).
	 * @throws ApiProblem 422 naming a bad status, category, age, assignee or sort
	 */
	static TicketStore.QueueFilter filter(@Nullable String status, @Nullable String category,
			@Nullable Integer olderThanDays, @Nullable String assignee, String sort, List<Account> managers) {
		List<FieldProblem> errors = new ArrayList<>();
		TicketStatus wantedStatus = status == null || status.isBlank() ? null
				: Texts.enumValue(TicketStatus.class, status, "status", errors);
		TicketCategory wantedCategory = category == null || category.isBlank() ? null
				: Texts.enumValue(TicketCategory.class, category, "category", errors);
		TicketStore.QueueSort by = Texts.enumValue(TicketStore.QueueSort.class, sort, "sort", errors);
		if (olderThanDays != null && olderThanDays < 0) {
			errors.add(new FieldProblem("olderThanDays", "communication.error.negative"));
		}
		UUID assigneeId = null;
		if (assignee != null && !assignee.isBlank()) {
			assigneeId = managers.stream()
				.filter(m -> m.email().equalsIgnoreCase(assignee.strip()) || m.id().toString().equals(assignee.strip()))
				.map(Account::id)
				.findFirst()
				.orElse(null);
			if (assigneeId == null) {
				errors.add(new FieldProblem("assignee", "communication.error.notAManager"));
			}
		}
		if (!errors.isEmpty() || by == null) {
			throw ApiProblem.invalid(errors);
		}
		return new TicketStore.QueueFilter(wantedStatus, wantedCategory, olderThanDays, assigneeId, by);
	}

	/** Queue rows with the partner's name and the assignee's email, at the clock's now. */
	static List<Row> items(TicketStore.QueuePage page, Vendor vendor, List<Account> managers,
			PartnerManagement partners, Clock clock) {
		Instant now = clock.instant();
		Map<UUID, String> emails = managers.stream().collect(Collectors.toMap(Account::id, Account::email));
		Map<PartnerId, String> names = page.rows()
			.stream()
			.map(Ticket::partnerId)
			.distinct()
			.collect(Collectors.toMap(Function.identity(),
					id -> partners.find(id).map(Partner::name).orElse(id.toString())));
		return page.rows()
			.stream()
			.map(t -> {
				var left = t.timeLeftAt(now);
				return new Row(t, names.get(t.partnerId()),
						t.assigneeId() == null ? null : emails.getOrDefault(t.assigneeId(), t.assigneeId().toString()),
						left == null ? null : left.toSeconds(), t.breachedAt(now));
			})
			.toList();
	}

	/**
	 * A ticket as the queue shows it.
	 * @param secondsLeft to the first-response target while a first reply is awaited (negative once passed)
	 */
	record Row(Ticket ticket, String partnerName, @Nullable String assignee, @Nullable Long secondsLeft,
			boolean breached) {
	}

}
