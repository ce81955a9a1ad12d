package com.partnerline.orders;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The way in of order processors: a security chain of its own for the two notification
 * paths, stateless (no session, no CSRF: no cookie authenticates it), whose
 * authentication is the processor signature. Before a byte of the body is read the
 * content type must be JSON (else 415) and the declared length within the limit (else
 * 413); the body is then read up to the limit (a chunked body that goes beyond it is
 * 413 too) and its signature checked with the vendor's processor secret (else 401).
 * The controller gets the verified body with the vendor as the principal, a
 * {@link SignedDelivery}. Refusals are answered as problem+json by the web layer's
 * problem handler, in the caller's language.
 */
@Configuration(proxyBeanMethods = false)
class OrderIntakeSecurity {

	/** Larger than any real order of up to 1,000 items. */
	static final int MAX_BODY = 1 << 20;

	/** A verified notification: the vendor it was signed for and its raw body. */
	record SignedDelivery(Vendor vendor, byte[] body) {
	}

	@Bean
	@Order(0)
	SecurityFilterChain orderProcessors(HttpSecurity http, CatalogManagement catalog, Clock clock,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver, OrderIntakeController controller)
			throws Exception {
		// refusals are answered as the controller's own would be, by the API's problem handler
		HandlerMethod intake = new HandlerMethod(controller,
				OrderIntakeController.class.getDeclaredMethod("order", SignedDelivery.class, String.class));
		Refusals problems = (request, response, problem) -> resolver.resolveException(request, response, intake,
				problem);
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return http
			.securityMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.POST, "/api/v1/vendors/{vendor}/orders"),
					paths.matcher(HttpMethod.POST, "/api/v1/vendors/{vendor}/orders/{orderId}/refunds")))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new SignatureFilter(catalog, clock, problems), AuthorizationFilter.class)
			.authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ORDER_PROCESSOR"))
			.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, ex) -> problems
				.answer(request, response, ApiProblem.unauthorized("orders.signatureMissing"))))
			.build();
	}

	/** Answers a refusal as problem+json. */
	interface Refusals {

		void answer(HttpServletRequest request, HttpServletResponse response, ApiProblem problem);

	}

	/** Authenticates a notification by its signature; refuses it before reading what it need not read. */
	static final class SignatureFilter extends OncePerRequestFilter {

		private final CatalogManagement catalog;

		private final Clock clock;

		private final Refusals problems;

		/**
		 * Vendors by slug with their processor secret; a rolled secret is in use within 10 s. Read
		 * again in the background, so that no notification waits for it (an expiry made every
		 * request of a busy vendor queue behind one read), and never older than a minute.
		 */
		private final LoadingCache<String, Optional<Signer>> signers;

		SignatureFilter(CatalogManagement catalog, Clock clock, Refusals problems) {
			this.catalog = catalog;
			this.clock = clock;
			this.problems = problems;
			this.signers = Caffeine.newBuilder()
				.maximumSize(10_000)
				.refreshAfterWrite(Duration.ofSeconds(10))
				.expireAfterWrite(Duration.ofMinutes(1))
				.build(slug -> catalog.findVendor(slug)
					.map(vendor -> new Signer(vendor, catalog.processorSecret(vendor.id()))));
		}

		private record Signer(Vendor vendor, String secret) {
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			try {
				SecurityContextHolder.getContext().setAuthentication(authenticate(request));
			}
			catch (ApiProblem refused) {
				problems.answer(request, response, refused);
				return;
			}
			chain.doFilter(request, response);
		}

		private UsernamePasswordAuthenticationToken authenticate(HttpServletRequest request) throws IOException {
			if (!isJson(request.getContentType())) {
				throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "orders.jsonRequired", new Object[0], List.of());
			}
			if (request.getContentLengthLong() > MAX_BODY) {
				throw tooLarge();
			}
			String slug = request.getRequestURI().split("/")[4];
			Signer signer = signers.get(slug).orElseThrow(() -> ApiProblem.notFound("catalog.vendorNotFound", slug));
			byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
			if (body.length > MAX_BODY) {
				throw tooLarge();
			}
			ProcessorSignature.verify(signer.secret(), request.getHeader(ProcessorSignature.HEADER), body,
					clock.instant());
			return UsernamePasswordAuthenticationToken.authenticated(new SignedDelivery(signer.vendor(), body), null,
					List.of(new SimpleGrantedAuthority("ROLE_ORDER_PROCESSOR")));
		}

		private static boolean isJson(String contentType) {
			try {
				return contentType != null && MediaType.APPLICATION_JSON.includes(MediaType.parseMediaType(contentType));
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}

		private static ApiProblem tooLarge() {
			return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "orders.bodyTooLarge", new Object[] { MAX_BODY },
					List.of());
		}

	}

}
