package com.partnerline.communication;

import jakarta.servlet.http.HttpServletResponse;

import com.partnerline.kernel.ApiProblem;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A refusal on a communication page (another partner's ticket, a vendor the caller may not see) is the error page with its status. */
@ControllerAdvice(assignableTypes = { PanelCommunicationController.class, ConsoleTicketsController.class,
		ConsoleAnnouncementsController.class })
class CommunicationPagesAdvice {

	@ExceptionHandler(ApiProblem.class)
	String refused(ApiProblem problem, HttpServletResponse response, Model model) {
		response.setStatus(problem.status().value());
		model.addAttribute("status", problem.status().value());
		return "error";
	}

}
