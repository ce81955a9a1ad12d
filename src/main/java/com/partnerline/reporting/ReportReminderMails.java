package com.partnerline.reporting;

import java.util.Locale;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.Formats;
import com.partnerline.kernel.PublicUrl;
import com.partnerline.notifications.Mailer;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;

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

	private final PublicUrl publicUrl;

	ReportReminderMails(PartnerManagement partners, CatalogManagement catalog, Mailer mailer,
			PublicUrl publicUrl) {
		this.partners = partners;
		this.catalog = catalog;
		this.mailer = mailer;
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
		mailer.sendNotice(partner.email(), locale, "reporting.mail." + reminder.reportType() + "." + reminder.kind(),
				arguments, arguments, publicUrl.link("/panel/reports/" + vendor.slug()), "reports.panel.link");
	}

}
