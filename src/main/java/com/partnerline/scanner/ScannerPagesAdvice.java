package com.partnerline.scanner;

import com.partnerline.kernel.ApiProblem;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A refusal on one of the scanner's pages (an unknown partner code, a vendor not managed) shows the error page with its status. */
@ControllerAdvice(assignableTypes = { ScannerPageController.class, ScannerStatsController.class })
class ScannerPagesAdvice {

	@ExceptionHandler(ApiProblem.class)
	ModelAndView refused(ApiProblem problem) {
		ModelAndView view = new ModelAndView("error", problem.status());
		view.addObject("status", problem.status().value());
		return view;
	}

}
