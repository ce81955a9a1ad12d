package com.partnerline.tracking;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Parses what the redirect lane answers itself from the bytes of a connection:
 * {@code GET} or {@code HEAD} of {@code /r/{code}} (a query is ignored) in HTTP/1.1,
 * with exactly one {@code Host}, no body, and only plain header lines. Everything else
 * is {@link ParsedRequest.Undecided#OTHER}: Jetty's own parser takes the connection over
 * with the bytes untouched, so anything unusual (other paths, HTTP/1.0, folded or
 * duplicated headers, bodies, upgrades, {@code Forwarded}, oversized headers, bytes
 * outside printable ASCII) is answered exactly as it would have been without this lane.
 * One instance makes one pass over the bytes.
 */
final class RedirectRequestParser {

	private static final byte[] GET = "GET /r/".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] HEAD = "HEAD /r/".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] VERSION = "HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);

	/**
	 * Parses the request at the start of the bytes from {@code from} to {@code to}.
	 * @param maxLength the most bytes a request may have here; a longer one is Jetty's
	 */
	static ParsedRequest parse(byte[] bytes, int from, int to, int maxLength) {
		return new RedirectRequestParser(bytes, from, Math.min(to, from + maxLength), to - from >= maxLength).parse();
	}

	private final byte[] bytes;

	private final int from;

	private final int end;

	private final boolean truncated;

	private int at;

	private int hosts;

	private @Nullable String userAgent;

	private @Nullable String referrer;

	private @Nullable String forwardedFor;

	private @Nullable String forwardedProto;

	private boolean close;

	private boolean other;

	private RedirectRequestParser(byte[] bytes, int from, int end, boolean truncated) {
		this.bytes = bytes;
		this.from = from;
		this.end = end;
		this.truncated = truncated;
		this.at = from;
	}

	private ParsedRequest parse() {
		int method = literal(GET);
		if (method < 0) {
			at = from;
			method = literal(HEAD);
		}
		if (method <= 0) {
			return method == 0 ? ParsedRequest.Undecided.INCOMPLETE : ParsedRequest.Undecided.OTHER;
		}
		int codeStart = at;
		while (at < end && Redirects.isCodeChar(bytes[at])) {
			at++;
		}
		int codeLength = at - codeStart;
		if (at < end && (codeLength == 0 || codeLength > Redirects.MAX_CODE_LENGTH)) {
			return ParsedRequest.Undecided.OTHER;
		}
		if (at < end && bytes[at] == '?') {
			do {
				at++;
			}
			while (at < end && bytes[at] > ' ' && bytes[at] < 0x7f);
		}
		if (at == end) {
			return incomplete();
		}
		if (bytes[at++] != ' ') {
			return ParsedRequest.Undecided.OTHER;
		}
		int version = literal(VERSION);
		if (version <= 0) {
			return version == 0 ? incomplete() : ParsedRequest.Undecided.OTHER;
		}
		String code = new String(bytes, codeStart, codeLength, StandardCharsets.US_ASCII);
		while (true) {
			if (end - at < 2) {
				return incomplete();
			}
			if (bytes[at] == '\r') {
				if (bytes[at + 1] != '\n') {
					return ParsedRequest.Undecided.OTHER;
				}
				at += 2;
				break;
			}
			ParsedRequest line = headerLine();
			if (line != null) {
				return line;
			}
			if (other) {
				return ParsedRequest.Undecided.OTHER;
			}
		}
		if (hosts != 1) {
			return ParsedRequest.Undecided.OTHER;
		}
		return new RedirectRequest(code, userAgent, referrer, forwardedFor, forwardedProto, close, at - from);
	}

	/** Reads one header line; null when it was read, else what the request is. */
	private @Nullable ParsedRequest headerLine() {
		int nameStart = at;
		while (at < end && isTokenChar(bytes[at])) {
			at++;
		}
		if (at == end) {
			return incomplete();
		}
		if (bytes[at] != ':' || at == nameStart) {
			return ParsedRequest.Undecided.OTHER;
		}
		int nameEnd = at++;
		while (at < end && (bytes[at] == ' ' || bytes[at] == '\t')) {
			at++;
		}
		int valueStart = at;
		while (at < end && (bytes[at] >= ' ' && bytes[at] < 0x7f || bytes[at] == '\t')) {
			at++;
		}
		if (end - at < 2) {
			return incomplete();
		}
		if (bytes[at] != '\r' || bytes[at + 1] != '\n') {
			return ParsedRequest.Undecided.OTHER;
		}
		int valueEnd = at;
		while (valueEnd > valueStart && (bytes[valueEnd - 1] == ' ' || bytes[valueEnd - 1] == '\t')) {
			valueEnd--;
		}
		at += 2;
		header(nameStart, nameEnd, valueStart, valueEnd);
		return null;
	}

	private void header(int nameStart, int nameEnd, int valueStart, int valueEnd) {
		if (is("host", nameStart, nameEnd)) {
			hosts++;
		}
		else if (is("user-agent", nameStart, nameEnd)) {
			userAgent = single(userAgent, valueStart, valueEnd);
		}
		else if (is("referer", nameStart, nameEnd)) {
			referrer = single(referrer, valueStart, valueEnd);
		}
		else if (is("x-forwarded-for", nameStart, nameEnd)) {
			forwardedFor = single(forwardedFor, valueStart, valueEnd);
		}
		else if (is("x-forwarded-proto", nameStart, nameEnd)) {
			forwardedProto = single(forwardedProto, valueStart, valueEnd);
		}
		else if (is("connection", nameStart, nameEnd)) {
			connection(value(valueStart, valueEnd));
		}
		else if (is("content-length", nameStart, nameEnd)) {
			other |= !(valueEnd - valueStart == 1 && bytes[valueStart] == '0');
		}
		else if (is("transfer-encoding", nameStart, nameEnd) || is("upgrade", nameStart, nameEnd)
				|| is("expect", nameStart, nameEnd) || is("forwarded", nameStart, nameEnd)
				|| is("http2-settings", nameStart, nameEnd)) {
			other = true;
		}
	}

	private void connection(String value) {
		for (String token : value.split(",", -1)) {
			String option = token.strip();
			if (option.equalsIgnoreCase("close")) {
				close = true;
			}
			else if (!option.equalsIgnoreCase("keep-alive")) {
				other = true;
			}
		}
	}

	/** 1 when the bytes at {@link #at} are {@code literal} (and moves past it), 0 when they are a prefix of it, -1 else. */
	private int literal(byte[] literal) {
		for (int i = 0; i < literal.length; i++) {
			if (at + i == end) {
				return truncated ? -1 : 0;
			}
			if (bytes[at + i] != literal[i]) {
				return -1;
			}
		}
		at += literal.length;
		return 1;
	}

	/** More bytes may make a request for this lane, unless the request is already longer than allowed. */
	private ParsedRequest incomplete() {
		return truncated ? ParsedRequest.Undecided.OTHER : ParsedRequest.Undecided.INCOMPLETE;
	}

	private boolean is(String lowerCaseName, int nameStart, int nameEnd) {
		if (nameEnd - nameStart != lowerCaseName.length()) {
			return false;
		}
		for (int i = 0; i < lowerCaseName.length(); i++) {
			int c = bytes[nameStart + i];
			if ((c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) != lowerCaseName.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** The value of a header that may appear once: a second one is Jetty's to judge. */
	private String single(@Nullable String earlier, int start, int end) {
		other |= earlier != null;
		return value(start, end);
	}

	private String value(int start, int end) {
		return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
	}

	private static boolean isTokenChar(byte c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
				|| c == '!' || c == '#' || c == '$' || c == '%' || c == '&' || c == '\'' || c == '*' || c == '+'
				|| c == '.' || c == '^' || c == '`' || c == '|' || c == '~';
	}

}
