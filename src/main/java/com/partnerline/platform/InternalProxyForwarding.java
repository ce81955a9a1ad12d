package com.partnerline.platform;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.jspecify.annotations.Nullable;

/**
 * Honours {@code X-Forwarded-*} and {@code Forwarded} only when the connection comes
 * from an internal proxy (loopback, private, link-local, shared or unique-local
 * addresses): anybody else could make up the client address that login throttling
 * and click counting rely on. Of a chain of {@code X-Forwarded-For} addresses the
 * client is the rightmost one that is not an internal proxy, since each proxy appends
 * what it saw and only the left part can be forged.
 */
final class InternalProxyForwarding implements HttpConfiguration.Customizer {

	private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

	@Override
	public Request customize(Request request, HttpFields.Mutable responseHeaders) {
		if (!(request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress peer)
				|| !internal(peer.getAddress())) {
			return request;
		}
		List<String> chain = request.getHeaders().getCSV(HttpHeader.X_FORWARDED_FOR, false);
		if (chain.size() > 1) {
			HttpFields fields = HttpFields.build(request.getHeaders())
				.put(HttpHeader.X_FORWARDED_FOR, client(chain))
				.asImmutable();
			request = new Request.Wrapper(request) {
				@Override
				public HttpFields getHeaders() {
					return fields;
				}
			};
		}
		return forwarded.customize(request, responseHeaders);
	}

	/** The rightmost address that is no internal proxy; the leftmost when all are. */
	static String client(List<String> chain) {
		for (int i = chain.size() - 1; i > 0; i--) {
			InetAddress address = literal(chain.get(i));
			if (address == null || !internal(address)) {
				return chain.get(i);
			}
		}
		return chain.get(0);
	}

	static boolean internal(@Nullable InetAddress address) {
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
