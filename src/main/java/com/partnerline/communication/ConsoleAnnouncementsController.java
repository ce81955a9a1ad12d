package com.partnerline.communication;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The vendor console's announcements: write one (Markdown, audience, publication time
 * in the vendor's time zone) and see each one's audience and read receipts.
 */
@Controller
@RequestMapping("/console/vendors/{vendor}/announcements")
class ConsoleAnnouncementsController {

	private final VendorAccess access;

	private final Announcements announcements;

	private final CurrentCaller caller;

	private final MessageSource messages;

	ConsoleAnnouncementsController(VendorAccess access, Announcements announcements, CurrentCaller caller,
			MessageSource messages) {
		this.access = access;
		this.announcements = announcements;
		this.caller = caller;
		this.messages = messages;
	}

	@GetMapping
	String list(@PathVariable String vendor, Model model) {
		Vendor found = access.requireManaged(vendor);
		model.addAttribute("vendor", found);
		model.addAttribute("announcements", announcements.ofVendor(found));
		model.addAttribute("audiences", Audience.values());
		return "communication/console-announcements";
	}

	/** {@code publishAt} is a local date and time in the vendor's time zone; blank means now. */
	@PostMapping
	String publish(@PathVariable String vendor, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String body,
			@RequestParam(required = false) @Nullable String audience,
			@RequestParam(required = false) @Nullable String publishAt, RedirectAttributes redirect) {
		Vendor found = access.requireManaged(vendor);
		String at = publishAt;
		if (publishAt != null && !publishAt.isBlank()) {
			try {
				at = LocalDateTime.parse(publishAt.strip()).atZone(found.timeZone()).toOffsetDateTime().toString();
			}
			catch (DateTimeParseException ex) {
				// left as typed: the check names the field
			}
		}
		try {
			announcements.publish(found, new Announcements.Draft(title, body, audience, at),
					caller.require().actorName());
			redirect.addFlashAttribute("done", "communication.console.announced");
		}
		catch (ApiProblem problem) {
			List<String> lines = problem.fieldMessages(messages, LocaleContextHolder.getLocale());
			redirect.addFlashAttribute("errors", lines);
			redirect.addFlashAttribute("draft", new Announcements.Draft(title, body, audience, publishAt));
		}
		return "redirect:/console/vendors/" + found.slug() + "/announcements";
	}

}
