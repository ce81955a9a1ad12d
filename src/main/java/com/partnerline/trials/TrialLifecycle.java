package com.partnerline.trials;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Product;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.Formats;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.PublicUrl;
import com.partnerline.notifications.Mailer;
import com.partnerline.tracking.Link;
import com.partnerline.tracking.NewLink;
import com.partnerline.tracking.TrackingManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to a trial after it is issued: a reminder mail a few days before expiry
 * (once: the trial is claimed and mailed in one transaction), with a buy link that
 * carries the partner's referral, and the mark of expiry once it is over.
 */
@Component
class TrialLifecycle {

	/** The sub-id of the partner's tracking link in reminder mails. */
	static final String REMINDER_SUB_ID = "trial-reminder";

	private static final int BATCH = 100;

	private static final Logger log = LoggerFactory.getLogger(TrialLifecycle.class);

	private final Trials trials;

	private final CatalogManagement catalog;

	private final TrackingManagement tracking;

	private final Mailer mailer;

	private final PublicUrl publicUrl;

	private final TrialSettings settings;

	private final TransactionTemplate transactions;

	TrialLifecycle(Trials trials, CatalogManagement catalog, TrackingManagement tracking, Mailer mailer,
			PublicUrl publicUrl, TrialSettings settings, TransactionTemplate transactions) {
		this.trials = trials;
		this.catalog = catalog;
		this.tracking = tracking;
		this.mailer = mailer;
		this.publicUrl = publicUrl;
		this.settings = settings;
		this.transactions = transactions;
	}

	/** Sends the reminders due at {@code now} and marks the trials expired by then; answers the reminders sent. */
	int run(Instant now) {
		int sent = 0;
		while (true) {
			Integer batch = transactions.execute(status -> {
				List<Trial> due = trials.claimReminders(now, settings.reminderBefore(), BATCH);
				due.forEach(this::remind);
				return due.size();
			});
			int count = batch == null ? 0 : batch;
			sent += count;
			if (count < BATCH) {
				break;
			}
		}
		Integer expired = transactions.execute(status -> trials.markExpired(now));
		if (sent > 0 || (expired != null && expired > 0)) {
			log.info("Trials: {} reminders sent, {} trials expired", sent, expired);
		}
		return sent;
	}

	private void remind(Trial trial) {
		Vendor vendor = catalog.findVendor(trial.vendorId()).orElseThrow();
		Optional<Product> product = catalog.findProduct(vendor.id(), trial.sku());
		String name = product.map(Product::name).orElse(trial.sku());
		Locale locale = Locale.forLanguageTag(trial.locale());
		String expires = Formats.date(trial.expiresAt().atZone(vendor.timeZone()).toLocalDate(), locale);
		mailer.sendNotice(trial.email(), locale, "trials.mail.reminder", new Object[] { name },
				new Object[] { name, vendor.name(), expires }, buyLink(vendor, trial), "trials.mail.reminder.button");
	}

	/**
	 * The buy link: the partner's own tracking link to the product (made once, sub-id
	 * {@value #REMINDER_SUB_ID}) at the configured public address, so that the purchase is
	 * the partner's; without a partner the vendor's buy page, without one the trial page.
	 */
	String buyLink(Vendor vendor, Trial trial) {
		PartnerId partner = trial.partnerId();
		if (partner != null) {
			Optional<Link> existing = tracking.links(vendor.id(), partner)
				.stream()
				.filter(l -> REMINDER_SUB_ID.equals(l.subId()) && trial.sku().equals(l.sku()))
				.findFirst();
			if (existing.isPresent()) {
				return publicUrl.link("/r/" + existing.get().code());
			}
			try {
				return publicUrl.link(
						"/r/" + tracking.createLink(vendor, partner, new NewLink(trial.sku(), null, REMINDER_SUB_ID)).code());
			}
			catch (ApiProblem refused) {
				// the vendor has no allowed domain to sell on: fall through to the plain links
			}
		}
		if (!vendor.allowedDomains().isEmpty()) {
			return "https://" + vendor.allowedDomains().get(0) + "/buy?sku="
					+ java.net.URLEncoder.encode(trial.sku(), java.nio.charset.StandardCharsets.UTF_8);
		}
		return publicUrl.link("/trial/" + vendor.slug());
	}

}
