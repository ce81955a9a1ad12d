package com.partnerline.tracking;

import java.util.Optional;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code GET /r/{code}} on Jetty's own HTTP stack, in front of the servlet container:
 * no servlet request, filter chain or session, and no thread waits for the click's
 * commit: the 302 is sent by the click writer's thread when the click's group has
 * committed. Anything else (an unknown code, other methods and paths) goes on to the
 * servlet container, where MVC answers the 404 page ({@link UnknownLinkController}).
 */
class RedirectHandler extends Handler.Wrapper {

	private static final Logger log = LoggerFactory.getLogger(RedirectHandler.class);

	private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");

	private static final HttpField REFERRER_POLICY = new PreEncodedHttpField("Referrer-Policy",
			"no-referrer-when-downgrade");

	private final Redirects redirects;

	RedirectHandler(Redirects redirects) {
		this.redirects = redirects;
	}

	/** Puts the handler in front of the servlet container. */
	@Configuration(proxyBeanMethods = false)
	static class Installation {

		@Bean
		JettyServerCustomizer redirectHandler(Redirects redirects) {
			return server -> {
				RedirectHandler handler = new RedirectHandler(redirects);
				handler.setHandler(server.getHandler());
				server.setHandler(handler);
			};
		}

	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) throws Exception {
		long started = System.nanoTime();
		String method = request.getMethod();
		String code = Redirects.code(request.getHttpURI().getPath());
		Optional<Redirects.Target> target = code == null
				|| !(HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method)) ? Optional.empty()
						: redirects.target(code);
		if (target.isEmpty()) {
			return super.handle(request, response, callback);
		}
		HttpFields headers = request.getHeaders();
		Redirects.Visit visit;
		try {
			visit = redirects.visit(target.get(), Request.getRemoteAddr(request), headers.get(HttpHeader.USER_AGENT),
					headers.get(HttpHeader.REFERER), request.isSecure());
		}
		catch (IllegalStateException ex) {
			unavailable(code, ex, response, callback);
			redirects.answered(started);
			return true;
		}
		visit.recorded().whenComplete((committed, failure) -> {
			redirects.answered(started);
			if (failure != null) {
				unavailable(visit.code(), failure, response, callback);
				return;
			}
			HttpFields.Mutable out = response.getHeaders();
			response.setStatus(HttpStatus.FOUND_302);
			out.put(HttpHeader.LOCATION, visit.location());
			out.put(NO_STORE);
			out.put(REFERRER_POLICY);
			out.add(HttpHeader.SET_COOKIE, visit.cookie());
			out.put(HttpHeader.CONTENT_LENGTH, 0L);
			callback.succeeded();
		});
		return true;
	}

	/** The click could not be stored: no redirect without its click, the client may try again. */
	private static void unavailable(String code, Throwable failure, Response response, Callback callback) {
		log.warn("Click on {} not recorded: {}", code, failure.getMessage());
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
		response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
		callback.succeeded();
	}

}
