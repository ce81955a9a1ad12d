package com.partnerline.platform;

import com.partnerline.kernel.PublicUrl;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link PublicUrl} every module builds its absolute links from. */
@Configuration(proxyBeanMethods = false)
class PublicUrlConfiguration {

	@Bean
	PublicUrl publicUrl(@Value("${partnerline.public-url}") String publicUrl) {
		return new PublicUrl(publicUrl);
	}

}
