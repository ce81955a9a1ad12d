package com.partnerline.accounts;

import java.io.Serial;
import java.io.Serializable;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who is making the current request: an account (signed in by form or by bearer
 * token) or the platform admin token, which has no account.
 *
 * @param accountId the account, {@literal null} only for the admin token
 * @param email the account's email, {@literal null} only for the admin token
 * @param role what the caller may do
 * @param locale the caller's language setting
 */
public record Caller(@Nullable UUID accountId, @Nullable String email, Role role, Locale locale)
		implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	public static Caller adminToken() {
		return new Caller(null, null, Role.PLATFORM_ADMIN, Locale.ENGLISH);
	}

	public boolean isPlatformAdmin() {
		return role == Role.PLATFORM_ADMIN;
	}

	public String actorName() {
		return email != null ? email : "admin-token";
	}

}
