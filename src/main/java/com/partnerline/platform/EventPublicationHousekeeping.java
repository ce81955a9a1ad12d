package com.partnerline.platform;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps completed event publications for a while as a record of what the modules did
 * (which listener handled which event, and when), then deletes them, so that the
 * registry's table does not grow with every order, month close and mail for ever.
 * Incomplete publications are never touched: they are resubmitted on restart. Every
 * node may run this at once; deleting twice is harmless.
 */
@Component
class EventPublicationHousekeeping {

	private final CompletedEventPublications completed;

	private final Duration retention;

	EventPublicationHousekeeping(CompletedEventPublications completed,
			@Value("${partnerline.events.retention:P7D}") Duration retention) {
		this.completed = completed;
		this.retention = retention;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void deleteOldCompletedPublications() {
		completed.deletePublicationsOlderThan(retention);
	}

}
