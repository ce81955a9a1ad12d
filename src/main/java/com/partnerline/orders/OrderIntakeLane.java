package com.partnerline.orders;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import com.partnerline.kernel.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;

/**
 * The fast lane of order intake. Order processors deliver signed notifications at
 * high rates; they carry no session and no bearer token (the signature is their
 * authentication), so the security chain, session store, MVC dispatch and request
 * observations cost them time without doing anything for them. This filter, first
 * in the chain, records an accepted delivery through {@link OrderIntake} and answers
 * it at once. A delivery it does not accept (a bad signature or body, a conflict, any
 * failure) is handed on, with its body, to the regular chain, whose
 * {@link OrderIntakeController} answers it with the full problem details in the
 * caller's language: refusals store nothing and accepted deliveries are idempotent,
 * so handling one a second time answers the same.
 */
class OrderIntakeLane implements Filter {

	private static final Logger log = LoggerFactory.getLogger(OrderIntakeLane.class);

	static final String PREFIX = "/api/v1/vendors/";

	private static final int MAX_BODY = 1 << 20;

	private final OrderIntake intake;

	private final ObjectMapper json;

	OrderIntakeLane(OrderIntake intake, ObjectMapper json) {
		this.intake = intake;
		this.json = json;
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		String[] path = "POST".equals(request.getMethod()) ? path(request) : null;
		if (path == null || request.getContentLengthLong() > MAX_BODY) {
			chain.doFilter(req, res);
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			chain.doFilter(new ReplayedBody(request, body), res);
			return;
		}
		String signature = request.getHeader(ProcessorSignature.HEADER);
		OrderIntake.Answer answer;
		try {
			answer = path.length == 1 ? intake.order(path[0], signature, referralCookie(request), body)
					: intake.refund(path[0], path[1], signature, body);
		}
		catch (ApiProblem refused) {
			chain.doFilter(new ReplayedBody(request, body), res);
			return;
		}
		catch (RuntimeException failed) {
			log.warn("Delivery to {} failed in the fast lane, handing it to the regular chain", request.getRequestURI(),
					failed);
			chain.doFilter(new ReplayedBody(request, body), res);
			return;
		}
		HttpServletResponse response = (HttpServletResponse) res;
		byte[] content = json.writeValueAsBytes(answer.body());
		response.setStatus(answer.status().value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(content.length);
		response.getOutputStream().write(content);
	}

	/**
	 * {@code [vendor]} of {@code /api/v1/vendors/{vendor}/orders}, {@code [vendor, orderId]}
	 * of {@code .../orders/{orderId}/refunds}; null for any other path, and for encoded
	 * ones (the regular chain decodes them).
	 */
	static String @Nullable [] path(HttpServletRequest request) {
		String uri = request.getRequestURI();
		if (!uri.startsWith(PREFIX) || uri.indexOf('%') >= 0 || !request.getContextPath().isEmpty()) {
			return null;
		}
		String[] parts = uri.substring(PREFIX.length()).split("/", -1);
		for (String part : parts) {
			if (part.isEmpty()) {
				return null;
			}
		}
		if (parts.length == 2 && parts[1].equals("orders")) {
			return new String[] { parts[0] };
		}
		if (parts.length == 4 && parts[1].equals("orders") && parts[3].equals("refunds")) {
			return new String[] { parts[0], parts[2] };
		}
		return null;
	}

	private static @Nullable String referralCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if ("pl_ref".equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	/** The request with its body, already read here, to be read again. */
	private static final class ReplayedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReplayedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					// the whole body is in memory: available at once, then all read
					try {
						listener.onDataAvailable();
						listener.onAllDataRead();
					}
					catch (IOException ex) {
						listener.onError(ex);
					}
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
