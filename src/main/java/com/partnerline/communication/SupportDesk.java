package com.partnerline.communication;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerline.accounts.Account;
import com.partnerline.accounts.AccountManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PublicUrl;
import com.partnerline.notifications.Mail;
import com.partnerline.notifications.Mailer;
import com.partnerline.partners.Membership;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.partners.PartnerType;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support desk: partners open tickets and reply; a vendor's managers reply,
 * change the status and assign. Every message is kept. A manager's reply is mailed to
 * the partner in the same transaction, so a reply that is not stored is not mailed.
 */
@Service
class SupportDesk {

	static final int MAX_SUBJECT = 200;

	/** First-response targets in business days when the program has set none. */
	static final Map<PartnerType, Integer> DEFAULT_TARGETS = Map.of(PartnerType.INTERNET, 1, PartnerType.AFFILIATE, 2);

	private final TicketStore store;

	private final PartnerManagement partners;

	private final AccountManagement accounts;

	private final Mailer mailer;

	private final Clock clock;

	private final CommunicationSettings settings;

	private final PublicUrl publicUrl;

	private final AttachmentRules attachmentRules;

	private final org.springframework.context.ApplicationEventPublisher events;

	SupportDesk(TicketStore store, PartnerManagement partners, AccountManagement accounts, Mailer mailer, Clock clock,
			CommunicationSettings settings, PublicUrl publicUrl,
			AttachmentRules attachmentRules, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.attachmentRules = attachmentRules;
		this.store = store;
		this.partners = partners;
		this.accounts = accounts;
		this.mailer = mailer;
		this.clock = clock;
		this.settings = settings;
		this.publicUrl = publicUrl;
	}

	/**
	 * Opens a ticket with its first message; its first-response target follows from the
	 * partner's type in the program.
	 * @throws ApiProblem 422 naming each bad field
	 */
	@Transactional
	public Ticket open(Vendor vendor, Membership membership, Partner partner, NewTicket request) {
		return open(vendor, membership, partner, request, List.of());
	}

	/**
	 * Opens a ticket whose first message carries files; the ticket, the message and its
	 * files are stored together or not at all.
	 * @throws ApiProblem 422 naming each bad field or refused file
	 */
	@Transactional
	public Ticket open(Vendor vendor, Membership membership, Partner partner, NewTicket request,
			List<AttachmentRules.Upload> uploads) {
		List<FieldProblem> errors = new ArrayList<>();
		String subject = Texts.required(request.subject(), "subject", MAX_SUBJECT, errors);
		TicketCategory category = Texts.enumValue(TicketCategory.class, request.category(), "category", errors);
		String body = Texts.required(request.body(), "body", settings.maxMessageLengthOrDefault(), errors);
		if (!errors.isEmpty() || category == null) {
			throw ApiProblem.invalid(errors);
		}
		List<AttachmentRules.Checked> files = attachmentRules.check(uploads);
		Instant now = clock.instant();
		int days = targets(vendor).get(membership.type());
		Ticket ticket = new Ticket(UUID.randomUUID(), vendor.id(), partner.id(), membership.type(), subject, category,
				TicketStatus.OPEN, null, now, now, BusinessDays.after(now, days, vendor.timeZone()), null);
		store.insert(ticket);
		TicketMessage message = new TicketMessage(UUID.randomUUID(), ticket.id(), TicketMessage.PARTNER,
				partner.name(), body, now);
		store.insertMessage(message);
		attach(message, files);
		events.publishEvent(new TicketCreated(vendor.id(), partner.id(), ticket.id(), category.name()));
		return ticket;
	}

	/** The partner's own ticket with its messages; 404 for any other. */
	@Transactional(readOnly = true)
	public Conversation partnerThread(Vendor vendor, PartnerId partnerId, UUID id) {
		Ticket ticket = store.ofPartner(vendor.id(), partnerId, id).orElseThrow(SupportDesk::notFound);
		return new Conversation(ticket, store.messages(ticket.id()), store.attachments(ticket.id()));
	}

	@Transactional(readOnly = true)
	public List<Ticket> partnerTickets(Vendor vendor, PartnerId partnerId) {
		return store.allOfPartner(vendor.id(), partnerId);
	}

	/**
	 * The partner's reply: kept, and a ticket waiting for the partner or resolved is open again.
	 * @throws ApiProblem 404 for another partner's ticket, 409 for a closed one, 422 for an empty body
	 */
	@Transactional
	public TicketMessage partnerReply(Vendor vendor, Partner partner, UUID id, @Nullable String body) {
		return partnerReply(vendor, partner, id, body, List.of());
	}

