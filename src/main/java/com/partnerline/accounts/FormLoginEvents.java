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

	FormLoginEvents(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@EventListener
	void succeeded(InteractiveAuthenticationSuccessEvent event) {
		throttle.succeeded(event.getAuthentication().getName());
	}

}
