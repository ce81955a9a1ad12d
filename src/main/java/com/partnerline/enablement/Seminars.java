package com.partnerline.enablement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.Formats;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PublicUrl;
import com.partnerline.notifications.Mail;
import com.partnerline.notifications.Mailer;
import com.partnerline.partners.Membership;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.partners.PartnerType;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Training seminars for Internet Partners. Registrations of one seminar are decided one
 * at a time under a lock on the seminar's row, so that concurrent registrations never
 * take more seats than its capacity: the rest go to the waiting list in order of
 * arrival, and a cancelled seat goes to the first of the list, who is mailed. Affiliates
 * see seminars (not eligible) and are refused registration (403). Registered partners
 * are reminded once the day before; every seminar has an iCalendar entry.
 */
@Service
class Seminars {

	static final Duration REMIND_BEFORE = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final Mailer mailer;

	private final PublicUrl publicUrl;

	private final MessageSource messages;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Seminars(JdbcClient jdbc, PartnerManagement partners, CatalogManagement catalog, Mailer mailer,
			PublicUrl publicUrl, MessageSource messages, Clock clock, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.partners = partners;
		this.catalog = catalog;
		this.mailer = mailer;
		this.publicUrl = publicUrl;
		this.messages = messages;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Schedules a seminar. {@code startsAt} is ISO-8601 with an offset, or a local date
	 * and time in {@code timeZone}; it must lie in the future.
	 * @throws ApiProblem 422 naming each bad field
	 */
	@Transactional
	public UUID schedule(Vendor vendor, Draft draft) {
		List<FieldProblem> errors = new ArrayList<>();
		String title = Texts.required(draft.title(), "title", 200, errors);
		ZoneId zone = vendor.timeZone();
		if (Texts.optional(draft.timeZone()) != null) {
			try {
				zone = ZoneId.of(draft.timeZone().strip());
			}
			catch (DateTimeException ex) {
				errors.add(new FieldProblem("timeZone", "enablement.error.timeZone"));
			}
		}
		Instant startsAt = null;
		String start = Texts.optional(draft.startsAt());
		if (start == null) {
			errors.add(new FieldProblem("startsAt", "enablement.error.required"));
		}
		else {
			try {
				startsAt = OffsetDateTime.parse(start).toInstant();
			}
			catch (DateTimeParseException ex) {
				try {
					startsAt = LocalDateTime.parse(start).atZone(zone).toInstant();
				}
				catch (DateTimeParseException again) {
					errors.add(new FieldProblem("startsAt", "enablement.error.startsAt"));
				}
			}
			if (startsAt != null && !startsAt.isAfter(clock.instant())) {
				errors.add(new FieldProblem("startsAt", "enablement.error.startsInPast"));
			}
			else if (startsAt != null && startsAt.isAfter(clock.instant().plus(Duration.ofDays(3660)))) {
				errors.add(new FieldProblem("startsAt", "enablement.error.startsTooLate"));
			}
		}
		if (draft.durationMinutes() == null || draft.durationMinutes() < 1 || draft.durationMinutes() > 24 * 60) {
			errors.add(new FieldProblem("durationMinutes", "enablement.error.duration"));
		}
		if (draft.capacity() == null || draft.capacity() < 1 || draft.capacity() > 10_000) {
			errors.add(new FieldProblem("capacity", "enablement.error.capacity"));
		}
		String mode = draft.mode() == null ? "" : draft.mode().strip().toUpperCase(Locale.ROOT);
		if (!mode.equals("ONLINE") && !mode.equals("ON_SITE")) {
			errors.add(new FieldProblem("mode", "enablement.error.mode"));
		}
		String location = Texts.optional(draft.location());
		if (location != null && Texts.hasControl(location)) {
			errors.add(new FieldProblem("location", "enablement.error.control"));
		}
		if (mode.equals("ON_SITE") && location == null) {
			errors.add(new FieldProblem("location", "enablement.error.locationRequired"));
		}
		if (location != null && location.length() > 500) {
			errors.add(new FieldProblem("location", "enablement.error.tooLong"));
		}
		if (!errors.isEmpty() || startsAt == null) {
			throw ApiProblem.invalid(errors);
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO seminars (id, vendor_id, title, starts_at, duration_minutes, time_zone, capacity, mode, location,
				  created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, vendor.id().value(), title, Timestamp.from(startsAt), draft.durationMinutes(), zone.getId(),
					draft.capacity(), mode, location, Timestamp.from(clock.instant()))
			.update();
		return id;
	}

	/** The vendor's seminars that have not ended, soonest first, with the partner's place on each when one is given. */
	@Transactional(readOnly = true)
	public List<View> upcoming(Vendor vendor, @Nullable PartnerId partner) {
		return jdbc.sql(SELECT + """
				 WHERE s.vendor_id = :vendor AND s.starts_at + make_interval(mins => s.duration_minutes) > :now
				ORDER BY s.starts_at""")
			.param("vendor", vendor.id().value())
			.param("now", Timestamp.from(clock.instant()))
			.param("partner", partner == null ? null : partner.value())
			.query(Seminars::view)
			.list();
	}

	/** One seminar of the vendor; 404 when it has none with that id. */
	@Transactional(readOnly = true)
	public View find(Vendor vendor, UUID id, @Nullable PartnerId partner) {
		return jdbc.sql(SELECT + " WHERE s.vendor_id = :vendor AND s.id = :id")
			.param("vendor", vendor.id().value())
			.param("id", id)
			.param("partner", partner == null ? null : partner.value())
			.query(Seminars::view)
			.optional()
			.orElseThrow(() -> ApiProblem.notFound("enablement.seminar.notFound"));
	}

	/**
	 * Registers the partner, or puts it on the waiting list when the seminar is full.
	 * @return its place and whether it is new
	 * @throws ApiProblem 403 for an affiliate, 404 for an unknown seminar, 422 once it has started
	 */
	@Transactional
	public Registration register(Vendor vendor, Membership membership, UUID seminarId) {
		if (membership.type() != PartnerType.INTERNET) {
			throw ApiProblem.forbidden("enablement.seminar.internetOnly");
		}
		Instant startsAt = lock(vendor, seminarId);
		PartnerId partner = membership.partnerId();
		Optional<Registration> existing = registration(seminarId, partner);
		if (existing.isPresent()) {
			return existing.get();
		}
		if (!startsAt.isAfter(clock.instant())) {
			throw ApiProblem.unprocessable("enablement.seminar.started");
		}
		int capacity = jdbc.sql("SELECT capacity FROM seminars WHERE id = ?").params(seminarId).query(Integer.class).single();
		long registered = jdbc
			.sql("SELECT count(*) FROM seminar_registrations WHERE seminar_id = ? AND status = 'REGISTERED'")
			.params(seminarId)
			.query(Long.class)
			.single();
		String status = registered < capacity ? "REGISTERED" : "WAITLISTED";
		jdbc.sql("""
				INSERT INTO seminar_registrations (seminar_id, partner_id, status, registered_at)
				VALUES (?, ?, ?, ?)""")
			.params(seminarId, partner.value(), status, Timestamp.from(clock.instant()))
			.update();
		Registration created = registration(seminarId, partner).orElseThrow();
		return new Registration(created.status(), created.position(), true);
	}

	/**
	 * Cancels the partner's registration or place on the waiting list; a freed seat goes
	 * to the first on the waiting list, who gets a mail. Cancelling nothing changes nothing.
	 */
	@Transactional
	public void cancel(Vendor vendor, PartnerId partner, UUID seminarId) {
		lock(vendor, seminarId);
		List<String> removed = jdbc
			.sql("DELETE FROM seminar_registrations WHERE seminar_id = ? AND partner_id = ? RETURNING status")
			.params(seminarId, partner.value())
			.query(String.class)
			.list();
		if (!removed.contains("REGISTERED")) {
			return;
		}
		jdbc.sql("""
				UPDATE seminar_registrations SET status = 'REGISTERED'
				WHERE seminar_id = ? AND partner_id = (
				  SELECT partner_id FROM seminar_registrations WHERE seminar_id = ? AND status = 'WAITLISTED'
				  ORDER BY seq LIMIT 1)
				RETURNING partner_id""")
			.params(seminarId, seminarId)
			.query(UUID.class)
			.optional()
			.flatMap(promoted -> partners.find(new PartnerId(promoted)))
			.ifPresent(promoted -> mail(promoted, vendor, find(vendor, seminarId, null), "seminar-seat"));
	}

	/** The registered partners and those waiting, in order, for the console. */
	@Transactional(readOnly = true)
	public List<Attendee> attendees(Vendor vendor, UUID seminarId) {
		find(vendor, seminarId, null);
		return jdbc.sql("""
				SELECT r.partner_id, r.status FROM seminar_registrations r JOIN seminars s ON s.id = r.seminar_id
				WHERE s.vendor_id = ? AND r.seminar_id = ? ORDER BY r.status, r.seq""")
			.params(vendor.id().value(), seminarId)
			.query((rs, n) -> new Attendee(partners.find(new PartnerId(rs.getObject(1, UUID.class))).orElseThrow(),
					rs.getString(2)))
			.list();
	}

	/**
	 * Mails the registered partners of every seminar that starts within a day, once per
	 * seminar (the claim and the mails commit together).
	 * @return how many seminars were reminded of
	 */
	public int remindDue() {
		Instant now = clock.instant();
		List<UUID> due = jdbc.sql("""
				SELECT id FROM seminars WHERE reminded_at IS NULL AND starts_at > ? AND starts_at <= ?""")
			.params(Timestamp.from(now), Timestamp.from(now.plus(REMIND_BEFORE)))
			.query(UUID.class)
			.list();
		int reminded = 0;
		for (UUID id : due) {
			Boolean done = transactions.execute(status -> jdbc
				.sql("UPDATE seminars SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL RETURNING vendor_id")
				.params(Timestamp.from(now), id)
				.query(Long.class)
				.optional()
				.flatMap(vendorId -> catalog.findVendor(new com.partnerline.kernel.VendorId(vendorId)))
				.map(vendor -> {
					View seminar = find(vendor, id, null);
					for (UUID partnerId : jdbc
						.sql("SELECT partner_id FROM seminar_registrations WHERE seminar_id = ? AND status = 'REGISTERED'")
						.params(id)
						.query(UUID.class)
						.list()) {
						partners.find(new PartnerId(partnerId))
							.ifPresent(p -> mail(p, vendor, seminar, "seminar-reminder"));
					}
					return true;
				})
				.orElse(false));
			reminded += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return reminded;
	}

	/** The seminar as an iCalendar (RFC 5545) document with one event, its description in {@code locale}. */
	@Transactional(readOnly = true)
	public String calendar(Vendor vendor, UUID seminarId, Locale locale) {
		View seminar = find(vendor, seminarId, null);
		VEvent event = new VEvent(seminar.startsAt().toInstant(), Duration.ofMinutes(seminar.durationMinutes()), seminar.title());
		event.replace(new DtStamp(clock.instant()));
		event.add(new Uid(seminar.id() + "@partnerline"));
		String mode = messages.getMessage("enablement.seminar.mode." + seminar.mode(), null, locale);
		event.add(new Description(messages.getMessage("enablement.calendar.description",
				new Object[] { vendor.name(), mode, seminar.timeZone() }, locale)));
		if (seminar.location() != null) {
			event.add(new Location(seminar.location()));
		}
		event.add(new Url(java.net.URI.create(publicUrl.link("/panel/programs/" + vendor.slug() + "/seminars"))));
		Calendar calendar = new Calendar().withProdId("-//Partnerline//Seminars//" + locale.getLanguage().toUpperCase(Locale.ROOT))
			.withDefaults()
			.withComponent(event)
			.getFluentTarget();
		return calendar.toString();
	}

	private void mail(Partner partner, Vendor vendor, View seminar, String template) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("name", partner.name());
		variables.put("vendor", vendor.name());
		variables.put("title", seminar.title());
		variables.put("when", Formats.dateTime(seminar.startsAt(), partner.locale()) + " (" + seminar.timeZone() + ")");
		variables.put("location", seminar.location() == null ? "" : seminar.location());
		variables.put("link", publicUrl.link("/panel/programs/" + vendor.slug() + "/seminars"));
		variables.put("calendarLink", publicUrl.link("/panel/programs/" + vendor.slug() + "/seminars/" + seminar.id()
				+ "/calendar.ics"));
		mailer.send(new Mail(partner.email(), partner.locale(), template, variables, seminar.title()));
	}

	private Instant lock(Vendor vendor, UUID seminarId) {
		return jdbc.sql("SELECT starts_at FROM seminars WHERE vendor_id = ? AND id = ? FOR UPDATE")
			.params(vendor.id().value(), seminarId)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional()
			.orElseThrow(() -> ApiProblem.notFound("enablement.seminar.notFound"));
	}

	private Optional<Registration> registration(UUID seminarId, PartnerId partner) {
		return jdbc.sql("""
				SELECT r.status, CASE WHEN r.status = 'WAITLISTED' THEN (
				  SELECT count(*) FROM seminar_registrations w
				  WHERE w.seminar_id = r.seminar_id AND w.status = 'WAITLISTED' AND w.seq <= r.seq) END
				FROM seminar_registrations r WHERE r.seminar_id = ? AND r.partner_id = ?""")
			.params(seminarId, partner.value())
			.query((rs, n) -> new Registration(rs.getString(1), (Long) rs.getObject(2), false))
			.optional();
	}

	private static final String SELECT = """
			SELECT s.id, s.title, s.starts_at, s.duration_minutes, s.time_zone, s.capacity, s.mode, s.location,
			  (SELECT count(*) FROM seminar_registrations r WHERE r.seminar_id = s.id AND r.status = 'REGISTERED'),
			  (SELECT count(*) FROM seminar_registrations r WHERE r.seminar_id = s.id AND r.status = 'WAITLISTED'),
			  (SELECT r.status FROM seminar_registrations r WHERE r.seminar_id = s.id AND r.partner_id = CAST(:partner AS uuid)),
			  (SELECT count(*) FROM seminar_registrations w JOIN seminar_registrations r
			     ON r.seminar_id = w.seminar_id AND r.partner_id = CAST(:partner AS uuid) AND r.status = 'WAITLISTED'
			   WHERE w.seminar_id = s.id AND w.status = 'WAITLISTED' AND w.seq <= r.seq)
			FROM seminars s""";

	private static View view(ResultSet rs, int n) throws SQLException {
		long registered = rs.getLong(9);
		int capacity = rs.getInt(6);
		String status = rs.getString(11);
		return new View(rs.getObject(1, UUID.class), rs.getString(2),
				rs.getTimestamp(3).toInstant().atZone(ZoneId.of(rs.getString(5))), rs.getInt(4), rs.getString(5),
				capacity, rs.getString(7), rs.getString(8), registered, rs.getLong(10),
				Math.max(0, capacity - registered), status, "WAITLISTED".equals(status) ? rs.getLong(12) : null);
	}

	/** A seminar as the manager schedules it, before it is checked. */
	record Draft(@Nullable String title, @Nullable String startsAt, @Nullable Integer durationMinutes,
			@Nullable String timeZone, @Nullable Integer capacity, @Nullable String mode, @Nullable String location) {
	}

	/** A seminar with its seats and, when asked for a partner, that partner's status and waiting-list position. */
	record View(UUID id, String title, java.time.ZonedDateTime startsAt, int durationMinutes, String timeZone,
			int capacity, String mode, @Nullable String location, long registered, long waitlisted, long seatsLeft,
			@Nullable String status, @Nullable Long position) {
	}

	record Registration(String status, @Nullable Long position, boolean created) {
	}

	record Attendee(Partner partner, String status) {
	}

}
