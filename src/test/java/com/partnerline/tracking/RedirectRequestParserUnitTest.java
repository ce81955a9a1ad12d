package com.partnerline.tracking;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RedirectRequestParserUnitTest {

	private static final String BROWSER = "GET /r/Ab3dEf9h?utm_source=mail HTTP/1.1\r\n" + "Host: go.example.com\r\n"
			+ "user-agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0\r\n" + "Accept: text/html\r\n"
			+ "Referer:   https://blog.example.org/post  \r\n" + "X-Forwarded-For: 203.0.113.9, 10.0.0.1\r\n"
			+ "X-Forwarded-Proto: https\r\n" + "Connection: keep-alive\r\n" + "Content-Length: 0\r\n" + "\r\n";

	static ParsedRequest parse(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
		return RedirectRequestParser.parse(bytes, 0, bytes.length, 8192);
	}

	@Test
	void readsTheRequestOfABrowser() {
		assertThat(parse(BROWSER + "GET /r/next HTTP/1.1\r\n")).isEqualTo(new RedirectRequest("Ab3dEf9h",
				"Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0", "https://blog.example.org/post",
				"203.0.113.9, 10.0.0.1", "https", false, BROWSER.length()));
		String head = "HEAD /r/x HTTP/1.1\r\nHOST: a\r\nConnection: close\r\n\r\n";
		assertThat(parse(head)).isEqualTo(new RedirectRequest("x", null, null, null, null, true, head.length()));
	}

	@Test
	void waitsForMoreBytesAtEveryPointOfAnUnfinishedRequest() {
		for (int length = 0; length < BROWSER.length(); length++) {
			assertThat(parse(BROWSER.substring(0, length))).as("first %d bytes", length)
				.isEqualTo(ParsedRequest.Undecided.INCOMPLETE);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST /r/abc HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n",
			"GET /partner/links HTTP/1.1\r\nHost: a\r\n\r\n", "GET /r/ HTTP/1.1\r\nHost: a\r\n\r\n",
			"GET /r/abcdefghijklmnopq HTTP/1.1\r\nHost: a\r\n\r\n", "GET /r/ab-c HTTP/1.1\r\nHost: a\r\n\r\n",
			"GET /r/abc/x HTTP/1.1\r\nHost: a\r\n\r\n", "GET /r/abc HTTP/1.0\r\nHost: a\r\n\r\n",
			"GET /r/abc HTTP/1.1\r\n\r\n", "GET /r/abc HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
			"GET /r/abc HTTP/1.1\nHost: a\n\n", "GET /r/abc HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",
			"GET /r/abc HTTP/1.1\r\nHost : a\r\n\r\n", "GET /r/abc HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello",
			"GET /r/abc HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
			"GET /r/abc HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n",
			"GET /r/abc HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n",
			"GET /r/abc HTTP/1.1\r\nHost: a\r\nForwarded: for=203.0.113.9\r\n\r\n",
			"GET /r/abc HTTP/1.1\r\nHost: a\r\nUser-Agent: a\r\nUser-Agent: b\r\n\r\n",
			"GET /r/abc HTTP/1.1\r\nHost: a\r\nX-Forwarded-For: 1.1.1.1\r\nX-Forwarded-For: 2.2.2.2\r\n\r\n",
			"GET /r/abc HTTP/1.1\r\nHost: a\r\nUser-Agent: caf\u00e9\r\n\r\n", "GET /r/abc\u00e9 HTTP/1.1\r\nHost: a\r\n\r\n",
			"GET  /r/abc HTTP/1.1\r\nHost: a\r\n\r\n", "get /r/abc HTTP/1.1\r\nHost: a\r\n\r\n",
			"GET /r/abc?a b HTTP/1.1\r\nHost: a\r\n\r\n", "GET /r/abc HTTP/1.1\r\nHost: a\r\nBad\u0001Name: x\r\n\r\n",
			"GET /r/abc HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" })
	void leavesEverythingElseToJetty(String request) {
		assertThat(parse(request)).isEqualTo(ParsedRequest.Undecided.OTHER);
	}

	@Test
	void leavesRequestsLongerThanAllowedToJetty() {
		String request = "GET /r/abc HTTP/1.1\r\nHost: a\r\nCookie: " + "x".repeat(200) + "\r\n\r\n";
		byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
		assertThat(RedirectRequestParser.parse(bytes, 0, bytes.length, 100)).isEqualTo(ParsedRequest.Undecided.OTHER);
		assertThat(RedirectRequestParser.parse(bytes, 0, 100, 100)).isEqualTo(ParsedRequest.Undecided.OTHER);
		assertThat(RedirectRequestParser.parse(bytes, 0, 99, 100)).isEqualTo(ParsedRequest.Undecided.INCOMPLETE);
	}

	@Test
	void readsTheRequestWhereItStartsInTheBuffer() {
		String request = "GET /r/abc HTTP/1.1\r\nHost: a\r\n\r\n";
		byte[] bytes = ("xxxx" + request + "GET").getBytes(StandardCharsets.US_ASCII);
		assertThat(RedirectRequestParser.parse(bytes, 4, bytes.length, 8192))
			.isEqualTo(new RedirectRequest("abc", null, null, null, null, false, request.length()));
	}

}
