package com.partnerline.communication;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerline.catalog.CatalogManagement;
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
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writing, showing and mailing announcements. An announcement is mailed exactly once,
 * when it is published: at once when its {@code publishAt} has come when it is
 * written, else by {@link AnnouncementMailJob}. The audience is decided when it is
 * mailed or read, from each partner's type in the program at that moment.
 */
@Service
class Announcements {

	static final int MAX_TITLE = 200;

	private final AnnouncementStore store;

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final Mailer mailer;

	private final Clock clock;

	private final CommunicationSettings settings;

	private final PublicUrl publicUrl;

	private final TransactionTemplate transactions;

	Announcements(AnnouncementStore store, PartnerManagement partners, CatalogManagement catalog, Mailer mailer,
			Clock clock, CommunicationSettings settings, PublicUrl publicUrl,
			PlatformTransactionManager transactionManager) {
		this.store = store;
		this.partners = partners;
		this.catalog = catalog;
		this.mailer = mailer;
		this.clock = clock;
		this.settings = settings;
		this.publicUrl = publicUrl;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Stores an announcement; one due now is mailed in the same transaction.
	 * @throws ApiProblem 422 naming each bad field
	 */
	@Transactional
	public Announcement publish(Vendor vendor, Draft draft, String author) {
		List<FieldProblem> errors = new ArrayList<>();
		String title = Texts.required(draft.title(), "title", MAX_TITLE, errors);
		String body = Texts.required(draft.body(), "body", settings.maxMessageLengthOrDefault(), errors);
		Audience audience = Texts.enumValue(Audience.class, draft.audience(), "audience", errors);
		Instant now = clock.instant();
		Instant publishAt = now;
		if (draft.publishAt() != null && !draft.publishAt().isBlank()) {
			try {
				publishAt = OffsetDateTime.parse(draft.publishAt().trim()).toInstant();
			}
			catch (DateTimeParseException ex) {
				errors.add(new FieldProblem("publishAt", "communication.error.publishAt"));
			}
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
		Announcement announcement = new Announcement(UUID.randomUUID(), vendor.id(), title, body, audience, publishAt,
				now, author, null);
		store.insert(announcement);
		if (announcement.isPublishedAt(now)) {
			store.claimForMail(announcement.id(), now).ifPresent(this::mailOut);
		}
		return announcement;
	}

	/**
	 * Mails every announcement published by {@code at} that has not been mailed yet,
	 * one transaction each (the claim and the mails commit together).
	 * @return how many announcements were mailed
	 */
	public int mailDue(Instant at) {
		int mailed = 0;
		for (UUID id : store.dueForMail(at)) {
			Boolean done = transactions.execute(status -> store.claimForMail(id, at).map(found -> {
				mailOut(found);
				return true;
			}).orElse(false));
			mailed += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return mailed;
	}

	private void mailOut(Announcement announcement) {
		Vendor vendor = catalog.findVendor(announcement.vendorId()).orElse(null);
		if (vendor == null) {
			return;
		}
		String html = announcement.bodyHtml();
		String text = Markdown.text(announcement.body());
		for (Membership member : partners.membersOf(vendor.id())) {
			if (!member.isActive() || !announcement.audience().includes(member.type())
					|| !store.wantsMail(member.partnerId())) {
				continue;
			}
			Partner partner = partners.find(member.partnerId()).orElse(null);
			if (partner == null) {
				continue;
			}
			Map<String, Object> variables = new HashMap<>();
			variables.put("name", partner.name());
			variables.put("vendor", vendor.name());
			variables.put("title", announcement.title());
			variables.put("bodyHtml", html);
			variables.put("bodyText", text);
			variables.put("link", publicUrl.link("/panel/announcements/" + announcement.id()));
			variables.put("preferencesLink", publicUrl.link("/panel/announcements#preferences"));
			mailer.send(new Mail(partner.email(), partner.locale(), "announcement", variables, vendor.name(),
					announcement.title()));
		}
	}

	/** What the partner's programs address to it, published by now, newest first. */
	@Transactional(readOnly = true)
	public List<AnnouncementStore.Visible> visibleTo(PartnerId partnerId) {
		return store.visibleTo(partnerId, partners.memberships(partnerId), clock.instant());
	}

	@Transactional(readOnly = true)
	public long unread(PartnerId partnerId) {
		return visibleTo(partnerId).stream().filter(v -> !v.read()).count();
	}

	/**
	 * The announcement if it is addressed to the partner, marked read.
	 * @throws ApiProblem 404 when it is not (another program's, another audience's or not published)
	 */
	@Transactional
	public AnnouncementStore.Visible read(PartnerId partnerId, UUID id) {
		AnnouncementStore.Visible visible = visibleTo(partnerId).stream()
			.filter(v -> v.announcement().id().equals(id))
			.findFirst()
			.orElseThrow(() -> ApiProblem.notFound("communication.announcement.notFound"));
		store.markRead(id, partnerId, clock.instant());
		return new AnnouncementStore.Visible(visible.announcement(), true);
	}

	/** The vendor's announcements with their read receipts and how many partners each addresses now. */
	@Transactional(readOnly = true)
	public List<VendorView> ofVendor(Vendor vendor) {
		List<Membership> members = partners.membersOf(vendor.id()).stream().filter(Membership::isActive).toList();
		return store.ofVendor(vendor.id())
			.stream()
			.map(row -> new VendorView(row.announcement(), row.reads(),
					members.stream().filter(m -> row.announcement().audience().includes(m.type())).count(),
					row.announcement().isPublishedAt(clock.instant())))
			.toList();
	}

	@Transactional(readOnly = true)
	public boolean wantsMail(PartnerId partnerId) {
		return store.wantsMail(partnerId);
	}

	@Transactional
	public void setWantsMail(PartnerId partnerId, boolean wanted) {
		store.setWantsMail(partnerId, wanted, clock.instant());
	}

	/** An announcement as written, before it is checked. */
	record Draft(@Nullable String title, @Nullable String body, @Nullable String audience,
			@Nullable String publishAt) {
	}

	record VendorView(Announcement announcement, long reads, long addressed, boolean published) {
	}

}
