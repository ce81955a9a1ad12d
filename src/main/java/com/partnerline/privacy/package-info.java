/**
 * Privacy: a partner's data export (everything the modules hold about it, as JSON and CSV in
 * one zip; each module contributes its part through {@link com.partnerline.kernel.PersonalData})
 * and the erasure of a partner or of a customer email by the platform admin (personal data
 * replaced by a pseudonym in the erasing transaction, through the events
 * {@link com.partnerline.partners.PartnerErased} and {@link com.partnerline.kernel.CustomerErased}
 * that every module with personal data hears; money records kept, so every figure stays the
 * same; audited without the erased values). Nobody depends on this module. Design:
 * docs/adr/0027-data-export-and-erasure.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
@org.jspecify.annotations.NullMarked
package com.partnerline.privacy;
