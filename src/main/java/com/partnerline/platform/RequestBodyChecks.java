package com.partnerline.platform;

import java.lang.reflect.Type;
import java.util.List;

import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a request body that carries {@link HostileValues} with 400 naming each
 * field, before any controller sees it: what reaches a module is text without control
 * characters, numbers a column holds and dates of the years 1 to 9999.
 */
@ControllerAdvice
class RequestBodyChecks extends RequestBodyAdviceAdapter {

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		List<FieldProblem> problems = HostileValues.in(body);
		if (!problems.isEmpty()) {
			throw ApiProblem.badRequest(problems);
		}
		return body;
	}

}
