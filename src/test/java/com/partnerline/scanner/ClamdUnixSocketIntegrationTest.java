package com.partnerline.scanner;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import com.partnerline.support.ClamdServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client of clamd over a Unix socket ({@code PARTNERLINE_CLAMD=unix:/path}), against the tests' real clamd. */
class ClamdUnixSocketIntegrationTest {

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	private Clamd clamd;

	@BeforeEach
	void connect() {
		ClamdServer.INSTANCE.start();
		scheduler.initialize();
		clamd = new Clamd(ClamdAddress.parse("unix:" + ClamdServer.INSTANCE.socket()), Duration.ofSeconds(2), scheduler,
				Clock.systemUTC());
	}

	@AfterEach
	void stopScheduler() {
		scheduler.shutdown();
	}

	@Test
	void pingsAndScansAStreamInChunks() throws Exception {
		assertThat(clamd.command("PING", Duration.ofSeconds(2))).isEqualTo("PONG");
		assertThat(clamd.command("VERSION", Duration.ofSeconds(2))).startsWith("ClamAV 1.");
		byte[] eicar = ClamdServer.EICAR.getBytes(StandardCharsets.US_ASCII);
		try (Clamd.Instream stream = clamd.instream(Duration.ofSeconds(10))) {
			stream.write(eicar, 0, 30);
			stream.write(eicar, 30, eicar.length - 30);
			Clamd.Reply reply = stream.finish();
			assertThat(reply.clean()).isFalse();
			assertThat(reply.threats()).singleElement().asString().startsWith("Eicar-Test");
		}
	}

	@Test
	void endsAConversationThatRunsOutOfTime() throws Exception {
		try (Clamd.Instream stream = clamd.instream(Duration.ofMillis(300))) {
			stream.write(new byte[] { 1, 2, 3 }, 0, 3);
			Thread.sleep(600);
			// the deadline closed the connection: nothing more goes through
			assertThatThrownBy(stream::finish).isInstanceOf(java.io.IOException.class);
		}
	}

}
