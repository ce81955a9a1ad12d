package com.partnerline.platform;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

import com.partnerline.kernel.InternalProxies;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Honours {@code X-Forwarded-*} and {@code Forwarded} only when the connection comes
 * from an internal proxy (loopback, private, link-local, shared or unique-local
 * addresses): anybody else could make up the client address that login throttling
 * and click counting rely on. Of a chain of {@code X-Forwarded-For} addresses the
 * client is the rightmost one that is not an internal proxy, since each proxy appends
 * what it saw and only the left part can be forged; a chain without an address literal
 * where the client should be leaves the proxy's own address as the client's.
 */
final class InternalProxyForwarding implements HttpConfiguration.Customizer {

	private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

	@Override
	public Request customize(Request request, HttpFields.Mutable responseHeaders) {
		if (!(request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress peer)
				|| !InternalProxies.internal(peer.getAddress())) {
			return request;
		}
		List<String> chain = request.getHeaders().getCSV(HttpHeader.X_FORWARDED_FOR, false);
		if (!chain.isEmpty()) {
			// Jetty gets the client as one address literal, or no client when the chain holds none
			Optional<String> client = InternalProxies.client(chain);
			HttpFields.Mutable rewritten = HttpFields.build(request.getHeaders()).remove(HttpHeader.X_FORWARDED_FOR);
			client.ifPresent(address -> rewritten.put(HttpHeader.X_FORWARDED_FOR, address));
			HttpFields fields = rewritten.asImmutable();
			request = new Request.Wrapper(request) {
				@Override
				public HttpFields getHeaders() {
					return fields;
				}
			};
		}
		return forwarded.customize(request, responseHeaders);
	}

}
