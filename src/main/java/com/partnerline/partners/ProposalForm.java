package com.partnerline.partners;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An Internet Partner proposal as the partner sends it (JSON of docs/api.md, or the
 * control panel's form). Every part may be missing; validation names each one.
 */
record ProposalForm(@Nullable CompanyProfile companyProfile, @Nullable SalesPlan salesPlan,
		@Nullable MarketingPlan marketingPlan) {

	record CompanyProfile(@Nullable String name, @Nullable String website, @Nullable String country,
			@Nullable Integer employees, @Nullable String description) {
	}

	record SalesPlan(@Nullable BigDecimal monthlyCommitment, @Nullable List<Line> lines) {
	}

	record Line(@Nullable String sku, @Nullable Integer quantity) {
	}

	record MarketingPlan(@Nullable List<String> channels, @Nullable String description) {
	}

}
