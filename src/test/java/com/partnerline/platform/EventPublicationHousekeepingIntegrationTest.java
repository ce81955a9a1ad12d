package com.partnerline.platform;

import java.util.UUID;

import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Completed event publications are deleted after the retention (a week); incomplete ones stay. */
class EventPublicationHousekeepingIntegrationTest extends IntegrationTest {

	@Autowired
	EventPublicationHousekeeping housekeeping;

	private UUID publication(String completedAgo, String publishedAgo) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
				  completion_date, status, completion_attempts)
				VALUES (?, 'test.listener', 'test.Event', ?, now() - ?::interval,
				  now() - ?::interval, CASE WHEN ?::interval IS NULL THEN 'PROCESSING' ELSE 'COMPLETED' END, 1)""")
			.params(id, "{\"id\":\"" + id + "\"}", publishedAgo, completedAgo, completedAgo)
			.update();
		return id;
	}

	private boolean stored(UUID id) {
		return jdbc.sql("SELECT count(*) FROM event_publication WHERE id = ?").param(id).query(Long.class).single() == 1;
	}

	@Test
	void deletesCompletedPublicationsOlderThanAWeekAndKeepsTheRest() {
		UUID old = publication("8 days", "8 days");
		UUID recent = publication("6 days", "6 days");
		UUID incomplete = publication(null, "30 days");

		housekeeping.deleteOldCompletedPublications();

		assertThat(stored(old)).as("completed 8 days ago").isFalse();
		assertThat(stored(recent)).as("completed 6 days ago").isTrue();
		assertThat(stored(incomplete)).as("never completed: resubmitted on restart, not deleted").isTrue();
		jdbc.sql("DELETE FROM event_publication WHERE id IN (?, ?)").params(recent, incomplete).update();
	}

}
