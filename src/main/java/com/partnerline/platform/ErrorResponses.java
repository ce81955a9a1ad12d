package com.partnerline.platform;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC answers some failures itself, before any controller is chosen (a body
 * type no handler takes, a method an address does not have), with a problem of its
 * own: English, without {@code type}, its detail naming Java types. Here each gets
 * the type and texts of the app's problems, in the caller's language.
 */
@Configuration(proxyBeanMethods = false)
class ErrorResponses implements WebMvcConfigurer {

	private final MessageSource messages;

	ErrorResponses(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void addErrorResponseInterceptors(List<ErrorResponse.Interceptor> interceptors) {
		interceptors.add((body, error) -> {
			// the app's own problems come with a type; only Spring's have none
			if (body.getType() != null && !"about:blank".equals(body.getType().toString())) {
				return;
			}
			int status = body.getStatus();
			var locale = LocaleContextHolder.getLocale();
			body.setType(Problems.type(status));
			body.setTitle(messages.getMessage("problem.status." + status, null, body.getTitle(), locale));
			body.setDetail(messages.getMessage("problem.detail." + status, null, body.getTitle(), locale));
		});
	}

}
