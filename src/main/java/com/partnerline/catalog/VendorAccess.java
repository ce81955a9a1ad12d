package com.partnerline.catalog;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.Caller;
import com.partnerline.accounts.CurrentCaller;
import com.partnerline.accounts.Role;
import com.partnerline.kernel.ApiProblem;

import org.springframework.stereotype.Component;

/**
 * Tenant scoping for the vendor admin API and the vendor console: the platform admin
 * acts for every vendor, a vendor manager only for the vendors it manages. A vendor
 * the caller may not see is answered as if it did not exist.
 */
@Component
public class VendorAccess {

	private final CatalogManagement catalog;

	private final AccountManagement accounts;

	private final CurrentCaller currentCaller;

	VendorAccess(CatalogManagement catalog, AccountManagement accounts, CurrentCaller currentCaller) {
		this.catalog = catalog;
		this.accounts = accounts;
		this.currentCaller = currentCaller;
	}

	/** The vendor, if the current caller may manage it; 404 otherwise. */
	public Vendor requireManaged(String slug) {
		Caller caller = currentCaller.require();
		Vendor vendor = catalog.vendor(slug);
		if (!mayManage(caller, vendor)) {
			throw ApiProblem.notFound("catalog.vendorNotFound", slug);
		}
		return vendor;
	}

	public boolean mayManage(Caller caller, Vendor vendor) {
		return caller.isPlatformAdmin() || (caller.role() == Role.VENDOR_MANAGER && caller.accountId() != null
				&& accounts.managesVendor(caller.accountId(), vendor.id().value()));
	}

	/** Only the platform admin creates vendors. */
	public void requirePlatformAdmin() {
		if (!currentCaller.require().isPlatformAdmin()) {
			throw ApiProblem.forbidden("problem.forbidden");
		}
	}

}
