package com.partnerline.platform;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.partnerline.kernel.FieldProblem;

import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What each request may bring, checked before anything reads it. The body limit
 * depends on what the body is ({@link BodyLimits}). A declared
 * {@code Content-Length} over the limit is refused with 413 before a byte is read; a
 * chunked body is counted as it is read and refused when it passes the limit. Query
 * parameters with control characters are refused with 400 naming the parameter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLimits extends OncePerRequestFilter {

	private final MessageSource messages;

	private final BodyLimits limits;

	RequestLimits(MessageSource messages, BodyLimits limits) {
		this.messages = messages;
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<FieldProblem> badParameters = badParameters(request.getQueryString());
		if (!badParameters.isEmpty()) {
			Problems.write(response, messages, language(request), 400, "problem.badValues", badParameters);
			return;
		}
		long limit = limits.forType(request.getContentType());
		if (limit == BodyLimits.UPLOAD) {
			if (servedBySpringMvc(request) && request.getContentLengthLong() > limits.maxMultipart()) {
				refuse(request, response);
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > limit) {
			refuse(request, response);
			return;
		}
		try {
			chain.doFilter(new LimitedBody(request, limit), response);
		}
		catch (ServletException | RuntimeException failure) {
			// a body over the limit, found while a converter read it, however deep it was wrapped
			if (tooLarge(failure) && !response.isCommitted()) {
				response.resetBuffer();
				refuse(request, response);
				return;
			}
			throw failure;
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("Connection", "close");
		Problems.write(response, messages, language(request), 413, "problem.detail.413", List.of());
	}

	private static boolean servedBySpringMvc(HttpServletRequest request) {
		return DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME
			.equals(request.getHttpServletMapping().getServletName());
	}

	private static Locale language(HttpServletRequest request) {
		return Problems.language(request.getHeader("Accept-Language"));
	}

	static boolean tooLarge(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLarge) {
				return true;
			}
		}
		return false;
	}

	private static List<FieldProblem> badParameters(String query) {
		if (query == null || query.isEmpty()) {
			return List.of();
		}
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, List<String>> parameters = UriComponentsBuilder.newInstance().query(query).build().getQueryParams();
		parameters.forEach((name, values) -> {
			String decodedName = decode(name);
			if (decodedName == null || HostileValues.inText(decodedName) != null) {
				problems.add(new FieldProblem("query", "validation.controlCharacter"));
				return;
			}
			for (String value : values) {
				String decoded = value == null ? "" : decode(value);
				if (decoded == null || HostileValues.inText(decoded) != null) {
					problems.add(new FieldProblem(decodedName, "validation.controlCharacter"));
					return;
				}
			}
		});
		return problems;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException malformed) {
			return null;
		}
	}

	/** Thrown by a body read past its limit. */
	static final class BodyTooLarge extends IOException {

		BodyTooLarge() {
			super("request body over its limit");
		}

	}

	private static final class LimitedBody extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream body;

		LimitedBody(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (body == null) {
				body = new CountingInput(super.getInputStream(), limit);
			}
			return body;
		}

	}

	private static final class CountingInput extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long count;

		CountingInput(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) throws BodyTooLarge {
			count += n;
			if (count > limit) {
				throw new BodyTooLarge();
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
