package com.partnerline.trials;

import com.partnerline.kernel.ApiProblem;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A refusal on one of the trial pages (an unknown vendor, one not managed) shows the error page with its status. */
@ControllerAdvice(assignableTypes = { TrialPageController.class, ConsoleTrialsController.class })
class TrialPagesAdvice {

	@ExceptionHandler(ApiProblem.class)
	ModelAndView refused(ApiProblem problem) {
		ModelAndView view = new ModelAndView("error", problem.status());
		view.addObject("status", problem.status().value());
		return view;
	}

}
