package com.partnerline.kernel;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import com.google.common.net.InetAddresses;

import org.jspecify.annotations.Nullable;

/**
 * Which peers are internal proxies whose forwarded headers are believed (loopback,
 * private, link-local, shared or unique-local addresses), and which address of an
 * {@code X-Forwarded-For} chain is the client: the rightmost one that is no internal
 * proxy, since each proxy appends what it saw and only the left part can be forged.
 * Addresses are read as literals only (Guava's {@link InetAddresses}): never a name
 * lookup, and {@code 999.999.999.999} is no address.
 */
public final class InternalProxies {

	private InternalProxies() {
	}

	/**
	 * The rightmost address that is no internal proxy, the leftmost when all are, written
	 * as its canonical literal; empty when an entry up to it is no address literal (the
	 * chain cannot be believed beyond a hop that wrote something else).
	 */
	public static Optional<String> client(List<String> chain) {
		for (int i = chain.size() - 1; i >= 0; i--) {
			InetAddress address = literal(chain.get(i).strip());
			if (address == null) {
				return Optional.empty();
			}
			if (i == 0 || !internal(address)) {
				return Optional.of(InetAddresses.toAddrString(address));
			}
		}
		return Optional.empty();
	}

	public static boolean internal(@Nullable InetAddress address) {
		if (address == null) {
			return false;
		}
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (bytes.length == 4) {
			// 100.64.0.0/10, shared address space of carrier-grade NAT and cluster networks
			return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
		}
		// fc00::/7, unique local addresses
		return (bytes[0] & 0xfe) == 0xfc;
	}

	/** An address written as a literal (IPv6 optionally in brackets); null for anything else. */
	private static @Nullable InetAddress literal(String value) {
		String text = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
		return InetAddresses.isInetAddress(text) ? InetAddresses.forString(text) : null;
	}

}
