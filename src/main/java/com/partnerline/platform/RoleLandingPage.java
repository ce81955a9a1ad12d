package com.partnerline.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After logging on, partners land in the control panel and vendor staff in the
 * console, unless they were on their way to a page of their own.
 */
class RoleLandingPage extends SavedRequestAwareAuthenticationSuccessHandler {

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, jakarta.servlet.ServletException {
		boolean partner = authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_PARTNER"));
		setDefaultTargetUrl(partner ? "/panel" : "/console");
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
