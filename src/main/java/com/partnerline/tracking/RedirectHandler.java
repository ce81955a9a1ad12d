package com.partnerline.tracking;

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

/**
 * {@code GET /r/{code}} for the requests that Jetty parses (those the
 * {@link RedirectConnection} hands over, and every request of a TLS connector),
 * answered in front of the servlet container: no servlet request, no filter chain, no
 * session and no thread that waits. The 302 is sent by the click writer's thread when
 * the click's group has committed. Anything else (unknown code, other methods, other
 * paths) goes on to the servlet container, where MVC answers the 404 page.
 */
class RedirectHandler extends Handler.Wrapper {

	private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");

	private static final HttpField REFERRER_POLICY = new PreEncodedHttpField("Referrer-Policy",
			RedirectResponses.REFERRER_POLICY);

	private final Redirects redirects;

	RedirectHandler(Redirects redirects) {
		this.redirects = redirects;
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) throws Exception {
		long started = System.nanoTime();
		String method = request.getMethod();
		String code = Redirects.code(request.getHttpURI().getPath());
		Redirects.Target target = code == null || !(HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method)) ? null
				: redirects.target(code);
		if (target == null) {
			return super.handle(request, response, callback);
		}
		HttpFields headers = request.getHeaders();
		Redirects.Visit visit;
		try {
			visit = redirects.visit(target, Request.getRemoteAddr(request), headers.get(HttpHeader.USER_AGENT),
					headers.get(HttpHeader.REFERER), request.isSecure());
		}
		catch (IllegalStateException ex) {
			unavailable(target.code(), ex, response, callback);
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

	private static void unavailable(String code, Throwable failure, Response response, Callback callback) {
		Redirects.notRecorded(code, failure);
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE_503);
		response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
		callback.succeeded();
	}

}
