package com.partnerline.orders;

import com.partnerline.kernel.ApiProblem;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A refusal on one of the module's pages (a vendor the manager may not see, say) shows the error page with its status. */
@ControllerAdvice(assignableTypes = { ConsoleOrdersController.class, PanelTrackingController.class })
class OrderPagesAdvice {

	@ExceptionHandler(ApiProblem.class)
	ModelAndView refused(ApiProblem problem) {
		ModelAndView view = new ModelAndView("error", problem.status());
		view.addObject("status", problem.status().value());
		return view;
	}

}
