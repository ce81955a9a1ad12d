package com.partnerline.reporting;

import jakarta.servlet.http.HttpServletResponse;

import com.partnerline.kernel.ApiProblem;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refusal on a reports page (an unknown vendor, one the caller may not see) is the error page with its status. */
@ControllerAdvice(assignableTypes = { PanelReportsController.class, ConsoleReportsController.class })
class ReportPagesAdvice {

	@ExceptionHandler(ApiProblem.class)
	String refused(ApiProblem problem, HttpServletResponse response, Model model) {
		response.setStatus(problem.status().value());
		model.addAttribute("status", problem.status().value());
		return "error";
	}

}
