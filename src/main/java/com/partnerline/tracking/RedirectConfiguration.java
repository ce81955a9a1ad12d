package com.partnerline.tracking;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the redirect filter in front of every other filter, for {@code /r/*} only. */
@Configuration(proxyBeanMethods = false)
class RedirectConfiguration {

	@Bean
	FilterRegistrationBean<RedirectFilter> redirectFilter(TrackingStore store, TrackingManagement tracking,
			ClickWriter writer, ClickIdentity identity, Clock clock) {
		FilterRegistrationBean<RedirectFilter> registration = new FilterRegistrationBean<>(
				new RedirectFilter(store, tracking, writer, identity, clock));
		registration.addUrlPatterns("/r/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setName("trackingRedirect");
		return registration;
	}

}
