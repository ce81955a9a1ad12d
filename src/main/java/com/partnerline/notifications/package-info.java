/**
 * Notifications: mail in the recipient's language, kept in an outbox table written
 * in the caller's transaction and delivered over SMTP with retries, so that none is
 * lost when the mail server is down. Other modules call {@link com.partnerline.notifications.Mailer}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
@org.jspecify.annotations.NullMarked
package com.partnerline.notifications;
