package com.partnerline.kernel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which peers are internal proxies whose forwarded headers are believed (loopback,
 * private, link-local, shared or unique-local addresses), and which address of an
 * {@code X-Forwarded-For} chain is the client: the rightmost one that is no internal
 * proxy, since each proxy appends what it saw and only the left part can be forged.
 */
public final class InternalProxies {

	private InternalProxies() {
	}

	/** The rightmost address that is no internal proxy; the leftmost when all are. */
	public static String client(List<String> chain) {
		for (int i = chain.size() - 1; i > 0; i--) {
			InetAddress address = literal(chain.get(i));
			if (address == null || !internal(address)) {
				return chain.get(i);
			}
		}
		return chain.get(0);
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

	/** An address written as a literal; null for anything else (never a name lookup). */
	private static @Nullable InetAddress literal(String value) {
		String text = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
		if (text.isEmpty() || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
			return null;
		}
		try {
			return InetAddress.getByName(text);
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
