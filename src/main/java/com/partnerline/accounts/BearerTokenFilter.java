package com.partnerline.accounts;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer <token>}; the
 * principal is a {@link Caller}. Requests without a valid token pass on
 * unauthenticated and the security rules decide.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

	private final AccountManagement accounts;

	public BearerTokenFilter(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			accounts.resolveToken(header.substring(7).trim()).ifPresent(caller -> {
				var authentication = new UsernamePasswordAuthenticationToken(caller, null,
						List.of(new SimpleGrantedAuthority(caller.role().authority())));
				SecurityContextHolder.getContext().setAuthentication(authentication);
			});
		}
		chain.doFilter(request, response);
	}

}