	/** The partner's reply with files, stored together or not at all. @throws ApiProblem as above, 422 for a refused file */
	@Transactional
	public TicketMessage partnerReply(Vendor vendor, Partner partner, UUID id, @Nullable String body,
			List<AttachmentRules.Upload> uploads) {
		String text = body(body);
		Ticket ticket = store.lockOfVendor(vendor.id(), id)
			.filter(t -> t.partnerId().equals(partner.id()))
			.orElseThrow(SupportDesk::notFound);
		if (ticket.status() == TicketStatus.CLOSED) {
			throw ApiProblem.conflict("communication.ticket.closed");
		}
		List<AttachmentRules.Checked> files = attachmentRules.check(uploads);
		Instant now = clock.instant();
		TicketMessage message = new TicketMessage(UUID.randomUUID(), ticket.id(), TicketMessage.PARTNER, partner.name(),
				text, now);
		store.insertMessage(message);
		attach(message, files);
		store.update(ticket.id(), TicketStatus.OPEN, ticket.firstResponseAt(), now);
		return message;
	}

	/**
	 * A manager's reply, mailed to the partner. The ticket then waits for the partner
	 * unless {@code status} says otherwise; the first reply meets the response target.
	 * @throws ApiProblem 404 for a ticket of another vendor, 422 for an empty body or unknown status
	 */
	@Transactional
	public TicketMessage vendorReply(Vendor vendor, UUID id, @Nullable String body, @Nullable String status,
			String author) {
		return vendorReply(vendor, id, body, status, author, List.of());
	}

	/** A manager's reply with files, stored (and mailed) together or not at all. */
	@Transactional
	public TicketMessage vendorReply(Vendor vendor, UUID id, @Nullable String body, @Nullable String status,
			String author, List<AttachmentRules.Upload> uploads) {
		List<FieldProblem> errors = new ArrayList<>();
		String text = Texts.required(body, "body", settings.maxMessageLengthOrDefault(), errors);
		TicketStatus next = status == null || status.isBlank() ? TicketStatus.WAITING_FOR_PARTNER
				: Texts.enumValue(TicketStatus.class, status, "status", errors);
		if (!errors.isEmpty() || next == null) {
			throw ApiProblem.invalid(errors);
		}
		Ticket ticket = store.lockOfVendor(vendor.id(), id).orElseThrow(SupportDesk::notFound);
		List<AttachmentRules.Checked> files = attachmentRules.check(uploads);
		Instant now = clock.instant();
		TicketMessage message = new TicketMessage(UUID.randomUUID(), ticket.id(), TicketMessage.VENDOR, author, text,
				now);
		store.insertMessage(message);
		attach(message, files);
		store.update(ticket.id(), next, ticket.firstResponseAt() == null ? now : ticket.firstResponseAt(), now);
		partners.find(ticket.partnerId()).ifPresent(partner -> {
			Map<String, Object> variables = new HashMap<>();
			variables.put("name", partner.name());
			variables.put("vendor", vendor.name());
			variables.put("subject", ticket.subject());
			variables.put("reply", text);
			variables.put("status", next.name());
			variables.put("link", publicUrl.link("/panel/programs/" + vendor.slug() + "/tickets/" + ticket.id()));
			mailer.send(new Mail(partner.email(), partner.locale(), "ticket-reply", variables, vendor.name(),
					ticket.subject()));
		});
		return message;
	}

	/** Sets the status without a message. @throws ApiProblem 404, or 422 for an unknown status */
	@Transactional
	public Ticket changeStatus(Vendor vendor, UUID id, @Nullable String status) {
		List<FieldProblem> errors = new ArrayList<>();
		TicketStatus next = Texts.enumValue(TicketStatus.class, status, "status", errors);
		if (next == null) {
			throw ApiProblem.invalid(errors);
		}
		Ticket ticket = store.lockOfVendor(vendor.id(), id).orElseThrow(SupportDesk::notFound);
		store.update(ticket.id(), next, ticket.firstResponseAt(), clock.instant());
		return store.ofVendor(vendor.id(), id).orElseThrow();
	}

