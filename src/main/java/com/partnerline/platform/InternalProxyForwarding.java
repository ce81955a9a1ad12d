package com.partnerline.platform;

import java.net.InetSocketAddress;
import java.util.List;

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
 * what it saw and only the left part can be forged.
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
		if (chain.size() > 1) {
			HttpFields fields = HttpFields.build(request.getHeaders())
				.put(HttpHeader.X_FORWARDED_FOR, InternalProxies.client(chain))
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

}
