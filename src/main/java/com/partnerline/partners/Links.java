package com.partnerline.partners;

import com.partnerline.kernel.PublicUrl;

import org.springframework.stereotype.Component;

/** Absolute links for mails, always on the configured {@link PublicUrl}, never the request's host. */
@Component
class Links {

	private final PublicUrl publicUrl;

	Links(PublicUrl publicUrl) {
		this.publicUrl = publicUrl;
	}

	String to(String path) {
		return publicUrl.link(path);
	}

}
