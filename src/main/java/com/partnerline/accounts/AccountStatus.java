package com.partnerline.accounts;

/** An account can log on only when ACTIVE. */
public enum AccountStatus {

	PENDING_EMAIL, ACTIVE, DISABLED

}
