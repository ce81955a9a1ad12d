package com.partnerline.platform;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.partnerline.accounts.AccountManagement;
import com.partnerline.accounts.BearerTokenFilter;
import com.partnerline.accounts.LoginThrottle;
import com.partnerline.kernel.ApiProblem;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two ways in. The JSON API is stateless: bearer tokens (admin or account), no
 * session, no CSRF (no cookie authenticates it), answers in problem+json. The web
 * pages use form login with sessions in PostgreSQL and CSRF tokens on every form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String[] PUBLIC_PAGES = { "/", "/login", "/signup/**", "/confirm", "/password/**", "/programs/**",
			"/r/**", "/feeds/**", "/informer/**", "/scan", "/trial/**", "/.well-known/**", "/dev/mail", "/webjars/**", "/css/**", "/js/**",
			"/images/**", "/favicon.ico", "/error", "/actuator/health/**", "/actuator/prometheus", "/actuator/info",
			"/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**" };

	/**
	 * Scripts only from the app's own files: an injected script tag or handler does not
	 * run. Styles may be inline (attributes the charts set), frames and plugins not at
	 * all, and forms post to the app only.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AccountManagement accounts, MessageSource messages) throws Exception {
		return http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(accounts), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/admin/**")
				.hasAnyRole("PLATFORM_ADMIN", "VENDOR_MANAGER")
				.requestMatchers("/api/v1/partner/**")
				.hasRole("PARTNER")
				.anyRequest()
				.permitAll())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> problem(response, 401, messages))
				.accessDeniedHandler((request, response, ex) -> problem(response, 403, messages)))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle) throws Exception {
		return http
			.addFilterBefore(new FormLoginThrottle(throttle), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_PAGES)
				.permitAll()
				.requestMatchers("/console/**")
				.hasAnyRole("PLATFORM_ADMIN", "VENDOR_MANAGER")
				.requestMatchers("/panel/**")
				.hasRole("PARTNER")
				.anyRequest()
				.authenticated())
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
			.formLogin(form -> form.loginPage("/login").successHandler(new RoleLandingPage()).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/?loggedOut"))
			.build();
	}

	/**
	 * Checks the throttle before the form login checks a password; a refused attempt
	 * goes back to the login page, which explains it. Failures are counted by the
	 * accounts module from Spring Security's events.
	 */
	static final class FormLoginThrottle extends OncePerRequestFilter {

		private final LoginThrottle throttle;

		FormLoginThrottle(LoginThrottle throttle) {
			this.throttle = throttle;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String username = request.getParameter("username");
			if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()) && username != null) {
				try {
					throttle.beforeAttempt(username, request.getRemoteAddr());
				}
				catch (ApiProblem refused) {
					response.sendRedirect(request.getContextPath() + "/login?throttled");
					return;
				}
			}
			chain.doFilter(request, response);
		}

	}

	private static void problem(HttpServletResponse response, int status, MessageSource messages)
			throws IOException {
		Problems.write(response, messages, LocaleContextHolder.getLocale(), status,
				status == 401 ? "problem.unauthenticated" : "problem.forbidden", List.of());
	}

}
