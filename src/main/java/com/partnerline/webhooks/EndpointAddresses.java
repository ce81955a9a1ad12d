package com.partnerline.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.InternalProxies;

import org.springframework.stereotype.Component;

/**
 * Keeps webhooks off the platform's own network (server-side request forgery): an
 * endpoint's host must resolve only to public addresses, unless private ones are allowed.
 * Checked when the endpoint is registered and again, after resolving the name, right
 * before every delivery, so a name that later points to 127.0.0.1 or 10.x reaches
 * nothing. The JDK keeps a resolved name for 30 seconds, so the connection that follows
 * the check uses the addresses that were checked.
 */
@Component
class EndpointAddresses {

	private final WebhookSettings settings;

	EndpointAddresses(WebhookSettings settings) {
		this.settings = settings;
	}

	/**
	 * The endpoint's URL, checked for registration.
	 * @throws ApiProblem 422 naming {@code url} when it is no http(s) URL, does not resolve,
	 * or reaches a loopback, private, link-local or otherwise internal address
	 */
	URI checkForRegistration(String url) {
		URI uri = parse(url);
		try {
			checkResolved(uri.getHost());
		}
		catch (UnknownHostException ex) {
			throw ApiProblem.invalidField("url", "webhooks.urlUnresolvable");
		}
		catch (PrivateAddress ex) {
			throw ApiProblem.invalidField("url", "webhooks.urlPrivate");
		}
		return uri;
	}

	/** Resolves the host and refuses it when any of its addresses is internal. */
	void checkResolved(String host) throws UnknownHostException, PrivateAddress {
		if (settings.allowPrivate()) {
			return;
		}
		InetAddress[] addresses = InetAddress.getAllByName(host);
		for (InetAddress address : addresses) {
			if (internal(address)) {
				throw new PrivateAddress(host + " resolves to " + address.getHostAddress());
			}
		}
	}

	static boolean internal(InetAddress address) {
		if (InternalProxies.internal(address) || address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		if (address instanceof Inet6Address) {
			byte[] b = address.getAddress();
			// IPv4-compatible (::a.b.c.d), 6to4 and NAT64 forms that may lead to an internal IPv4 address
			boolean compatible = true;
			for (int i = 0; i < 12; i++) {
				compatible &= b[i] == 0;
			}
			if (compatible) {
				return true;
			}
			if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
				return true;
			}
			if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
				return true;
			}
		}
		else {
			int first = address.getAddress()[0] & 0xff;
			// 0.0.0.0/8 ("this network"); 240.0.0.0/4 and broadcast
			return first == 0 || first >= 240;
		}
		return false;
	}

	static URI parse(String url) {
		if (url.isBlank()) {
			throw ApiProblem.invalidField("url", "validation.required");
		}
		if (url.length() > 2000) {
			throw ApiProblem.invalidField("url", "webhooks.urlInvalid");
		}
		try {
			URI uri = new URI(url.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
					|| uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
				throw ApiProblem.invalidField("url", "webhooks.urlInvalid");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw ApiProblem.invalidField("url", "webhooks.urlInvalid");
		}
	}

	/** The host resolved to an address webhooks may not reach. */
	static final class PrivateAddress extends Exception {

		PrivateAddress(String message) {
			super(message);
		}

	}

}
