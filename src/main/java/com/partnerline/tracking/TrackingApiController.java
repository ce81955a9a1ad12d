package com.partnerline.tracking;

import java.util.List;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.PublicUrl;
import com.partnerline.partners.Membership;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Links for partners and coupons for vendors, as docs/api.md describes them. */
@RestController
class TrackingApiController {

	private final TrackingManagement tracking;

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final VendorAccess access;

	private final PublicUrl publicUrl;

	TrackingApiController(TrackingManagement tracking, CatalogManagement catalog, PartnerManagement partners,
			VendorAccess access, PublicUrl publicUrl) {
		this.tracking = tracking;
		this.catalog = catalog;
		this.partners = partners;
		this.access = access;
		this.publicUrl = publicUrl;
	}

	@PostMapping("/api/v1/partner/links")
	@ResponseStatus(HttpStatus.CREATED)
	LinkView createLink(@RequestBody LinkRequest request) {
		if (request.vendor() == null || request.vendor().isBlank()) {
			throw ApiProblem.invalidField("vendor", "validation.required");
		}
		Vendor vendor = catalog.findVendor(request.vendor())
			.orElseThrow(() -> ApiProblem.invalidField("vendor", "tracking.vendorUnknown"));
		Membership membership = partners.currentMembership(vendor);
		Link link = tracking.createLink(vendor, membership.partnerId(),
				new NewLink(request.sku(), request.targetUrl(), request.subId()));
		return LinkView.of(link, vendor, publicUrl);
	}

	@GetMapping("/api/v1/partner/links")
	List<LinkView> links(@RequestParam String vendor) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		return tracking.links(found.id(), membership.partnerId()).stream().map(l -> LinkView.of(l, found, publicUrl)).toList();
	}

	@PutMapping("/api/v1/admin/vendors/{vendor}/coupons/{code}")
	CouponView assignCoupon(@PathVariable String vendor, @PathVariable String code,
			@RequestBody CouponRequest request) {
		Vendor found = access.requireManaged(vendor);
		return CouponView.of(tracking.assignCoupon(found, code, request.partnerId()));
	}

	@GetMapping("/api/v1/admin/vendors/{vendor}/coupons")
	List<CouponView> coupons(@PathVariable String vendor) {
		return tracking.coupons(access.requireManaged(vendor).id()).stream().map(CouponView::of).toList();
	}

	record LinkRequest(@Nullable String vendor, @Nullable String sku, @Nullable String targetUrl,
			@Nullable String subId) {
	}

	record LinkView(String code, String url, String vendor, @Nullable String sku, String targetUrl,
			@Nullable String subId) {

		static LinkView of(Link link, Vendor vendor, PublicUrl publicUrl) {
			String url = publicUrl.link("/r/" + link.code());
			return new LinkView(link.code(), url, vendor.slug(), link.sku(), link.targetUrl(), link.subId());
		}

	}

	record CouponRequest(@Nullable String partnerId) {
	}

	record CouponView(String code, String partnerId) {

		static CouponView of(Coupon coupon) {
			return new CouponView(coupon.code(), coupon.partnerId().toString());
		}

	}

}
