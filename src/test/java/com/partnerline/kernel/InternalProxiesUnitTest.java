package com.partnerline.kernel;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InternalProxiesUnitTest {

	@Test
	void theClientIsTheRightmostAddressThatIsNoInternalProxy() {
		assertThat(InternalProxies.client(List.of("6.6.6.6", "203.0.113.7", "10.0.0.2")))
			.as("a forged left part is ignored").contains("203.0.113.7");
		assertThat(InternalProxies.client(List.of("10.0.0.9", "192.168.1.1"))).contains("10.0.0.9");
		assertThat(InternalProxies.client(List.of("2001:DB8:0:0::1", "[::1]"))).contains("2001:db8::1");
		assertThat(InternalProxies.client(List.of("203.0.113.7"))).contains("203.0.113.7");
	}

	@Test
	void onlyAddressLiteralsAreAddressesAndNoNameIsLookedUp() {
		// a name would be looked up by InetAddress.getByName; a host that is not there takes seconds to fail
		long started = System.nanoTime();
		assertThat(InternalProxies.client(List.of("1.1.1.1", "beef.cafe.dead"))).isEmpty();
		assertThat(InternalProxies.client(List.of("unreachable.invalid"))).isEmpty();
		assertThat(System.nanoTime() - started).isLessThan(50_000_000L);
		assertThat(InternalProxies.client(List.of("999.999.999.999"))).as("no address").isEmpty();
		assertThat(InternalProxies.client(List.of("1.1.1.1", "999.999.999.999", "10.0.0.1"))).isEmpty();
		assertThat(InternalProxies.client(List.of("198.51.100.4", "unknown"))).isEmpty();
		assertThat(InternalProxies.client(List.of("beef.cafe.dead", "198.51.100.4"))).contains("198.51.100.4");
	}

	@Test
	void internalAddresses() throws Exception {
		for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.1.1",
				"100.64.0.1", "::1", "fd00::1", "fe80::1")) {
			assertThat(InternalProxies.internal(InetAddress.getByName(address))).as(address).isTrue();
		}
		for (String address : List.of("8.8.8.8", "100.128.0.1", "203.0.113.7", "2001:db8::1")) {
			assertThat(InternalProxies.internal(InetAddress.getByName(address))).as(address).isFalse();
		}
	}

}
