package com.partnerline.accounts;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The {@link Caller} of the current request, whether it came with a bearer token or
 * a form login session.
 */
@Component
public class CurrentCaller {

	private final Accounts accounts;

	CurrentCaller(Accounts accounts) {
		this.accounts = accounts;
	}

	public Optional<Caller> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return Optional.empty();
		}
		if (authentication.getPrincipal() instanceof Caller caller) {
			return Optional.of(caller);
		}
		if (authentication.getPrincipal() instanceof org.springframework.security.core.userdetails.UserDetails user) {
			return accounts.findByEmail(user.getUsername()).map(Account::asCaller);
		}
		return Optional.empty();
	}

	/** The caller; 401 when there is none. */
	public Caller require() {
		return get().orElseThrow(() -> com.partnerline.kernel.ApiProblem.unauthorized("problem.unauthenticated"));
	}

}
