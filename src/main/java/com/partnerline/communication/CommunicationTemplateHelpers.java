package com.partnerline.communication;

import com.partnerline.accounts.CurrentCaller;
import com.partnerline.accounts.Role;
import com.partnerline.kernel.PartnerId;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What pages outside this module show of it, as {@code ${@communication.unreadAnnouncements()}}:
 * the control panel's unread badge. Also the "time left" wording of the queue.
 */
@Component("communication")
class CommunicationTemplateHelpers {

	private final CurrentCaller caller;

	private final Announcements announcements;

	private final MessageSource messages;

	CommunicationTemplateHelpers(CurrentCaller caller, Announcements announcements, MessageSource messages) {
		this.caller = caller;
		this.announcements = announcements;
		this.messages = messages;
	}

	/** Unread announcements of the partner making the request; 0 for anyone else. */
	public long unreadAnnouncements() {
		return caller.get()
			.filter(c -> c.role() == Role.PARTNER && c.accountId() != null)
			.map(c -> announcements.unread(new PartnerId(c.accountId())))
			.orElse(0L);
	}

	/** "5 h 20 min left" or "overdue by 2 h 5 min" in the request's language. */
	public String timeLeft(long seconds) {
		long minutes = Math.abs(seconds) / 60;
		Object[] arguments = { minutes / 60, minutes % 60 };
		return messages.getMessage(seconds >= 0 ? "communication.timeLeft" : "communication.overdueBy", arguments,
				LocaleContextHolder.getLocale());
	}

	/** A file's size as "840 B", "12.5 KB" or "3.2 MB" in the request's language. */
	public String fileSize(long bytes) {
		java.util.Locale locale = LocaleContextHolder.getLocale();
		if (bytes < 1024) {
			return messages.getMessage("communication.attachment.bytes", new Object[] { bytes }, locale);
		}
		java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
		format.setMaximumFractionDigits(1);
		format.setMinimumFractionDigits(1);
		if (bytes < 1024 * 1024) {
			return messages.getMessage("communication.attachment.kilobytes", new Object[] { format.format(bytes / 1024.0) },
					locale);
		}
		return messages.getMessage("communication.attachment.megabytes",
				new Object[] { format.format(bytes / (1024.0 * 1024.0)) }, locale);
	}

}
