package com.partnerline.tracking;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.eclipse.jetty.http.DateGenerator;

/**
 * The bytes of the redirect lane's answers: the 302 of a recorded click and the 503 of
 * a click that could not be stored. The {@code Date} header is formatted once a second.
 */
final class RedirectResponses {

	static final String REFERRER_POLICY = "no-referrer-when-downgrade";

	private static final String FOUND = "HTTP/1.1 302 Found\r\nDate: ";

	private static final String UNAVAILABLE = "HTTP/1.1 503 Service Unavailable\r\nDate: ";

	private final Clock clock;

	private volatile Stamp date = new Stamp(-1, "");

	private record Stamp(long second, String text) {
	}

	RedirectResponses(Clock clock) {
		this.clock = clock;
	}

	/** The 302 to {@code location}, setting {@code cookie}; closing the connection when the client asked for it. */
	ByteBuffer found(String location, String cookie, boolean close) {
		StringBuilder response = new StringBuilder(256 + location.length() + cookie.length()).append(FOUND)
			.append(date())
			.append("\r\nLocation: ")
			.append(location)
			.append("\r\nCache-Control: no-store\r\nReferrer-Policy: " + REFERRER_POLICY + "\r\nSet-Cookie: ")
			.append(cookie)
			.append("\r\nContent-Length: 0\r\n");
		return end(response, close);
	}

	/** The click could not be stored: no redirect without its click, the client may try again. */
	ByteBuffer unavailable(boolean close) {
		return end(new StringBuilder(128).append(UNAVAILABLE).append(date()).append("\r\nRetry-After: 1\r\nContent-Length: 0\r\n"),
				close);
	}

	private static ByteBuffer end(StringBuilder response, boolean close) {
		if (close) {
			response.append("Connection: close\r\n");
		}
		return ByteBuffer.wrap(response.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
	}

	private String date() {
		long millis = clock.millis();
		Stamp stamp = date;
		if (stamp.second() != millis / 1000) {
			stamp = new Stamp(millis / 1000, DateGenerator.formatDate(millis));
			date = stamp;
		}
		return stamp.text();
	}

}
