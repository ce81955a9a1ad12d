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

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Two ways in. The JSON API is stateless: bearer tokens (admin or account), no
 * session, no CSRF (no cookie authenticates it), answers in problem+json. The web
 * pages use form login with sessions in PostgreSQL and CSRF tokens on every form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String[] PUBLIC_PAGES = { "/", "/login", "/signup/**", "/confirm", "/password/**", "/programs/**",
			"/r/**", "/material/**", "/feeds/**", "/informer/**", "/scan", "/trial/**", "/.well-known/**", "/dev/mail", "/webjars/**", "/css/**", "/js/**",
			"/images/**", "/favicon.ico", "/error", "/actuator/health/**", "/actuator/scanner", "/actuator/prometheus", "/actuator/info",
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
	SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle, ApplicationContext context) throws Exception {
		return http
			.addFilterBefore(new FormLoginThrottle(throttle), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_PAGES)
				.permitAll()
				.requestMatchers("/console/**")
				.hasAnyRole("PLATFORM_ADMIN", "VENDOR_MANAGER")
				.requestMatchers("/panel/**")
				.hasRole("PARTNER")
				.anyRequest()
				.access(new SignedInOrUnknown(context)))
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

	/**
	 * Any other address needs a signed-in account, unless no page answers it at all:
	 * then everyone gets the 404 page rather than the login page (which would tell a
	 * visitor nothing, and a partner after logging on only a 404 anyway). The page
	 * handlers are looked up lazily, once the web layer is up.
	 */
	static final class SignedInOrUnknown implements AuthorizationManager<RequestAuthorizationContext> {

		private final ApplicationContext context;

		private volatile @Nullable HandlerMapping pages;

		SignedInOrUnknown(ApplicationContext context) {
			this.context = context;
		}

		@Override
		public AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
				RequestAuthorizationContext request) {
			Authentication who = authentication.get();
			boolean signedIn = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
			return new AuthorizationDecision(signedIn || !answered(request.getRequest()));
		}

		private boolean answered(HttpServletRequest request) {
			HandlerMapping mapping = pages;
			if (mapping == null) {
				mapping = context.getBean("requestMappingHandlerMapping", HandlerMapping.class);
				pages = mapping;
			}
			Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
			try {
				if (parsed == null) {
					ServletRequestPathUtils.parseAndCache(request);
				}
				return mapping.getHandler(request) != null;
			}
			catch (Exception ex) {
				// a handler that refuses the method or the media type still answers the address
				return true;
			}
			finally {
				if (parsed == null) {
					ServletRequestPathUtils.clearParsedRequestPath(request);
				}
			}
		}

	}

	private static void problem(HttpServletResponse response, int status, MessageSource messages)
			throws IOException {
		Problems.write(response, messages, LocaleContextHolder.getLocale(), status,
				status == 401 ? "problem.unauthenticated" : "problem.forbidden", List.of());
	}

}
