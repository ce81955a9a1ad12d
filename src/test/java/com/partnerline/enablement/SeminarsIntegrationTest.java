package com.partnerline.enablement;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.kernel.VendorId;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import com.partnerline.support.MailServer;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Training seminars: Internet Partners only, no overbooking under concurrent registrations, waiting list, reminders, iCalendar. */
class SeminarsIntegrationTest extends IntegrationTest {

	@Autowired
	CatalogManagement catalog;

	@Autowired
	Seminars seminars;

	private TestPartner internetPartner(TestVendor vendor) {
		TestPartner partner = newPartner(vendor);
		VendorId vendorId = catalog.vendor(vendor.slug()).id();
		Fixtures.internetContract(jdbc, partners, vendorId, partner.id(), BigDecimal.valueOf(0.2), "NETWORK");
		return partner;
	}

	private String schedule(TestVendor vendor, int capacity, Instant startsAt) {
		Api.Response created = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/seminars",
				map("title", "Selling antivirus online", "startsAt", startsAt.atOffset(ZoneOffset.ofHours(1)).toString(),
						"durationMinutes", 90, "timeZone", "Europe/Berlin", "capacity", capacity, "mode", "ONLINE",
						"location", "https://meet.example.com/seminar"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("seminarId").asString();
	}

	private String path(TestVendor vendor, String seminar) {
		return "/api/v1/partner/programs/" + vendor.slug() + "/seminars/" + seminar + "/registration";
	}

	@Test
	void concurrentRegistrationsNeverOverbookAndTheWaitingListFillsFreedSeats() throws Exception {
		TestVendor vendor = newVendor();
		String seminar = schedule(vendor, 3, Instant.now().plus(10, ChronoUnit.DAYS));
		List<TestPartner> partners = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			partners.add(internetPartner(vendor));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<Api.Response>> answers = new ArrayList<>();
		try {
			for (TestPartner partner : partners) {
				Callable<Api.Response> register = () -> partner.api().post(path(vendor, seminar), "{}");
				answers.add(pool.submit(register));
			}
			List<Api.Response> responses = new ArrayList<>();
			for (Future<Api.Response> answer : answers) {
				responses.add(answer.get());
			}
			assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
			assertThat(responses.stream().filter(r -> r.json().path("status").asString().equals("REGISTERED")))
				.hasSize(3);
			assertThat(responses.stream()
				.filter(r -> r.json().path("status").asString().equals("WAITLISTED"))
				.map(r -> r.json().path("position").asInt())).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
		}
		finally {
			pool.shutdownNow();
		}
		// twice: the same answer, 200
		TestPartner first = partners.get(0);
		Api.Response again = first.api().post(path(vendor, seminar), "{}");
		assertThat(again.status()).isEqualTo(200);

		JsonNode listed = first.api().get("/api/v1/partner/programs/" + vendor.slug() + "/seminars").json().get(0);
		assertThat(listed.path("seatsLeft").asInt()).isZero();
		assertThat(listed.path("waitlisted").asInt()).isEqualTo(5);
		assertThat(listed.path("eligible").asBoolean()).isTrue();

		// a registered partner cancels: the first on the waiting list gets the seat and a mail
		TestPartner registered = null;
		TestPartner firstWaiting = null;
		for (TestPartner partner : partners) {
			JsonNode mine = partner.api().get("/api/v1/partner/programs/" + vendor.slug() + "/seminars").json().get(0);
			if (registered == null && mine.path("status").asString().equals("REGISTERED")) {
				registered = partner;
			}
			if (mine.path("status").asString().equals("WAITLISTED") && mine.path("position").asInt() == 1) {
				firstWaiting = partner;
			}
		}
		assertThat(registered.api().delete(path(vendor, seminar)).status()).isEqualTo(204);
		JsonNode promoted = firstWaiting.api().get("/api/v1/partner/programs/" + vendor.slug() + "/seminars").json().get(0);
		assertThat(promoted.path("status").asString()).isEqualTo("REGISTERED");
		assertThat(jdbc.sql("SELECT count(*) FROM seminar_registrations WHERE seminar_id = ?::uuid AND status = 'REGISTERED'")
			.params(seminar)
			.query(Long.class)
			.single()).isEqualTo(3);
		MimeMessage mail = mail().await(firstWaiting.email());
		assertThat(mail.getSubject()).contains("Selling antivirus online");
		assertThat(MailServer.text(mail)).contains("https://partners.example.test/panel/programs/" + vendor.slug() + "/seminars");
	}

	@Test
	void affiliatesSeeSeminarsButCannotRegister() {
		TestVendor vendor = newVendor();
		schedule(vendor, 10, Instant.now().plus(5, ChronoUnit.DAYS));
		TestPartner affiliate = newPartner(vendor);
		JsonNode listed = affiliate.api().get("/api/v1/partner/programs/" + vendor.slug() + "/seminars").json();
		assertThat(listed.size()).isEqualTo(1);
		assertThat(listed.get(0).path("eligible").asBoolean()).isFalse();
		Api.Response refused = affiliate.api().post(path(vendor, listed.get(0).path("seminarId").asString()), "{}");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT count(*) FROM seminar_registrations WHERE partner_id = ?::uuid")
			.params(affiliate.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void eachSeminarHasAnICalendarEntryAndRegisteredPartnersAreRemindedTheDayBefore() throws Exception {
		TestVendor vendor = newVendor();
		Instant startsAt = Instant.now().plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS);
		String seminar = schedule(vendor, 5, startsAt);
		TestPartner partner = internetPartner(vendor);
		assertThat(partner.api().post(path(vendor, seminar), "{}").status()).isEqualTo(201);

		// the entry speaks the partner's language (its account setting, English here)
		Api.Response ics = partner.api()
			.get("/api/v1/partner/programs/" + vendor.slug() + "/seminars/" + seminar + "/calendar.ics");
		assertThat(ics.status()).isEqualTo(200);
		assertThat(ics.header("Content-Type")).startsWith("text/calendar");
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
		VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
		assertThat(event.getSummary().getValue()).isEqualTo("Selling antivirus online");
		assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(startsAt);
		assertThat(event.getDescription().getValue()).contains("Training seminar of Vendor " + vendor.slug());
		assertThat(event.getUid().orElseThrow().getValue()).startsWith(seminar);

		assertThat(seminars.remindDue()).isGreaterThanOrEqualTo(1);
		MimeMessage reminder = mail().await(partner.email());
		assertThat(MailServer.text(reminder)).contains("Selling antivirus online").contains("calendar.ics");
		// once only
		seminars.remindDue();
		assertThat(jdbc.sql("SELECT reminded_at IS NOT NULL FROM seminars WHERE id = ?::uuid").params(seminar)
			.query(Boolean.class).single()).isTrue();

		Api.Response past = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/seminars",
				map("title", "Too late", "startsAt", OffsetDateTime.now().minusDays(1).toString(), "durationMinutes", 60,
						"capacity", 0, "mode", "SOMEWHERE"));
		assertThat(past.status()).isEqualTo(422);
		assertThat(past.errorFields()).contains("startsAt", "capacity", "mode");
	}

}
