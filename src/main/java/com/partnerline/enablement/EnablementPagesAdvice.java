package com.partnerline.enablement;

import com.partnerline.kernel.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refusal on a partner support page (a program the partner is not in, a vendor the caller may not see) is the error page with its status. */
@ControllerAdvice(assignableTypes = { PanelEnablementController.class, ConsoleEnablementController.class })
class EnablementPagesAdvice {

	@ExceptionHandler(ApiProblem.class)
	String refused(ApiProblem problem, HttpServletResponse response, Model model) {
		response.setStatus(problem.status().value());
		model.addAttribute("status", problem.status().value());
		return "error";
	}

}
