/** Audit: an append-only record of decisions, acceptances, contract changes and overrides. */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
@org.jspecify.annotations.NullMarked
package com.partnerline.audit;
