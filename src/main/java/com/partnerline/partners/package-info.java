/**
 * Partners: partner accounts, their memberships in vendors' programs (AFFILIATE or
 * INTERNET), the terms they accepted, and the way into the program.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partners")
@org.jspecify.annotations.NullMarked
package com.partnerline.partners;
