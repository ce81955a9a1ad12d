package com.partnerline.communication;

import java.util.Locale;
import java.util.UUID;

import com.partnerline.accounts.Account;
import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.AccountStatus;
import com.partnerline.accounts.NewAccount;
import com.partnerline.accounts.Role;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestVendor;

/** Vendor managers for the communication tests, made through the accounts module. */
final class CommunicationFixtures {

	private CommunicationFixtures() {
	}

	/** A new manager of {@code vendor} (English) with an API client speaking as it. */
	static Manager manager(Api api, AccountManagement accounts, CatalogManagement catalog, TestVendor vendor) {
		String email = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@vendor.example";
		Account account = accounts.open(new NewAccount(email, Fixtures.PASSWORD, "Mia Manager", Role.VENDOR_MANAGER,
				AccountStatus.ACTIVE, Locale.ENGLISH));
		accounts.grantVendor(account.id(), catalog.vendor(vendor.slug()).id().value());
		return new Manager(email, api.as(Fixtures.token(api, email, Fixtures.PASSWORD)));
	}

	record Manager(String email, Api api) {
	}

}
