package com.partnerline.partners;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links for mails: the address the request came in on (behind a proxy, its
 * forwarded host), else {@code partnerline.public-url}.
 */
@Component
class Links {

	private final String publicUrl;

	Links(@Value("${partnerline.public-url:http://localhost:8080}") String publicUrl) {
		this.publicUrl = publicUrl;
	}

	String to(String path) {
		String base = RequestContextHolder.getRequestAttributes() != null
				? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : publicUrl;
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
