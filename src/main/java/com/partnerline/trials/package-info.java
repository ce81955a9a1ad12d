/**
 * Trials: one-month trial licences signed with the vendor's Ed25519 key (checked offline
 * by the product against the public key at {@code /.well-known/license-keys/{vendor}}),
 * one trial per email and product, the partner whose link started a trial, the
 * conversion of a trial into a purchase (the orders module asks here), the reminder
 * mail before expiry, and the trial figures of the vendor console and the partner's
 * statistics. Design: docs/adr/0023-signed-trial-licences.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Trials")
@org.jspecify.annotations.NullMarked
package com.partnerline.trials;
