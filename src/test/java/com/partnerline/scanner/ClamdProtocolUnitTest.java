package com.partnerline.scanner;

import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading clamd's answers and addresses. */
class ClamdProtocolUnitTest {

	@Test
	void readsACleanAnswer() {
		Clamd.Reply reply = Clamd.Reply.parse("stream: OK");
		assertThat(reply.clean()).isTrue();
		assertThat(reply.threats()).isEmpty();
	}

	@Test
	void readsEveryThreatFound() {
		Clamd.Reply reply = Clamd.Reply.parse("stream: Eicar-Test-Signature.UNOFFICIAL FOUND\nstream: Win.Test.Other FOUND");
		assertThat(reply.clean()).isFalse();
		assertThat(reply.threats()).containsExactly("Eicar-Test-Signature.UNOFFICIAL", "Win.Test.Other");
	}

	@Test
	void takesAnErrorForNoVerdictAtAll() {
		assertThatThrownBy(() -> Clamd.Reply.parse("INSTREAM size limit exceeded. ERROR"))
			.isInstanceOf(Clamd.EngineFailure.class);
		assertThatThrownBy(() -> Clamd.Reply.parse("")).isInstanceOf(Clamd.EngineFailure.class);
	}

	@Test
	void splitsTheVersionIntoEngineAndSignatures() {
		Engine.Versions versions = Engine.Versions.parse("ClamAV 1.4.3/27480/Mon Dec  1 09:35:02 2026");
		assertThat(versions.engine()).isEqualTo("ClamAV 1.4.3");
		assertThat(versions.signatures()).isEqualTo("27480/Mon Dec 1 09:35:02 2026");
		assertThat(Engine.Versions.parse("ClamAV 1.4.3")).isEqualTo(new Engine.Versions("ClamAV 1.4.3", ""));
	}

	@Test
	void readsTcpAndUnixAddresses() {
		assertThat(ClamdAddress.parse("tcp://127.0.0.1:3310").socketAddress())
			.isEqualTo(new InetSocketAddress("127.0.0.1", 3310));
		assertThat(ClamdAddress.parse("unix:/run/clamav/clamd.ctl").socketAddress())
			.isEqualTo(UnixDomainSocketAddress.of("/run/clamav/clamd.ctl"));
		assertThat(ClamdAddress.parse("tcp://127.0.0.1:3310")).hasToString("tcp://127.0.0.1:3310");
		assertThatThrownBy(() -> ClamdAddress.parse("127.0.0.1:3310")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ClamdAddress.parse("tcp://localhost")).isInstanceOf(IllegalArgumentException.class);
	}

}
