package com.partnerline.tracking;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.HttpConnectionFactory;

import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Serves {@code /r/{code}} in front of everything else: plain HTTP/1.1 connectors
 * start every connection in the {@link RedirectConnection} lane, and the
 * {@link RedirectHandler} in front of the servlet container answers the redirects of
 * the connections Jetty parses.
 */
@Configuration(proxyBeanMethods = false)
class RedirectConfiguration {

	@Bean
	JettyServerCustomizer redirectLane(RedirectReads reads, ClickWriter writer, ClickIdentity identity, Clock clock,
			MeterRegistry meters) {
		return server -> {
			Redirects redirects = new Redirects(reads, writer, identity, clock, meters);
			RedirectHandler handler = new RedirectHandler(redirects);
			handler.setHandler(server.getHandler());
			server.setHandler(handler);
			for (var connector : server.getConnectors()) {
				if (connector instanceof AbstractConnector plain
						&& plain.getDefaultConnectionFactory() instanceof HttpConnectionFactory http
						&& HttpVersion.HTTP_1_1.is(plain.getDefaultProtocol())) {
					var lane = new RedirectConnection.Factory(redirects, new RedirectResponses(clock),
							// a request Jetty takes over must fit its buffer
							Math.min(http.getHttpConfiguration().getRequestHeaderSize(), http.getInputBufferSize()));
					plain.addFirstConnectionFactory(lane);
					plain.setDefaultProtocol(lane.getProtocol());
				}
			}
		};
	}

}
