package com.partnerline.accounts;

/** What an account may do: run the platform, manage some vendors, or be a partner. */
public enum Role {

	PLATFORM_ADMIN, VENDOR_MANAGER, PARTNER;

	/** The Spring Security authority of this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
