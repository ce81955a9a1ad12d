package com.partnerline.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser-like session for page tests without a browser: cookies kept, CSRF token taken from the last page. */
public final class PageSession {

	private static final Pattern CSRF = Pattern
		.compile("name=\"_csrf\" content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"");

	public final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	public final String base;

	public String csrf = "";

	public PageSession(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** A session logged on through the login form (302 away from the form, not back to it with an error). */
	public static PageSession login(int port, String email, String password) throws Exception {
		PageSession session = new PageSession(port);
		session.get("/login");
		HttpResponse<String> done = session.post("/login", Map.of("username", email, "password", password));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return session;
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path));
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = client.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
		remember(response.body());
		return response;
	}

	public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
		return post(path, form, Map.of());
	}

	/** Posts the form with the session's CSRF token. */
	public HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers)
			throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&")) + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		remember(response.body());
		return response;
	}

	private void remember(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (matcher.find()) {
			csrf = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
		}
	}

}
