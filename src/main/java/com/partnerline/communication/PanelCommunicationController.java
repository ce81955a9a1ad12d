package com.partnerline.communication;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.partners.Membership;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner's side in the control panel: announcements (opening one records the
 * read receipt) with the mail preference, and its tickets to each vendor: open one,
 * read the conversation, reply.
 */
@Controller
class PanelCommunicationController {

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final Announcements announcements;

	private final SupportDesk desk;

	private final MessageSource messages;

	private final Clock clock;

	PanelCommunicationController(CatalogManagement catalog, PartnerManagement partners, Announcements announcements,
			SupportDesk desk, MessageSource messages, Clock clock) {
		this.catalog = catalog;
		this.partners = partners;
		this.announcements = announcements;
		this.desk = desk;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/panel/announcements")
	String announcements(Model model) {
		Partner partner = partners.currentPartner();
		model.addAttribute("announcements", announcements.visibleTo(partner.id()));
		model.addAttribute("vendors", vendors(partner));
		model.addAttribute("wantsMail", announcements.wantsMail(partner.id()));
		return "communication/panel-announcements";
	}

	@GetMapping("/panel/announcements/{id}")
	String announcement(@PathVariable String id, Model model) {
		Partner partner = partners.currentPartner();
		AnnouncementStore.Visible read = announcements.read(partner.id(),
				CommunicationApiController.uuid(id, "communication.announcement.notFound"));
		model.addAttribute("announcement", read.announcement());
		model.addAttribute("vendor", catalog.findVendor(read.announcement().vendorId()).orElseThrow());
		return "communication/panel-announcement";
	}

	@PostMapping("/panel/announcements/preferences")
	String preferences(@RequestParam(defaultValue = "false") boolean announcementMail, RedirectAttributes redirect) {
		Partner partner = partners.currentPartner();
		announcements.setWantsMail(partner.id(), announcementMail);
		redirect.addFlashAttribute("done", "communication.panel.preferencesSaved");
		return "redirect:/panel/announcements";
	}

	@GetMapping("/panel/programs/{vendor}/tickets")
	String tickets(@PathVariable String vendor, Model model) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		model.addAttribute("vendor", found);
		model.addAttribute("tickets", desk.partnerTickets(found, membership.partnerId()));
		model.addAttribute("categories", TicketCategory.values());
		return "communication/panel-tickets";
	}

	@PostMapping("/panel/programs/{vendor}/tickets")
	String open(@PathVariable String vendor, @RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String body,
			@RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> attachments,
			RedirectAttributes redirect) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		SupportDesk.NewTicket request = new SupportDesk.NewTicket(subject, category, body);
		try {
			Ticket ticket = desk.open(found, membership, partners.currentPartner(), request, uploads(attachments));
			redirect.addFlashAttribute("done", "communication.panel.opened");
			return "redirect:/panel/programs/" + found.slug() + "/tickets/" + ticket.id();
		}
		catch (ApiProblem problem) {
			redirect.addFlashAttribute("errors", problem.fieldMessages(messages, LocaleContextHolder.getLocale()));
			redirect.addFlashAttribute("draft", request);
			return "redirect:/panel/programs/" + found.slug() + "/tickets";
		}
	}

	@GetMapping("/panel/programs/{vendor}/tickets/{id}")
	String ticket(@PathVariable String vendor, @PathVariable String id, Model model) {
		Vendor found = catalog.vendor(vendor);
		Partner partner = partners.currentPartner();
		SupportDesk.Conversation conversation = desk.partnerThread(found, partner.id(),
				CommunicationApiController.uuid(id, "communication.ticket.notFound"));
		model.addAttribute("vendor", found);
		model.addAttribute("conversation", conversation);
		model.addAttribute("now", clock.instant());
		return "communication/panel-ticket";
	}

	@PostMapping("/panel/programs/{vendor}/tickets/{id}/messages")
	String reply(@PathVariable String vendor, @PathVariable String id, @RequestParam(required = false) @Nullable String body,
			@RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> attachments,
			RedirectAttributes redirect) {
		Vendor found = catalog.vendor(vendor);
		UUID ticket = CommunicationApiController.uuid(id, "communication.ticket.notFound");
		try {
			desk.partnerReply(found, partners.currentPartner(), ticket, body, uploads(attachments));
			redirect.addFlashAttribute("done", "communication.panel.replied");
		}
		catch (ApiProblem problem) {
			if (problem.status().value() == 404) {
				throw problem;
			}
			List<String> lines = problem.fieldMessages(messages, LocaleContextHolder.getLocale());
			redirect.addFlashAttribute("errors", lines.isEmpty() ? List.of(messages.getMessage(problem.messageKey(),
					problem.arguments(), LocaleContextHolder.getLocale())) : lines);
			redirect.addFlashAttribute("draft", body);
		}
		return "redirect:/panel/programs/" + found.slug() + "/tickets/" + ticket;
	}

	/** A file of the partner's own ticket, always as an attachment; 404 for anyone else's. */
	@GetMapping("/panel/programs/{vendor}/tickets/{id}/attachments/{attachment}")
	ResponseEntity<byte[]> attachment(@PathVariable String vendor, @PathVariable String id,
			@PathVariable String attachment) {
		Vendor found = catalog.vendor(vendor);
		Partner partner = partners.currentPartner();
		return AttachmentDownloads.serve(desk.partnerAttachment(found, partner.id(),
				CommunicationApiController.uuid(id, "communication.ticket.notFound"),
				CommunicationApiController.uuid(attachment, "communication.attachment.notFound")));
	}

	/** The uploaded parts as the support desk checks them. */
	static List<AttachmentRules.Upload> uploads(@Nullable List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream().map(f -> new AttachmentRules.Upload(f.getOriginalFilename(), f.getSize(), f)).toList();
	}

	/** The partner's vendors by id, for the name and time zone beside each announcement. */
	private Map<Long, Vendor> vendors(Partner partner) {
		Map<Long, Vendor> vendors = new HashMap<>();
		for (Membership membership : partners.memberships(partner.id())) {
			catalog.findVendor(membership.vendorId()).ifPresent(v -> vendors.put(v.id().value(), v));
		}
		return vendors;
	}

}
