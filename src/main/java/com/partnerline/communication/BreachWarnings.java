package com.partnerline.communication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.partnerline.accounts.Account;
import com.partnerline.accounts.AccountManagement;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.Formats;
import com.partnerline.kernel.PublicUrl;
import com.partnerline.notifications.Mailer;
import com.partnerline.partners.PartnerManagement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Warns a vendor's managers before a ticket misses its first-response target:
 * {@code warnBefore} ahead of the target, or at once if the job first sees it late.
 * Each ticket's warning is recorded on the ticket in the transaction that queues the
 * mails, so it goes out once however often the job runs and on however many nodes;
 * the job itself is a db-scheduler recurring task that runs on one node at a time.
 */
@Service
class BreachWarnings {

	private final TicketStore store;

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final SupportDesk desk;

	private final Mailer mailer;

	private final CommunicationSettings settings;

	private final PublicUrl publicUrl;

	private final TransactionTemplate transactions;

	private final AccountManagement accounts;

	BreachWarnings(TicketStore store, CatalogManagement catalog, PartnerManagement partners, SupportDesk desk,
			Mailer mailer, CommunicationSettings settings, PublicUrl publicUrl,
			PlatformTransactionManager transactionManager, AccountManagement accounts) {
		this.accounts = accounts;
		this.store = store;
		this.catalog = catalog;
		this.partners = partners;
		this.desk = desk;
		this.mailer = mailer;
		this.settings = settings;
		this.publicUrl = publicUrl;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Warns of every ticket whose target falls within {@code warnBefore} of {@code at}.
	 * @return how many tickets were warned of now
	 */
	public int warnAt(Instant at) {
		int warned = 0;
		for (Ticket ticket : store.toWarn(at.plus(settings.warnBeforeOrDefault()))) {
			Boolean done = transactions.execute(status -> warn(ticket, at));
			warned += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return warned;
	}

	private boolean warn(Ticket ticket, Instant at) {
		Vendor vendor = catalog.findVendor(ticket.vendorId()).orElse(null);
		if (vendor == null || !store.claimWarning(ticket.id(), at)) {
			return false;
		}
		String partner = partners.find(ticket.partnerId()).map(p -> p.name()).orElse(ticket.partnerId().toString());
		for (Account manager : desk.managers(vendor)) {
			// in the manager's own time zone when it chose one (account settings), else the vendor's
			String due = Formats.dateTime(
					ticket.firstResponseDue().atZone(accounts.timeZone(manager.id()).orElse(vendor.timeZone())),
					manager.locale());
			long minutesLeft = Duration.between(at, ticket.firstResponseDue()).toMinutes();
			Object[] subject = { ticket.subject() };
			Object[] body = { manager.displayName(), vendor.name(), ticket.subject(), partner, due,
					Math.abs(minutesLeft) / 60, Math.abs(minutesLeft) % 60 };
			// a ticket first seen after its target (the job was not running) is reported as overdue
			String key = minutesLeft >= 0 ? "communication.mail.breach" : "communication.mail.overdue";
			mailer.sendNotice(manager.email(), manager.locale(), key, subject, body,
					publicUrl.link("/console/vendors/" + vendor.slug() + "/tickets/" + ticket.id()),
					"communication.mail.breach.button");
		}
		return true;
	}

	/** Every minute, so that a warning goes out within a minute of its time. */
	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		RecurringTask<Void> ticketBreachWarningsTask(BreachWarnings warnings, Clock clock) {
			return Tasks.recurring("ticket-breach-warnings", FixedDelay.of(Duration.ofMinutes(1)))
				.execute((instance, context) -> warnings.warnAt(clock.instant()));
		}

	}

}
