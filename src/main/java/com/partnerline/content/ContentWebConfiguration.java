package com.partnerline.content;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The feeds, the informer and the public item pages: anonymous and stateless (no
 * session is read or made, no CSRF token: nothing here acts for a user), so a reader
 * costs no session lookup. The informer's iframe page may be framed by any site;
 * scripts stay limited to the app's own files.
 */
@Configuration(proxyBeanMethods = false)
class ContentWebConfiguration {

	static final String FRAMEABLE_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors *";

	@Bean
	@Order(0)
	SecurityFilterChain contentPublic(HttpSecurity http) throws Exception {
		return http.securityMatcher("/feeds/**", "/informer/**", "/content/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.securityContextRepository(
					new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.frameOptions(frame -> frame.disable())
				.addHeaderWriter(new StaticHeadersWriter("Content-Security-Policy", FRAMEABLE_POLICY)))
			.build();
	}

}
