package com.partnerline.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.Role;
import com.partnerline.audit.AuditLog;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.CustomerErased;
import com.partnerline.kernel.PartnerId;
import com.partnerline.notifications.Mailer;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerErased;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure (GDPR Art. 17) of a partner or a customer email, by the platform admin. One
 * transaction: the {@code erasures} row (the pseudonym, who and when), the event every
 * module with personal data hears synchronously and answers by replacing its own data, then
 * the account, the mail outbox and the audit log, which cannot hear the event (the modules
 * that publish it depend on them). Money records keep their amounts and references, so
 * statements, totals and the vendor's monthly sums stay exactly the same.
 */
@Service
class Erasure {

	private final JdbcClient jdbc;

	private final PartnerManagement partners;

	private final AccountManagement accounts;

	private final Mailer mailer;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Erasure(JdbcClient jdbc, PartnerManagement partners, AccountManagement accounts, Mailer mailer, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.partners = partners;
		this.accounts = accounts;
		this.mailer = mailer;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Erases a partner: afterwards it cannot log on and no page, file or table names it,
	 * only its pseudonym. Erasing it again answers the first erasure and changes nothing.
	 * @throws ApiProblem 404 for an unknown partner
	 */
	@Transactional
	public Erased erasePartner(PartnerId partnerId, String actor) {
		Optional<Erased> earlier = earlier(partnerId);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		Partner partner = partners.find(partnerId)
			.orElseThrow(() -> ApiProblem.notFound("privacy.partnerNotFound", partnerId.toString()));
		String pseudonym = newPseudonym();
		Instant now = clock.instant();
		int inserted = jdbc.sql("""
				INSERT INTO erasures (kind, subject, pseudonym, erased_at, erased_by) VALUES ('PARTNER', ?, ?, ?, ?)
				ON CONFLICT (subject) DO NOTHING""")
			.params(partnerId.value(), pseudonym, Timestamp.from(now), actor)
			.update();
		if (inserted == 0) {
			// erased at the same moment by another request, which has committed by now
			return earlier(partnerId).orElseThrow();
		}
		List<String> values = new ArrayList<>();
		values.add(partner.email());
		values.add(partner.name());
		if (partner.company() != null) {
			values.add(partner.company());
		}
		accounts.find(partnerId.value()).ifPresent(account -> values.add(account.displayName()));
		events.publishEvent(new PartnerErased(partnerId, pseudonym));
		accounts.erase(partnerId.value(), pseudonym);
		List<String> distinct = values.stream().filter(v -> v.strip().length() >= 3).distinct().toList();
		mailer.forget(partner.email(), distinct, pseudonym);
		audit.pseudonymise(distinct, pseudonym);
		audit.record(actor, null, "PARTNER_ERASED", partnerId.toString(), pseudonym);
		return new Erased(pseudonym, now);
	}

	/**
	 * Erases a customer's email everywhere (orders, trials, reported sales, mails, clicks of
	 * its orders), with a new pseudonym.
	 * @throws ApiProblem 422 naming {@code email}; 409 when it is a partner's email (erase the
	 * partner instead)
	 */
	@Transactional
	public Erased eraseCustomer(@Nullable String email, String actor) {
		String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (address.isEmpty()) {
			throw ApiProblem.invalidField("email", "validation.required");
		}
		if (address.length() > 320 || address.indexOf('@') < 1 || address.indexOf('@') == address.length() - 1) {
			throw ApiProblem.invalidField("email", "privacy.emailInvalid");
		}
		if (accounts.findByEmail(address).filter(account -> account.role() == Role.PARTNER).isPresent()) {
			throw ApiProblem.conflict("privacy.emailIsPartner");
		}
		String pseudonym = newPseudonym();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO erasures (kind, subject, pseudonym, erased_at, erased_by) VALUES ('CUSTOMER', NULL, ?, ?, ?)""")
			.params(pseudonym, Timestamp.from(now), actor)
			.update();
		events.publishEvent(new CustomerErased(address, pseudonym));
		mailer.forget(address, List.of(address), pseudonym);
		audit.pseudonymise(List.of(address), pseudonym);
		audit.record(actor, null, "CUSTOMER_ERASED", pseudonym, null);
		return new Erased(pseudonym, now);
	}

	/** Whether the partner was erased. */
	public boolean isErased(PartnerId partnerId) {
		return earlier(partnerId).isPresent();
	}

	private Optional<Erased> earlier(PartnerId partnerId) {
		return jdbc.sql("SELECT pseudonym, erased_at FROM erasures WHERE subject = ?")
			.param(partnerId.value())
			.query((rs, n) -> new Erased(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.optional();
	}

	private static String newPseudonym() {
		UUID random = UUID.randomUUID();
		return "erased-" + HexFormat.of().toHexDigits(random.getMostSignificantBits()).substring(0, 12);
	}

	/** The outcome of an erasure. */
	record Erased(String pseudonym, Instant erasedAt) {
	}

}
