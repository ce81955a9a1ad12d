package com.partnerline.notifications;

/**
 * A file attached to a queued mail, kept in the outbox as a reference only: the
 * {@link AttachmentSource} named {@code source} renders its bytes when the mail is sent,
 * in the mail's language. So the outbox holds no copy of a document whose personal data
 * may later be erased, and a document is never built for a mail that is rolled back.
 *
 * @param filename the name the recipient sees, such as {@code invoice-SB-000042.pdf}
 * @param contentType its media type, such as {@code application/pdf}
 * @param source the {@link AttachmentSource#name()} that renders it
 * @param reference what the source renders, in its own terms (an id, a key)
 */
public record Attachment(String filename, String contentType, String source, String reference) {
}
