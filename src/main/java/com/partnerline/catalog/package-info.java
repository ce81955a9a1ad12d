/**
 * Catalog: the vendors (tenants), their partner programs (bands, caps, cookie window,
 * minimum payout, versioned terms), their products and exchange rates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
@org.jspecify.annotations.NullMarked
package com.partnerline.catalog;
