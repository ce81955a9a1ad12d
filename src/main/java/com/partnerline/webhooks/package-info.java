/**
 * Webhooks: signed outbound notifications. A vendor registers endpoints and picks event
 * types; a partner registers postback endpoints for its own events. Other modules publish
 * their events as usual; this module hears them in the publisher's transaction and writes
 * one delivery per interested endpoint into {@code webhook_deliveries} (an outbox: no
 * delivery for a change that was rolled back, none lost when the receiver is down). A
 * sender on every node takes due deliveries with {@code FOR UPDATE SKIP LOCKED}, signs them
 * like processors sign to us ({@link com.partnerline.kernel.HmacSignature}), and retries
 * with exponential backoff for 24 hours. Endpoints on loopback or private addresses are
 * refused unless {@code PARTNERLINE_WEBHOOK_ALLOW_PRIVATE=true}, at registration and again
 * after name resolution at each delivery. Design: docs/adr/0024-webhooks-and-risk-holds.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
@org.jspecify.annotations.NullMarked
package com.partnerline.webhooks;
