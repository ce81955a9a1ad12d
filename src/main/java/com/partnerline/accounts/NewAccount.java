package com.partnerline.accounts;

import java.util.Locale;

/** What it takes to open an account; the password arrives in clear and is hashed at once. */
public record NewAccount(String email, String password, String displayName, Role role, AccountStatus status,
		Locale locale) {
}
