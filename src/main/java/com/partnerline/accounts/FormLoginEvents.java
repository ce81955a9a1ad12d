package com.partnerline.accounts;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Tells the {@link LoginThrottle} of form log-ons of the web pages that succeeded, as
 * the token endpoint does itself; a failed one stays counted as the attempt the
 * platform's form filter reserved before the password was checked.
 */
@Component
class FormLoginEvents {

	private final LoginThrottle throttle;

	private final LogonAddresses addresses;

	FormLoginEvents(LoginThrottle throttle, LogonAddresses addresses) {
		this.throttle = throttle;
		this.addresses = addresses;
	}

	@EventListener
	void succeeded(InteractiveAuthenticationSuccessEvent event) {
		throttle.succeeded(event.getAuthentication().getName());
		if (event.getAuthentication()
			.getDetails() instanceof org.springframework.security.web.authentication.WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			addresses.recordByEmail(event.getAuthentication().getName(), details.getRemoteAddress());
		}
	}

}
