package com.partnerline.scanner;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.partnerline.support.Api;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Per-client rate limit, concurrent scans and the short queue of {@code POST /api/v1/scan}, on the real clamd. */
class ScanAdmissionIntegrationTest extends IntegrationTest {

	@Autowired
	ScanAdmission admission;

	@Autowired
	ScannerSettings settings;

	@Test
	void refusesAClientsScansBeyondItsShareOfTheMinuteWith429() throws Exception {
		// the share is counted per minute: start early in one so that the test's scans share it
		if (LocalTime.now().getSecond() > 45) {
			Thread.sleep((61 - LocalTime.now().getSecond()) * 1000L);
		}
		Uploads client = new Uploads(port, Uploads.newClient());
		byte[] file = "rate limit test file".getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i < settings.scansPerMinute(); i++) {
			Api.Response allowed = client.scan("f.txt", file);
			assertThat(allowed.status()).as("scan %d: %s", i + 1, allowed).isEqualTo(200);
		}

		Api.Response refused = client.scan("f.txt", file);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
		assertThat(refused.json().path("detail").asString()).contains(String.valueOf(settings.scansPerMinute()));
		// another client is not held up by this one
		assertThat(new Uploads(port, Uploads.newClient()).scan("f.txt", file).status()).isEqualTo(200);
	}

	@Test
	void scansUpToTheLimitConcurrentlyAndAllFinish() throws Exception {
		int scans = settings.maxConcurrent();
		ExecutorService pool = Executors.newFixedThreadPool(scans);
		AtomicInteger mostAtOnce = new AtomicInteger();
		Thread watcher = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				mostAtOnce.accumulateAndGet(admission.scanningNow(), Math::max);
				Thread.onSpinWait();
			}
		});
		watcher.start();
		try {
			List<Future<Api.Response>> responses = new ArrayList<>();
			for (int i = 0; i < scans; i++) {
				Callable<Api.Response> scan = () -> new Uploads(port, Uploads.newClient()).scan("big.bin",
						Uploads.generated(8L * 1024 * 1024), 8L * 1024 * 1024);
				responses.add(pool.submit(scan));
			}
			for (Future<Api.Response> response : responses) {
				Api.Response done = response.get();
				assertThat(done.status()).as(done.toString()).isEqualTo(200);
				assertThat(done.json().path("verdict").asString()).isEqualTo("CLEAN");
				assertThat(done.json().path("bytes").asLong()).isEqualTo(8L * 1024 * 1024);
			}
		}
		finally {
			watcher.interrupt();
			pool.shutdownNow();
		}
		assertThat(mostAtOnce.get()).isBetween(2, settings.maxConcurrent());
	}

	@Test
	void refusesAScanWith503AndRetryAfterWhenAllSlotsAndTheQueueAreTaken() throws Exception {
		List<Socket> stalled = new ArrayList<>();
		try {
			// uploads that start and then stall hold every slot...
			for (int i = 0; i < settings.maxConcurrent(); i++) {
				stalled.add(stalledUpload());
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> admission.scanningNow() == settings.maxConcurrent());
			// ...and more of them fill the queue
			for (int i = 0; i < settings.queue(); i++) {
				stalled.add(stalledUpload());
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> admission.waitingNow() == settings.queue());

			long started = System.nanoTime();
			Api.Response refused = new Uploads(port, Uploads.newClient()).scan("f.txt", new byte[10]);

			assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
			assertThat(refused.header("Retry-After")).isNotBlank();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(settings.queueWait());
		}
		finally {
			for (Socket socket : stalled) {
				socket.close();
			}
		}
		// the slots come free when the stalled uploads go away, and scanning goes on
		await().atMost(Duration.ofSeconds(30)).until(() -> admission.scanningNow() == 0 && admission.waitingNow() == 0);
		assertThat(new Uploads(port, Uploads.newClient()).scan("f.txt", new byte[10]).status()).isEqualTo(200);
	}

	/** An upload that announces a megabyte, sends the start of the file and then nothing more. */
	private Socket stalledUpload() throws IOException {
		Socket socket = new Socket("127.0.0.1", port);
		OutputStream out = socket.getOutputStream();
		out.write(("POST /api/v1/scan HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: " + Uploads.newClient()
				+ "\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 1048576\r\n\r\n"
				+ "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.bin\"\r\n\r\nslow start")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return socket;
	}

}
