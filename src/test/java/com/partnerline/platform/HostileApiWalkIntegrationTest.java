package com.partnerline.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.partnerline.support.Api;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of {@code /v3/api-docs} with hostile values, as the admin and
 * as a partner: NUL and other control characters, {@code 1e999}, 100 KB strings, far
 * years, values of the wrong type and negative paging, in every path parameter, query
 * parameter and body property. No answer may be a 5xx, and every 4xx must be a
 * problem+json with a {@code type}. The operations act on a vendor and partner of
 * their own, from an address of their own (login throttling counts by address).
 */
class HostileApiWalkIntegrationTest extends IntegrationTest {

	private static final String LONG = "x".repeat(100_000);

	/** Hostile values as JSON literals, for bodies. */
	private static final List<String> JSON_VALUES = List.of("\"a\\u0000b\"", "\"a\\u0007b\\u001b[31m\"", "1e999", "-1e999",
			"1e-999", "99999999999999999999999999", "-1", "\"" + LONG + "\"", "\"+999999999-12-31T23:59:59Z\"",
			"\"10000-01-01\"", "\"+999999999-01\"", "true", "[]", "{}", "null");

	/** Hostile values as text, for path and query parameters (encoded when sent). */
	private static final List<String> TEXT_VALUES = List.of("a\u0000b", "a\u0007b", "1e999", "-1", LONG.substring(0, 4_000),
			"+999999999-01", "10000-01", "..%2F..%2F", "%00", "not-a-number", "");

	private final List<String> failures = new ArrayList<>();

	private int requests;

	/** The server's limit of a JSON body ({@code partnerline.http.max-json}). */
	private static final int JSON_LIMIT = 256 * 1024;

	@Test
	void noOperationAnswersHostileValuesWithA5xxOrWithoutAProblem() {
		var vendor = newVendor();
		var partner = newPartner(vendor);
		String address = "198.19." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250 + 1);
		Map<String, Api> callers = new LinkedHashMap<>();
		callers.put("admin", admin.header("X-Forwarded-For", address));
		callers.put("partner", partner.api().header("X-Forwarded-For", address));
		callers.put("anonymous", api.header("X-Forwarded-For", address));

