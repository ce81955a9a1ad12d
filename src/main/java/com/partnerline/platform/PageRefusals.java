package com.partnerline.platform;

import com.partnerline.kernel.ApiProblem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A business refusal on any page (a vendor the manager may not see, an unknown record, a bad
 * filter value) shows the error page with the refusal's status (400, 403, 404, 422), not a
 * logged 500. The API's controllers answer the problem as JSON instead ({@link ProblemHandler},
 * which comes first for them).
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageRefusals {

	@ExceptionHandler(ApiProblem.class)
	ModelAndView refused(ApiProblem problem) {
		ModelAndView view = new ModelAndView("error", problem.status());
		view.addObject("status", problem.status().value());
		return view;
	}

}
