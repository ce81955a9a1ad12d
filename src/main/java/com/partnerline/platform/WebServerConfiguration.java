package com.partnerline.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/**
 * The embedded web server is Jetty (ADR 0008): its request handling is lighter than
 * Tomcat's, and it lets the redirect hot path answer without holding a thread.
 * Forwarded headers are honoured from internal proxies only.
 *
 * <p>Hostile clients (ADR 0015): no body larger than {@code partnerline.http.max-body}
 * gets in at all (413 from {@code Content-Length} before reading, and while a chunked
 * body streams); a body is read into memory by Jetty, without a thread, before the
 * request is handed to one, up to the limit of its kind ({@link BodyLimits}), so a client that sends a byte now and then holds a connection and no thread; a client below
 * {@code partnerline.http.min-body-rate} bytes a second (after {@code partnerline.http.body-grace})
 * or silent for {@code partnerline.http.idle-timeout} is dropped. Jetty's own refusals are problems like every other error.
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

	/** The response header naming the node that answered, sent when {@code PARTNERLINE_NODE_NAME} is set. */
	static final String NODE_HEADER = "X-Partnerline-Node";

	@Bean
	JettyServerCustomizer internalProxyForwarding(@Value("${partnerline.node-name:}") String nodeName) {
		return server -> {
			for (var connector : server.getConnectors()) {
				for (ConnectionFactory factory : connector.getConnectionFactories()) {
					if (factory instanceof HttpConnectionFactory http) {
						HttpConfiguration configuration = http.getHttpConfiguration();
						configuration.addCustomizer(new InternalProxyForwarding());
						if (!nodeName.isBlank()) {
							// which node answered, behind a load balancer (issue 24): on every answer, the
							// redirect lane in front of the servlet container included
							String name = nodeName.strip();
							configuration.addCustomizer((request, responseHeaders) -> {
								responseHeaders.put(NODE_HEADER, name);
								return request;
							});
						}
						// the Server and X-Powered-By headers tell attackers more than users
						configuration.setSendServerVersion(false);
						configuration.setSendXPoweredBy(false);
					}
				}
			}
		};
	}

	@Bean
	JettyServerCustomizer hostileClientLimits(MessageSource messages, BodyLimits limits,
			@Value("${partnerline.http.max-body}") DataSize maxBody,
			@Value("${partnerline.http.min-body-rate:512}") long minBodyRate,
			@Value("${partnerline.http.body-grace:PT5S}") Duration bodyGrace,
			@Value("${partnerline.http.idle-timeout:PT30S}") Duration idleTimeout) {
		return server -> {
			server.setErrorHandler(new ProblemErrorHandler(messages));
			for (var connector : server.getConnectors()) {
				if (connector instanceof AbstractConnector plain) {
					plain.setIdleTimeout(idleTimeout.toMillis());
				}
				for (ConnectionFactory factory : connector.getConnectionFactories()) {
					if (factory instanceof HttpConnectionFactory http) {
						http.getHttpConfiguration().setIdleTimeout(idleTimeout.toMillis());
					}
				}
			}
			// Bodies are gathered without a thread before the request is handed to one. A body declared larger
			// goes on at once, to be refused by its Content-Length (RequestLimits), and so do multipart
			// uploads, which have limits of their own and are read in a thread.
			var eager = new EagerContentHandler(server.getHandler(),
					new EagerContentHandler.RetainedContentLoaderFactory(limits.largestDocument(), -1, true));
			eager.exclude((Predicate<Request>) request -> {
				long limit = limits.forType(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
				return limit == BodyLimits.UPLOAD || request.getLength() > limit;
			});
			var limit = new SizeLimitHandler(maxBody.toBytes(), -1);
			limit.setHandler(new MinimumBodyRate(eager, minBodyRate, bodyGrace));
			server.setHandler(limit);
		};
	}

	/**
	 * Answers what Jetty refuses itself (a malformed request line or address, an
	 * ambiguous path, a body over the server's limit) with a problem instead of its
	 * HTML page, in the language the client asks for.
	 */
	static final class ProblemErrorHandler extends ErrorHandler {

		private final MessageSource messages;

		ProblemErrorHandler(MessageSource messages) {
			this.messages = messages;
		}

		/** Every method gets its problem; Jetty's own page answers GET, POST and HEAD only. */
		@Override
		public boolean errorPageForMethod(String method) {
			return true;
		}

		@Override
		protected void generateResponse(Request request, Response response, int code, @Nullable String message,
				@Nullable Throwable cause, Callback callback) throws IOException {
			int status = code >= 400 && code <= 599 ? code : 500;
			byte[] body = Problems.json(messages, Problems.language(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE)),
					status, "problem.detail." + status, List.of());
			response.getHeaders().put(HttpHeader.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
			response.write(true, ByteBuffer.wrap(body), callback);
		}

		@Override
		public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
			int code = status >= 400 && status <= 599 ? status : 400;
			fields.put(HttpHeader.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			return ByteBuffer.wrap(Problems.json(messages, java.util.Locale.ENGLISH, code, "problem.detail." + code,
					List.of()));
		}

	}

}