		JsonNode docs = api.get("/v3/api-docs").json();
		int operations = 0;
		for (var path : docs.path("paths").properties()) {
			for (var operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
				if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
					continue;
				}
				operations++;
				walk(callers, docs, path.getKey(), method, operation.getValue(), vendor.slug());
			}
		}
		assertThat(operations).as("operations in /v3/api-docs").isGreaterThan(25);
		assertThat(requests).isGreaterThan(1_000);
		assertThat(failures).as(failures.size() + " of " + requests + " answers broke the contract").isEmpty();
	}

	private void walk(Map<String, Api> callers, JsonNode docs, String template, String method, JsonNode operation,
			String vendor) {
		List<String> pathParameters = new ArrayList<>();
		List<String> queryParameters = new ArrayList<>();
		for (JsonNode parameter : operation.path("parameters")) {
			if ("path".equals(parameter.path("in").asString())) {
				pathParameters.add(parameter.path("name").asString());
			}
			else if ("query".equals(parameter.path("in").asString())) {
				queryParameters.add(parameter.path("name").asString());
			}
		}
		List<String> properties = bodyProperties(docs, operation);
		String fine = fill(template, pathParameters, null, null, vendor);

		for (var entry : callers.entrySet()) {
			Api caller = entry.getValue();
			// each caller walks what it may reach; elsewhere it is refused before any value is looked at
			if (template.startsWith("/api/v1/admin/") && !"admin".equals(entry.getKey())
					|| template.startsWith("/api/v1/partner/") && !"partner".equals(entry.getKey())
					|| !template.startsWith("/api/v1/admin/") && !template.startsWith("/api/v1/partner/")
							&& !"anonymous".equals(entry.getKey())) {
				continue;
			}
			// each path parameter hostile in turn
			for (String name : pathParameters) {
				for (String value : TEXT_VALUES) {
					check(caller, method, fill(template, pathParameters, name, value, vendor), body(properties, "\"x\""));
				}
			}
			// each query parameter hostile in turn, and negative or absurd paging
			for (String name : queryParameters) {
				for (String value : TEXT_VALUES) {
					check(caller, method, fine + "?" + name + "=" + encode(value), body(properties, "\"x\""));
				}
			}
			check(caller, method, fine + "?page=-1&size=-1", body(properties, "\"x\""));
			check(caller, method, fine + "?page=1e999&size=99999999999", body(properties, "\"x\""));
			if (!"GET".equals(method) && !"DELETE".equals(method)) {
				// every property hostile at once, then each one alone with sensible others
				for (String value : JSON_VALUES) {
					check(caller, method, fine, body(properties, value));
				}
				for (String property : properties) {
					for (String value : JSON_VALUES) {
						Map<String, String> one = new LinkedHashMap<>();
						properties.forEach(other -> one.put(other, "\"x\""));
						one.put(property, value);
						check(caller, method, fine, json(one));
					}
				}
				for (String raw : List.of("", "null", "[", "{\"a\":", "\"\\u0000\"", "[1,2,3]", "{}", "1e999")) {
					check(caller, method, fine, raw);
				}
			}
		}
	}

	private void check(Api caller, String method, String path, String body) {
		requests++;
		Api.Response response;
		try {
			response = caller.send(method, path, body, "application/json");
		}
		catch (RuntimeException closed) {
			// the pooled connection may be one the server closed after refusing the request before: once more
			try {
				response = caller.send(method, path, body, "application/json");
			}
			catch (RuntimeException failed) {
				if (body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > JSON_LIMIT) {
					// a body over the JSON limit gets its 413 before it is read, and the connection is closed
					// while this client may still be sending it (HostileConnectionsIntegrationTest reads that
					// answer on a raw socket): a closed connection is the refusal here
					return;
				}
				failures.add(method + " " + abbreviate(path) + " " + abbreviate(body) + " -> no answer: " + failed);
				return;
			}
		}
		int status = response.status();
		if (status >= 500) {
			failures.add(method + " " + abbreviate(path) + " " + abbreviate(body) + " -> " + abbreviate(response.toString()));
		}
		else if (status >= 400) {
			String type = response.header("Content-Type");
			boolean problem = type != null && type.startsWith("application/problem+json")
					&& response.json().path("type").asString().startsWith("https://partnerline.dev/problems/");
			if (!problem) {
				failures.add(method + " " + abbreviate(path) + " " + abbreviate(body) + " -> not a problem: "
						+ abbreviate(response.toString()));
			}
		}
	}

	/** The top-level properties of the operation's JSON body, its schema's {@code $ref} followed. */
	private static List<String> bodyProperties(JsonNode docs, JsonNode operation) {
		JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
		if (schema.has("$ref")) {
			String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
			schema = docs.path("components").path("schemas").path(name);
		}
		List<String> names = new ArrayList<>();
		schema.path("properties").propertyNames().forEach(names::add);
		return names;
	}

	private static String body(List<String> properties, String value) {
		Map<String, String> all = new LinkedHashMap<>();
		properties.forEach(property -> all.put(property, value));
		return json(all);
	}

	private static String json(Map<String, String> literals) {
		StringBuilder json = new StringBuilder("{");
		literals.forEach((name, literal) -> json.append(json.length() > 1 ? "," : "")
			.append('"')
			.append(name)
			.append("\":")
			.append(literal));
		return json.append('}').toString();
	}

	private static String fill(String template, List<String> parameters, String hostile, String value, String vendor) {
		String path = template;
		for (String name : parameters) {
			String replacement = name.equals(hostile) ? encode(value) : sensible(name, vendor);
			path = path.replace("{" + name + "}", replacement);
		}
		return path;
	}

	private static String sensible(String name, String vendor) {
		return switch (name) {
			case "vendor" -> vendor;
			case "month" -> "2026-01";
			case "date" -> "2026-01-15";
			case "currency" -> "EUR";
			case "sku" -> "PROD";
			default -> "x";
		};
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String abbreviate(String text) {
		return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "..." : text;
	}

}
