package com.partnerline.scanner;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The scan endpoint as a servlet of its own (see {@link ScanServlet} for why), and the
 * security of the scanner page, which partners embed in an iframe on their sites.
 */
@Configuration(proxyBeanMethods = false)
class ScannerConfiguration {

	static final String SCAN_PATH = "/api/v1/scan";

	static final String PAGE_PATH = "/scan";

	@Bean
	ServletRegistrationBean<ScanServlet> scanServlet(ScanAdmission admission, Scanner scanner,
			ScannerSettings settings, MessageSource messages, JsonMapper json) {
		ServletRegistrationBean<ScanServlet> registration = new ServletRegistrationBean<>(
				new ScanServlet(admission, scanner, settings, messages, json), SCAN_PATH);
		registration.setName("scanServlet");
		registration.setLoadOnStartup(1);
		// no multipart configuration on purpose: the container must not read the parts itself
		return registration;
	}

	/**
	 * The scanner page may be framed by any site: partners embed it on their own sites,
	 * which the platform does not know in advance. Framing grants nothing to the framing
	 * site: the page is anonymous and stateless (no session, no form but the upload,
	 * which goes to the equally anonymous scan API), so there is nothing to click-jack.
	 * Every other page keeps {@code X-Frame-Options: DENY}.
	 */
	/**
	 * The pages' Content-Security-Policy (scripts from the app's own files only), but
	 * with any site allowed to frame the page.
	 */
	static final String FRAMEABLE_PAGE_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors *";

	@Bean
	@Order(0)
	SecurityFilterChain scannerPage(HttpSecurity http) throws Exception {
		return http.securityMatcher(PAGE_PATH)
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.frameOptions(frame -> frame.disable())
				.addHeaderWriter(new StaticHeadersWriter("Content-Security-Policy", FRAMEABLE_PAGE_POLICY)))
			.build();
	}

}