	/**
	 * Assigns the ticket to one of the vendor's managers, or to nobody ({@literal null} or blank).
	 * @throws ApiProblem 404, or 422 when {@code assignee} is not a manager of this vendor
	 */
	@Transactional
	public Ticket assign(Vendor vendor, UUID id, @Nullable String assignee) {
		UUID assigneeId = null;
		if (assignee != null && !assignee.isBlank()) {
			assigneeId = managers(vendor).stream()
				.filter(m -> m.email().equalsIgnoreCase(assignee.strip()) || m.id().toString().equals(assignee.strip()))
				.map(Account::id)
				.findFirst()
				.orElseThrow(() -> ApiProblem.invalidField("assignee", "communication.error.notAManager"));
		}
		Ticket ticket = store.lockOfVendor(vendor.id(), id).orElseThrow(SupportDesk::notFound);
		store.assign(ticket.id(), assigneeId, clock.instant());
		return store.ofVendor(vendor.id(), id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Conversation vendorThread(Vendor vendor, UUID id) {
		Ticket ticket = store.ofVendor(vendor.id(), id).orElseThrow(SupportDesk::notFound);
		return new Conversation(ticket, store.messages(ticket.id()), store.attachments(ticket.id()));
	}

	/** A file of the partner's own ticket; 404 for another partner's ticket or an unknown file. */
	@Transactional(readOnly = true)
	public TicketStore.StoredFile partnerAttachment(Vendor vendor, PartnerId partnerId, UUID ticketId, UUID id) {
		Ticket ticket = store.ofPartner(vendor.id(), partnerId, ticketId).orElseThrow(SupportDesk::notFound);
		return store.attachment(ticket.id(), id).orElseThrow(SupportDesk::attachmentNotFound);
	}

	/** A file of one of the vendor's tickets; 404 for another vendor's ticket or an unknown file. */
	@Transactional(readOnly = true)
	public TicketStore.StoredFile vendorAttachment(Vendor vendor, UUID ticketId, UUID id) {
		Ticket ticket = store.ofVendor(vendor.id(), ticketId).orElseThrow(SupportDesk::notFound);
		return store.attachment(ticket.id(), id).orElseThrow(SupportDesk::attachmentNotFound);
	}

	@Transactional(readOnly = true)
	public TicketStore.QueuePage queue(Vendor vendor, TicketStore.QueueFilter filter, int page, int size) {
		return store.queue(vendor.id(), filter, clock.instant(), Math.max(0, page), Math.max(1, Math.min(100, size)));
	}

	/** The vendor's managers, who may be assigned tickets and are warned of breaches. */
	public List<Account> managers(Vendor vendor) {
		return accounts.managers(vendor.id().value());
	}

	/** The first-response target per partner type, in business days: the program's, else the default. */
	@Transactional(readOnly = true)
	public Map<PartnerType, Integer> targets(Vendor vendor) {
		Map<PartnerType, Integer> targets = new HashMap<>(DEFAULT_TARGETS);
		targets.putAll(store.targets(vendor.id()));
		return targets;
	}

	/** Sets the targets; each must be 1 to 30 business days. @throws ApiProblem 422 naming the bad one */
	@Transactional
	public Map<PartnerType, Integer> saveTargets(Vendor vendor, @Nullable Integer affiliate, @Nullable Integer internet) {
		List<FieldProblem> errors = new ArrayList<>();
		check(affiliate, "affiliateBusinessDays", errors);
		check(internet, "internetBusinessDays", errors);
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
		if (affiliate != null) {
			store.saveTarget(vendor.id(), PartnerType.AFFILIATE, affiliate);
		}
		if (internet != null) {
			store.saveTarget(vendor.id(), PartnerType.INTERNET, internet);
		}
		return targets(vendor);
	}

	private static void check(@Nullable Integer days, String field, List<FieldProblem> errors) {
		if (days != null && (days < 1 || days > 30)) {
			errors.add(new FieldProblem(field, "communication.error.targetDays"));
		}
	}

	private String body(@Nullable String body) {
		List<FieldProblem> errors = new ArrayList<>();
		String text = Texts.required(body, "body", settings.maxMessageLengthOrDefault(), errors);
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
		return text;
	}

	private void attach(TicketMessage message, List<AttachmentRules.Checked> files) {
		int position = 0;
		for (AttachmentRules.Checked file : files) {
			store.insertAttachment(new TicketAttachment(UUID.randomUUID(), message.id(), message.ticketId(), file.name(),
					file.contentType(), file.bytes().length, file.sha256(), message.createdAt()), position++,
					file.bytes());
		}
	}

	private static ApiProblem attachmentNotFound() {
		return ApiProblem.notFound("communication.attachment.notFound");
	}

	private static ApiProblem notFound() {
		return ApiProblem.notFound("communication.ticket.notFound");
	}

	/**
	 * What a partner sends to open a ticket, before it is checked; serializable, as a
	 * refused form keeps it as a flash attribute in the session for the next page.
	 */
	record NewTicket(@Nullable String subject, @Nullable String category, @Nullable String body)
			implements java.io.Serializable {
	}

	/** A ticket and every message of it, oldest first, with the files of each. */
	record Conversation(Ticket ticket, List<TicketMessage> messages, List<TicketAttachment> attachments) {

		/** The files that came with {@code message}, in the order they were uploaded. */
		public List<TicketAttachment> attachmentsOf(TicketMessage message) {
			return attachments.stream().filter(a -> a.messageId().equals(message.id())).toList();
		}

	}

}
