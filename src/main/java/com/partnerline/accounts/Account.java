package com.partnerline.accounts;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A person who can log on. The password hash never leaves this module. */
public record Account(UUID id, String email, String displayName, Role role, AccountStatus status, Locale locale,
		Instant createdAt) {

	public Caller asCaller() {
		return new Caller(id, email, role, locale);
	}

}
