package com.partnerline.partners;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.partnerline.accounts.Account;
import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.AccountStatus;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.notifications.Mail;
import com.partnerline.notifications.Mailer;
import com.partnerline.partners.PartnerManagement.Registration;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sign-up with email confirmation, and password reset by mail. The mail is queued in
 * the transaction that creates the account or the token, so there is never an
 * account without its mail, nor a mail for an account that was not created.
 */
@Service
class Signups {

	static final Duration CONFIRM_LIFETIME = Duration.ofHours(24);

	static final Duration RESET_LIFETIME = Duration.ofMinutes(60);

	static final int MIN_PASSWORD = 10;

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private final PartnerManagement partners;

	private final AccountManagement accounts;

	private final EmailTokens tokens;

	private final Mailer mailer;

	private final Links links;

	private final Clock clock;

	Signups(PartnerManagement partners, AccountManagement accounts, EmailTokens tokens, Mailer mailer, Links links,
			Clock clock) {
		this.partners = partners;
		this.accounts = accounts;
		this.tokens = tokens;
		this.mailer = mailer;
		this.links = links;
		this.clock = clock;
	}

	/**
	 * Opens a partner account waiting for its email to be confirmed and queues the
	 * confirmation mail.
	 * @throws ApiProblem 422 naming each bad field or a stale terms version, 409 when the email is taken
	 */
	@Transactional
	Partner signUp(SignupRequest request, Locale locale, @Nullable String clientAddress) {
		List<FieldProblem> problems = new ArrayList<>();
		String email = trim(request.email());
		if (email == null) {
			problems.add(new FieldProblem("email", "validation.required"));
		}
		else if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			problems.add(new FieldProblem("email", "validation.email"));
		}
		if (request.password() == null || request.password().isBlank()) {
			problems.add(new FieldProblem("password", "validation.required"));
		}
		else if (request.password().length() < MIN_PASSWORD || request.password().length() > 200) {
			problems.add(new FieldProblem("password", "validation.passwordLength"));
		}
		String name = trim(request.name());
		if (name == null) {
			problems.add(new FieldProblem("name", "validation.required"));
		}
		else if (name.length() > 200) {
			problems.add(new FieldProblem("name", "validation.tooLong"));
		}
		String company = trim(request.company());
		if (company != null && company.length() > 200) {
			problems.add(new FieldProblem("company", "validation.tooLong"));
		}
		String country = trim(request.country());
		if (country == null) {
			problems.add(new FieldProblem("country", "validation.required"));
		}
		else if (!COUNTRIES.contains(country.toUpperCase(Locale.ROOT))) {
			problems.add(new FieldProblem("country", "validation.country"));
		}
		String terms = trim(request.acceptTermsVersion());
		if (terms == null) {
			problems.add(new FieldProblem("acceptTermsVersion", "validation.required"));
		}
		if (!problems.isEmpty()) {
			throw ApiProblem.invalid(problems);
		}
		Partner partner = partners.register(
				new Registration(email, request.password(), name, company, country, terms, locale),
				AccountStatus.PENDING_EMAIL, null, clientAddress);
		sendConfirmation(partner.id().value(), partner.email(), partner.name(), locale);
		return partner;
	}

	/**
	 * Confirms the email of the token's account; the account can log on from now.
	 * @throws ApiProblem 410 when the token is used, expired or unknown
	 */
	@Transactional
	void confirm(String token) {
		UUID accountId = tokens.consume(token, EmailTokens.Purpose.CONFIRM, clock.instant(), "partners.confirmGone");
		Account account = accounts.find(accountId).orElseThrow(() -> ApiProblem.gone("partners.confirmGone"));
		if (account.status() == AccountStatus.PENDING_EMAIL) {
			accounts.activate(accountId);
		}
	}

	/** Sends a new confirmation mail when the email belongs to an unconfirmed account; says nothing either way. */
	@Transactional
	void resendConfirmation(String email) {
		accounts.findByEmail(email.trim())
			.filter(account -> account.status() == AccountStatus.PENDING_EMAIL)
			.ifPresent(account -> sendConfirmation(account.id(), account.email(), account.displayName(),
					account.locale()));
	}

	/** Mails a reset link when the email belongs to an active account; says nothing either way. */
	@Transactional
	void requestPasswordReset(String email) {
		accounts.findByEmail(email.trim()).filter(account -> account.status() == AccountStatus.ACTIVE).ifPresent(account -> {
			String token = tokens.issue(account.id(), EmailTokens.Purpose.RESET, clock.instant(), RESET_LIFETIME);
			String link = links.to(UriComponentsBuilder.fromPath("/password/reset").queryParam("token", token).toUriString());
			mailer.send(new Mail(account.email(), account.locale(), "password-reset",
					Map.of("name", account.displayName(), "link", link, "minutes", RESET_LIFETIME.toMinutes())));
		});
	}

	/**
	 * Sets a new password with a reset token; the account's bearer tokens stop working.
	 * @throws ApiProblem 422 for a too short password, 410 for a used or expired token
	 */
	@Transactional
	void resetPassword(String token, @Nullable String password) {
		if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
			throw ApiProblem.invalidField("password", "validation.passwordLength");
		}
		UUID accountId = tokens.consume(token, EmailTokens.Purpose.RESET, clock.instant(), "partners.resetGone");
		accounts.changePassword(accountId, password);
	}

	private void sendConfirmation(UUID accountId, String email, String name, Locale locale) {
		String token = tokens.issue(accountId, EmailTokens.Purpose.CONFIRM, clock.instant(), CONFIRM_LIFETIME);
		String link = links.to(UriComponentsBuilder.fromPath("/confirm").queryParam("token", token).toUriString());
		mailer.send(new Mail(email, locale, "confirm-email",
				Map.of("name", name, "link", link, "hours", CONFIRM_LIFETIME.toHours())));
	}

	private static @Nullable String trim(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	/** What {@code POST /api/v1/signup} and the sign-up form send. */
	record SignupRequest(@Nullable String email, @Nullable String password, @Nullable String name,
			@Nullable String company, @Nullable String country, @Nullable String acceptTermsVersion) {
	}

}
