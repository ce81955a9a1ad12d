package com.partnerline.tracking;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** What {@code /r/{code}} answers when the redirect filter did not know the code: a 404 page. */
@Controller
class UnknownLinkController {

	@GetMapping("/r/{code}")
	ModelAndView unknown(@PathVariable String code) {
		return new ModelAndView("tracking/unknown", HttpStatus.NOT_FOUND);
	}

}
