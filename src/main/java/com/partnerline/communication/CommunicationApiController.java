package com.partnerline.communication;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

import com.partnerline.accounts.Account;
import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.partners.Membership;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.partners.PartnerType;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The communication API (docs/api.md, "Communication"). A partner reaches only its
 * own tickets (another partner's is 404) and the announcements its programs address
 * to it; a manager reaches only the vendors it manages.
 */
@RestController
class CommunicationApiController {

	private final CatalogManagement catalog;

	private final VendorAccess access;

	private final PartnerManagement partners;

	private final CurrentCaller caller;

	private final SupportDesk desk;

	private final Announcements announcements;

	private final Clock clock;

	CommunicationApiController(CatalogManagement catalog, VendorAccess access, PartnerManagement partners,
			CurrentCaller caller, SupportDesk desk, Announcements announcements, Clock clock) {
		this.catalog = catalog;
		this.access = access;
		this.partners = partners;
		this.caller = caller;
		this.desk = desk;
		this.announcements = announcements;
		this.clock = clock;
	}

	// partner: tickets

	@PostMapping("/api/v1/partner/programs/{vendor}/tickets")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> open(@PathVariable String vendor, @RequestBody SupportDesk.NewTicket request) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		Ticket ticket = desk.open(found, membership, partners.currentPartner(), request);
		return TicketViews.created("ticketId", ticket.id(), "status", ticket.status().name(), "firstResponseDue",
				TicketViews.time(ticket.firstResponseDue(), found.timeZone()));
	}

	@GetMapping("/api/v1/partner/programs/{vendor}/tickets")
	List<TicketViews.QueueItem> partnerTickets(@PathVariable String vendor) {
		Vendor found = catalog.vendor(vendor);
		Partner partner = partners.currentPartner();
		partners.currentMembership(found);
		java.time.Instant now = clock.instant();
		return desk.partnerTickets(found, partner.id())
			.stream()
			.map(t -> new ConsoleTicketsController.Row(t, partner.name(), null,
					t.timeLeftAt(now) == null ? null : t.timeLeftAt(now).toSeconds(), t.breachedAt(now)))
			.map(row -> TicketViews.queueItem(row, found.timeZone()))
			.toList();
	}

	@GetMapping("/api/v1/partner/programs/{vendor}/tickets/{id}")
	TicketViews.TicketView partnerTicket(@PathVariable String vendor, @PathVariable String id) {
		Vendor found = catalog.vendor(vendor);
		PartnerId partner = partners.currentPartner().id();
		return TicketViews.ticket(desk.partnerThread(found, partner, ticketId(id)), found.slug(), found.timeZone());
	}

	@PostMapping("/api/v1/partner/programs/{vendor}/tickets/{id}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> partnerReply(@PathVariable String vendor, @PathVariable String id,
			@RequestBody MessageRequest request) {
		Vendor found = catalog.vendor(vendor);
		TicketMessage message = desk.partnerReply(found, partners.currentPartner(), ticketId(id), request.body());
		return TicketViews.created("messageId", message.id(), "status", TicketStatus.OPEN.name());
	}

	// partner: announcements

	@GetMapping("/api/v1/partner/announcements")
	List<TicketViews.AnnouncementView> partnerAnnouncements() {
		PartnerId partner = partners.currentPartner().id();
		return announcements.visibleTo(partner).stream().map(v -> view(v.announcement(), v.read(), null, null)).toList();
	}

	/** Records that the partner has read the announcement (a read receipt for the vendor). */
	@PostMapping("/api/v1/partner/announcements/{id}/read")
	TicketViews.AnnouncementView markRead(@PathVariable String id) {
		PartnerId partner = partners.currentPartner().id();
		AnnouncementStore.Visible read = announcements.read(partner, uuid(id, "communication.announcement.notFound"));
		return view(read.announcement(), true, null, null);
	}

	// vendor: tickets

	@GetMapping("/api/v1/admin/vendors/{vendor}/tickets")
	TicketViews.QueueView queue(@PathVariable String vendor, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable Integer olderThanDays,
			@RequestParam(required = false) @Nullable String assignee, @RequestParam(defaultValue = "DUE") String sort,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Vendor found = access.requireManaged(vendor);
		List<Account> managers = desk.managers(found);
		TicketStore.QueueFilter filter = ConsoleTicketsController.filter(status, category, olderThanDays, assignee, sort,
				managers);
		TicketStore.QueuePage result = desk.queue(found, filter, page, size);
		return new TicketViews.QueueView(ConsoleTicketsController.items(result, found, managers, partners, clock)
			.stream()
			.map(row -> TicketViews.queueItem(row, found.timeZone()))
			.toList(), page, size, result.total());
	}

	@GetMapping("/api/v1/admin/vendors/{vendor}/tickets/{id}")
	TicketViews.TicketView vendorTicket(@PathVariable String vendor, @PathVariable String id) {
		Vendor found = access.requireManaged(vendor);
		return TicketViews.ticket(desk.vendorThread(found, ticketId(id)), found.slug(), found.timeZone());
	}

	@PostMapping("/api/v1/admin/vendors/{vendor}/tickets/{id}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> vendorReply(@PathVariable String vendor, @PathVariable String id,
			@RequestBody MessageRequest request) {
		Vendor found = access.requireManaged(vendor);
		UUID ticket = ticketId(id);
		TicketMessage message = desk.vendorReply(found, ticket, request.body(), request.status(),
				caller.require().actorName());
		return TicketViews.created("messageId", message.id(), "status",
				desk.vendorThread(found, ticket).ticket().status().name());
	}

	/** Sets the ticket's status and/or its assignee (a manager's email or account id; blank for nobody). */
	@PostMapping("/api/v1/admin/vendors/{vendor}/tickets/{id}")
	TicketViews.TicketView updateTicket(@PathVariable String vendor, @PathVariable String id,
			@RequestBody TicketUpdate request) {
		Vendor found = access.requireManaged(vendor);
		UUID ticket = ticketId(id);
		if (request.status() != null) {
			desk.changeStatus(found, ticket, request.status());
		}
		if (request.assignee() != null) {
			desk.assign(found, ticket, request.assignee());
		}
		return TicketViews.ticket(desk.vendorThread(found, ticket), found.slug(), found.timeZone());
	}

	@GetMapping("/api/v1/admin/vendors/{vendor}/ticket-targets")
	Map<String, Integer> targets(@PathVariable String vendor) {
		return targetsView(desk.targets(access.requireManaged(vendor)));
	}

	/** The program's first-response targets in business days, {@code {affiliateBusinessDays, internetBusinessDays}}. */
	@PutMapping("/api/v1/admin/vendors/{vendor}/ticket-targets")
	Map<String, Integer> saveTargets(@PathVariable String vendor, @RequestBody Map<String, @Nullable Integer> request) {
		Vendor found = access.requireManaged(vendor);
		return targetsView(desk.saveTargets(found, request.get("affiliateBusinessDays"),
				request.get("internetBusinessDays")));
	}

	// vendor: announcements

	@PostMapping("/api/v1/admin/vendors/{vendor}/announcements")
	@ResponseStatus(HttpStatus.CREATED)
	TicketViews.AnnouncementView announce(@PathVariable String vendor, @RequestBody Announcements.Draft draft) {
		Vendor found = access.requireManaged(vendor);
		Announcement announcement = announcements.publish(found, draft, caller.require().actorName());
		return view(announcement, null, 0L, null);
	}

	@GetMapping("/api/v1/admin/vendors/{vendor}/announcements")
	List<TicketViews.AnnouncementView> vendorAnnouncements(@PathVariable String vendor) {
		Vendor found = access.requireManaged(vendor);
		return announcements.ofVendor(found)
			.stream()
			.map(v -> view(v.announcement(), null, v.reads(), v.addressed()))
			.toList();
	}

	private TicketViews.AnnouncementView view(Announcement a, @Nullable Boolean read, @Nullable Long reads,
			@Nullable Long addressed) {
		Vendor vendor = catalog.findVendor(a.vendorId()).orElseThrow();
		return new TicketViews.AnnouncementView(a.id().toString(), vendor.slug(), a.title(), a.body(), a.bodyHtml(),
				a.audience().name(), TicketViews.time(a.publishAt(), vendor.timeZone()), read, reads, addressed);
	}

	private static Map<String, Integer> targetsView(Map<PartnerType, Integer> targets) {
		return Map.of("affiliateBusinessDays", targets.get(PartnerType.AFFILIATE), "internetBusinessDays",
				targets.get(PartnerType.INTERNET));
	}

	private static UUID ticketId(String id) {
		return uuid(id, "communication.ticket.notFound");
	}

	/** A malformed id names nothing that exists: 404, like an unknown one. */
	static UUID uuid(String id, String notFoundKey) {
		try {
			return UUID.fromString(id.strip().toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.notFound(notFoundKey);
		}
	}

	record MessageRequest(@Nullable String body, @Nullable String status) {
	}

	record TicketUpdate(@Nullable String status, @Nullable String assignee) {
	}

}
