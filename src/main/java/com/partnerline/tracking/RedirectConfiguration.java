package com.partnerline.tracking;

import java.time.Clock;

import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the {@link RedirectHandler} in front of the servlet container, so that
 * {@code /r/{code}} never reaches the servlet layer.
 */
@Configuration(proxyBeanMethods = false)
class RedirectConfiguration {

	@Bean
	JettyServerCustomizer redirectHandler(TrackingStore store, TrackingManagement tracking, ClickWriter writer,
			ClickIdentity identity, Clock clock) {
		return server -> {
			RedirectHandler redirects = new RedirectHandler(store, tracking, writer, identity, clock);
			redirects.setHandler(server.getHandler());
			server.setHandler(redirects);
		};
	}

}
