package com.partnerline.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for black-box tests of the JSON API, over a real socket:
 * {@code api.as(token).put("/api/v1/...", json)}.
 */
public final class Api {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String baseUrl;

	private final Map<String, String> headers;

	public Api(String baseUrl) {
		this(baseUrl, Map.of());
	}

	private Api(String baseUrl, Map<String, String> headers) {
		this.baseUrl = baseUrl;
		this.headers = headers;
	}

	/** The same client sending {@code Authorization: Bearer <token>}. */
	public Api as(String token) {
		return header("Authorization", "Bearer " + token);
	}

	public Api header(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(headers);
		copy.put(name, value);
		return new Api(baseUrl, copy);
	}

	public Response get(String path) {
		return send("GET", path, null, null);
	}

	public Response post(String path, Object body) {
		return send("POST", path, body, "application/json");
	}

	public Response put(String path, Object body) {
		return send("PUT", path, body, "application/json");
	}

	public Response delete(String path) {
		return send("DELETE", path, null, null);
	}

	/** Sends {@code body} as it is when it is a String (raw JSON, CSV, ...), else as JSON. */
	public Response send(String method, String path, Object body, String contentType) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
		headers.forEach(request::header);
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
			request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(text));
		}
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		/** The {@code field}s named in a problem's {@code errors}. */
		public java.util.List<String> errorFields() {
			java.util.List<String> fields = new java.util.ArrayList<>();
			json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
			return fields;
		}

		@Override
		public String toString() {
			return status + " " + body;
		}

	}

}
