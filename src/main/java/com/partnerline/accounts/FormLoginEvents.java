package com.partnerline.accounts;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Feeds form log-ons of the web pages into the {@link LoginThrottle}, as the token endpoint does itself. */
@Component
class FormLoginEvents {

	private final LoginThrottle throttle;

	FormLoginEvents(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
		throttle.failed(String.valueOf(event.getAuthentication().getName()), address);
	}

	@EventListener
	void succeeded(InteractiveAuthenticationSuccessEvent event) {
		throttle.succeeded(event.getAuthentication().getName());
	}

}
