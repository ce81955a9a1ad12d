package com.partnerline.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.partnerline.kernel.ApiProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts module's API: open accounts, check passwords, issue and resolve
 * bearer tokens, and tell which vendors a manager may act for.
 */
@Service
public class AccountManagement {

	/** How long a partner API token stays valid. */
	public static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

	private final Accounts accounts;

	private final ApiTokens tokens;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final com.github.benmanes.caffeine.cache.Cache<UUID, Optional<java.time.ZoneId>> timeZones = com.github.benmanes.caffeine.cache.Caffeine
		.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofMinutes(1))
		.build();

	// A real hash of a random password, so that checking an unknown email costs as much as a known one.
	private final String unknownAccountHash;

	AccountManagement(Accounts accounts, ApiTokens tokens, PasswordEncoder passwords, Clock clock,
			FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.tokens = tokens;
		this.passwords = passwords;
		this.clock = clock;
		this.unknownAccountHash = passwords.encode(ApiTokens.newToken());
	}

	/**
	 * Opens an account.
	 * @return the new account, never {@literal null}
	 * @throws ApiProblem 409 when the email is already taken
	 */
	@Transactional
	public Account open(NewAccount request) {
		if (accounts.findByEmail(request.email()).isPresent()) {
			throw ApiProblem.conflict("accounts.emailTaken", request.email());
		}
		Account account = new Account(UUID.randomUUID(), request.email().trim(), request.displayName(), request.role(),
				request.status(), request.locale(), clock.instant());
		accounts.insert(account, passwords.encode(request.password()));
		return account;
	}

	public Optional<Account> find(UUID id) {
		return accounts.findById(id);
	}

	public Optional<Account> findByEmail(String email) {
		return accounts.findByEmail(email);
	}

	@Transactional
	public void activate(UUID accountId) {
		accounts.updateStatus(accountId, AccountStatus.ACTIVE);
	}

	/**
	 * Sets a new password and ends every way in that the old one opened: the account's
	 * bearer tokens and its web sessions (whoever learnt the old password may hold one).
	 */
	@Transactional
	public void changePassword(UUID accountId, String newPassword) {
		accounts.updatePasswordHash(accountId, passwords.encode(newPassword));
		tokens.revokeAll(accountId);
		accounts.findById(accountId)
			.ifPresent(account -> sessions.findByPrincipalName(account.email()).keySet().forEach(sessions::deleteById));
	}

	@Transactional
	public void changeLanguage(UUID accountId, Locale locale) {
		accounts.updateLocale(accountId, locale);
	}

	/** @throws ApiProblem 422 naming {@code displayName} when it is blank or longer than 200 characters */
	@Transactional
	public void changeDisplayName(UUID accountId, @Nullable String displayName) {
		if (displayName == null || displayName.isBlank()) {
			throw ApiProblem.invalidField("displayName", "validation.required");
		}
		if (displayName.strip().length() > 200) {
			throw ApiProblem.invalidField("displayName", "validation.tooLong");
		}
		accounts.updateDisplayName(accountId, displayName.strip());
	}

	/**
	 * The zone the person wants times in; {@literal null} or blank goes back to the vendor's.
	 * @throws ApiProblem 422 naming {@code timeZone} for a zone that does not exist
	 */
	@Transactional
	public void changeTimeZone(UUID accountId, @Nullable String zone) {
		String wanted = zone == null || zone.isBlank() ? null : zone.strip();
		if (wanted != null && !java.time.ZoneId.getAvailableZoneIds().contains(wanted)) {
			throw ApiProblem.invalidField("timeZone", "accounts.timeZoneUnknown");
		}
		accounts.updateTimeZone(accountId, wanted);
		timeZones.invalidate(accountId);
	}

	/** The person's own time zone, if set (cached for a minute per node). */
	public Optional<java.time.ZoneId> timeZone(UUID accountId) {
		return timeZones.get(accountId, id -> accounts.timeZone(id).map(java.time.ZoneId::of));
	}

	/** The active account whose password matches, if any; a slow hash is checked even for unknown emails. */
	public Optional<Account> checkPassword(String email, String password) {
		Optional<Account> account = accounts.findByEmail(email);
		String hash = account.flatMap(a -> accounts.passwordHash(a.id())).orElse(unknownAccountHash);
		boolean matches = passwords.matches(password, hash);
		return account.filter(a -> matches && a.status() == AccountStatus.ACTIVE);
	}

	/** Issues a bearer token for an active account; see {@link #TOKEN_LIFETIME}. */
	@Transactional
	public IssuedToken issueToken(Account account) {
		String token = ApiTokens.newToken();
		Instant now = clock.instant();
		Instant expiresAt = now.plus(TOKEN_LIFETIME);
		tokens.store(token, ApiTokens.Kind.ACCOUNT, account.id(), now, expiresAt);
		return new IssuedToken(token, expiresAt);
	}

	/** Who a bearer token belongs to, if it is valid and its account active. */
	public Optional<Caller> resolveToken(String token) {
		return tokens.resolve(token, clock.instant()).flatMap(resolved -> switch (resolved.kind()) {
			case ADMIN -> Optional.of(Caller.adminToken());
			case ACCOUNT -> accounts.findById(resolved.accountId())
				.filter(account -> account.status() == AccountStatus.ACTIVE)
				.map(Account::asCaller);
		});
	}

	@Transactional
	public void grantVendor(UUID managerAccountId, long vendorId) {
		accounts.addManagedVendor(managerAccountId, vendorId);
	}

	public boolean managesVendor(UUID accountId, long vendorId) {
		return accounts.managesVendor(accountId, vendorId);
	}

	public List<Long> managedVendors(UUID accountId) {
		return accounts.managedVendors(accountId);
	}

	/** Emails of the active managers of a vendor, for mail about its program. */
	public List<String> managerEmails(long vendorId) {
		return accounts.managerEmails(vendorId);
	}

	/** The active managers of a vendor, for mail about its program in each one's language. */
	public List<Account> managers(long vendorId) {
		return accounts.managers(vendorId);
	}

	/**
	 * Erases a person's account (GDPR Art. 17): the email becomes
	 * {@code <pseudonym>@erased.invalid}, the name the pseudonym; the password never matches
	 * again, the account is DISABLED, and its bearer tokens, mail tokens, web sessions, failed
	 * log-ons and log-on addresses are gone. Runs in the erasing transaction.
	 * @return the email the account had, or empty for an unknown account
	 */
	@Transactional
	public Optional<String> erase(UUID accountId, String pseudonym) {
		Optional<Account> account = accounts.findById(accountId);
		account.ifPresent(found -> {
			sessions.findByPrincipalName(found.email()).keySet().forEach(sessions::deleteById);
			accounts.erase(accountId, found.email(), pseudonym);
			timeZones.invalidate(accountId);
		});
		return account.map(Account::email);
	}

	public record IssuedToken(String token, Instant expiresAt) {
	}

}
