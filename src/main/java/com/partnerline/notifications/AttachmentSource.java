package com.partnerline.notifications;

import java.util.Locale;
import java.util.Optional;

/**
 * Renders the bytes of an {@link Attachment} when its mail is sent. A module that attaches
 * documents to mails implements it (the notifications module depends on no one).
 */
public interface AttachmentSource {

	/** The name attachments of this source carry in {@link Attachment#source()}. */
	String name();

	/**
	 * The attachment's bytes in {@code locale}, or empty when the reference no longer names
	 * anything (the mail then goes without it).
	 */
	Optional<byte[]> render(String reference, Locale locale);

}
