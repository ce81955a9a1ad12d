package com.partnerline.reporting;

import java.util.List;
import java.util.Locale;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.Formats;
import com.partnerline.notifications.Mailer;
import com.partnerline.notifications.Notice;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails each reminder the job records, in the partner's language. The event is
 * published once per reminder, and the outbox delivers it even when SMTP is down.
 */
@Component
class ReportReminderMails {

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final Mailer mailer;

	private final MessageSource messages;

	private final String publicUrl;

	ReportReminderMails(PartnerManagement partners, CatalogManagement catalog, Mailer mailer, MessageSource messages,
			@Value("${partnerline.public-url}") String publicUrl) {
		this.partners = partners;
		this.catalog = catalog;
		this.mailer = mailer;
		this.messages = messages;
		this.publicUrl = publicUrl;
	}

	@ApplicationModuleListener
	void on(ReportReminderDue reminder) {
		Partner partner = partners.find(reminder.partnerId()).orElse(null);
		Vendor vendor = catalog.findVendor(reminder.vendorId()).orElse(null);
		if (partner == null || vendor == null) {
			return;
		}
		Locale locale = partner.locale();
		Object[] arguments = { partner.name(), vendor.name(), Formats.month(reminder.month(), locale),
				Formats.date(reminder.dueOn(), locale) };
		String key = "reporting.mail." + reminder.reportType() + "." + reminder.kind();
		String body = messages.getMessage(key + ".body", arguments, locale);
		mailer.send(new Notice(partner.email(), locale, messages.getMessage(key + ".subject", arguments, locale),
				List.of(body.split("\n\n")), publicUrl + "/panel/reports/" + vendor.slug(),
				messages.getMessage("reports.panel.link", null, locale))
			.toMail());
	}

}
