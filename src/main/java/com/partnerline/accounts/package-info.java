/**
 * Accounts: the people who log on (platform admins, vendor managers, partners), their
 * passwords (bcrypt), bearer tokens (hashed) and the admin token.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
@org.jspecify.annotations.NullMarked
package com.partnerline.accounts;
