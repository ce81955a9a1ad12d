package com.partnerline.platform;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What the top navigation of templates/fragments/layout.html needs on every page:
 * the path shown ({@code navPath}, to mark the current entry) and the vendor the
 * page is about ({@code navVendor}, the {@code {vendor}} of its address), which
 * opens the entries of that vendor's pages.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class NavigationAdvice {

	@ModelAttribute("navPath")
	String navPath(HttpServletRequest request) {
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = failed instanceof String uri ? uri : request.getRequestURI();
		return path == null ? "" : path;
	}

	@ModelAttribute("navVendor")
	@Nullable String navVendor(HttpServletRequest request) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables instanceof Map<?, ?> map && map.get("vendor") instanceof String vendor && !vendor.isBlank()) {
			return vendor;
		}
		return null;
	}

}
