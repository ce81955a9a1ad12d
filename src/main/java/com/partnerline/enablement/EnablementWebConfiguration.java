package com.partnerline.enablement;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The library's files ({@code /material/**}): anonymous and stateless (no session is
 * read or made, nothing here acts for a user), and frameable by any site, since
 * partners' pages show banners and embed HTML creatives in {@code <iframe sandbox>}.
 * Each answer carries its own sandboxing Content-Security-Policy
 * ({@link MaterialFilesController}), so the pages' policy is not added here.
 */
@Configuration(proxyBeanMethods = false)
class EnablementWebConfiguration {

	@Bean
	@Order(0)
	SecurityFilterChain materialFiles(HttpSecurity http) throws Exception {
		return http.securityMatcher("/material/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.frameOptions(frame -> frame.disable()))
			.build();
	}

}
