package com.partnerline.commissions;

import com.partnerline.kernel.ApiProblem;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A refusal on a commissions page shows the error page with the refusal's status (404, 422), not a 500. */
@ControllerAdvice(assignableTypes = { PanelCommissionsController.class, ConsoleCommissionsController.class })
class PageProblems {

	@ExceptionHandler(ApiProblem.class)
	ModelAndView refused(ApiProblem problem) {
		ModelAndView view = new ModelAndView("error", problem.status());
		view.addObject("status", problem.status().value());
		return view;
	}

}
