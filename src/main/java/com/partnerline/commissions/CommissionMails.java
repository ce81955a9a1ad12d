package com.partnerline.commissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.Formats;
import com.partnerline.kernel.PublicUrl;
import com.partnerline.notifications.Attachment;
import com.partnerline.notifications.Mailer;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails partners what a month close means for them, in their language: that their
 * statement is ready, and that they qualify for the Internet Partner track.
 */
@Component
class CommissionMails {

	private final CommissionManagement commissions;

	private final PartnerManagement partners;

	private final CatalogManagement catalog;

	private final Mailer mailer;

	private final PublicUrl publicUrl;

	private final StatementStore statementStore;

	private final ObjectProvider<StatementAttachments> attachments;

	CommissionMails(CommissionManagement commissions, PartnerManagement partners, CatalogManagement catalog,
			Mailer mailer, PublicUrl publicUrl, StatementStore statementStore,
			ObjectProvider<StatementAttachments> attachments) {
		this.statementStore = statementStore;
		this.attachments = attachments;
		this.commissions = commissions;
		this.partners = partners;
		this.catalog = catalog;
		this.mailer = mailer;
		this.publicUrl = publicUrl;
	}

	/** Every partner with a statement of the closed month gets its mail (and, if eligible, the Internet track's). */
	@ApplicationModuleListener
	void on(MonthClosed closed) {
		Vendor vendor = catalog.findVendor(closed.vendorId()).orElse(null);
		if (vendor == null) {
			return;
		}
		for (Statement statement : commissions.statements(closed.vendorId(), closed.month())) {
			partners.find(statement.partnerId()).ifPresent(partner -> {
				statementReady(vendor, partner, statement);
				// no invitation to propose for a partner already on its way: its contract starts later
				if (statement.eligibleForInternet() && !isInternetPartner(vendor, partner)) {
					eligible(vendor, partner, statement);
				}
			});
		}
	}

	private boolean isInternetPartner(Vendor vendor, Partner partner) {
		return partners.membership(vendor.id(), partner.id())
			.map(m -> m.type() == com.partnerline.partners.PartnerType.INTERNET)
			.orElse(false);
	}

	private void statementReady(Vendor vendor, Partner partner, Statement statement) {
		Locale locale = partner.locale();
		String month = Formats.month(statement.month(), locale);
		String link = publicUrl.link("/panel/programs/" + vendor.slug() + "/commissions");
		String payoutMonth = Formats.month(statementStore.payoutMonth(statement.id()), locale);
		List<Attachment> files = new ArrayList<>();
		attachments.orderedStream().forEach(source -> files.addAll(source.forStatement(statement)));
		mailer.sendNotice(partner.email(), locale, "commissions.mail.statementReadyPaid",
				new Object[] { vendor.name(), month },
				new Object[] { partner.name(), vendor.name(), month,
						Formats.money(statement.commission(), statement.currency(), locale),
						Formats.money(statement.payable(), statement.currency(), locale), link, payoutMonth },
				link, null, files);
	}

	private void eligible(Vendor vendor, Partner partner, Statement statement) {
		String link = publicUrl.link("/panel/programs/" + vendor.slug() + "/proposal");
		send(partner, "commissions.mail.eligible", new Object[] { vendor.name() }, new Object[] { partner.name(),
				vendor.name(), Formats.month(statement.month(), partner.locale()), link }, link);
	}

	private void send(Partner partner, String key, Object[] subjectArguments, Object[] bodyArguments, String link) {
		mailer.sendNotice(partner.email(), partner.locale(), key, subjectArguments, bodyArguments, link, null);
	}

}
