package com.partnerline.scanner;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A person's session on the pages (cookies, CSRF token), over a real socket, without redirects followed by default. */
final class PageSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	PageSession(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	PageSession logIn(String email, String password) {
		Matcher csrf = CSRF.matcher(get("/login", "en").body());
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
		HttpResponse<String> done = send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		if (done.uri().getPath().startsWith("/login")) {
			throw new IllegalStateException("log on failed for " + email);
		}
		return this;
	}

	HttpResponse<String> get(String path, String language) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language).GET().build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
