package com.partnerline.notifications;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several senders at once (as on several nodes, plus the scheduled one) deliver each
 * mail exactly once: {@code FOR UPDATE SKIP LOCKED} hands every row to one of them.
 */
class OutboxSenderConcurrencyIntegrationTest extends IntegrationTest {

	@Autowired
	Mailer mailer;

	@Autowired
	OutboxSender sender;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void concurrentSendersDeliverEveryMailOnce() throws Exception {
		List<String> recipients = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			recipients.add(unique("many") + "@example.org");
		}
		transactions.executeWithoutResult(status -> recipients.forEach(to -> mailer.send(new Mail(to, Locale.GERMAN,
				"password-reset", Map.of("name", "Nutzer", "link", "http://localhost/password/reset?token=x", "minutes", 60)))));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> senders = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				senders.add(() -> transactions.execute(status -> sender.deliverBatch()));
			}
			for (Future<Integer> result : pool.invokeAll(senders)) {
				result.get();
			}
		}
		finally {
			pool.shutdown();
		}
		for (String to : recipients) {
			mail().await(to, 1, Duration.ofSeconds(15));
		}
		Thread.sleep(500);
		for (String to : recipients) {
			assertThat(mail().to(to)).as(to).hasSize(1);
		}
		assertThat(mail().to(recipients.get(0)).get(0).getSubject()).isEqualTo("Setzen Sie Ihr Partnerline-Passwort zurück");
	}

}
