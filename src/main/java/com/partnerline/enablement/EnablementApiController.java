package com.partnerline.enablement;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.partners.Membership;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.partners.PartnerType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The partner support API (docs/api.md, "Partner support"): creatives and text links,
 * policies and their acknowledgement, seminars with registration and calendar, and
 * (beyond the table, for the same capability) content pages. A manager reaches only the
 * vendors it manages; a partner only the programs it is an active member of.
 */
@RestController
class EnablementApiController {

	private final CatalogManagement catalog;

	private final VendorAccess access;

	private final PartnerManagement partners;

	private final CurrentCaller caller;

	private final Library library;

	private final UploadChecks checks;

	private final Policies policies;

	private final Seminars seminars;

	private final ContentPages pages;

	EnablementApiController(CatalogManagement catalog, VendorAccess access, PartnerManagement partners,
			CurrentCaller caller, Library library, UploadChecks checks, Policies policies, Seminars seminars,
			ContentPages pages) {
		this.catalog = catalog;
		this.access = access;
		this.partners = partners;
		this.caller = caller;
		this.library = library;
		this.checks = checks;
		this.policies = policies;
		this.seminars = seminars;
		this.pages = pages;
	}

	// material

	@PostMapping(path = "/api/v1/admin/vendors/{vendor}/creatives", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> upload(@PathVariable String vendor, @RequestParam(required = false) @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String targetUrl,
			@RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String language) {
		Vendor found = access.requireManaged(vendor);
		Creative creative = library.upload(found, new Library.NewCreative(name, kind, targetUrl, product, language),
				file == null ? null : file.getOriginalFilename(), read(file, checks.maxSize()), caller.require().actorName());
		return creativeCreated(creative);
	}

	static Map<String, Object> creativeCreated(Creative creative) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("creativeId", creative.id().toString());
		body.put("version", creative.version());
		if (creative.width() != null) {
			body.put("width", creative.width());
			body.put("height", creative.height());
		}
		body.put("sha256", creative.sha256());
		return body;
	}

	/** The file's bytes; 413 over {@code max} before reading more than that, 422 without a file. */
	static byte[] read(@Nullable MultipartFile file, long max) {
		if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
			throw ApiProblem.invalidField("file", "enablement.error.required");
		}
		if (file.getSize() > max) {
			throw ApiProblem.tooLarge("enablement.upload.tooLarge", max / (1024 * 1024));
		}
		try (InputStream in = file.getInputStream()) {
			byte[] bytes = in.readNBytes((int) max + 1);
			if (bytes.length > max) {
				throw ApiProblem.tooLarge("enablement.upload.tooLarge", max / (1024 * 1024));
			}
			return bytes;
		}
		catch (IOException ex) {
			throw ApiProblem.invalidField("file", "enablement.upload.unreadable");
		}
	}

	@PutMapping("/api/v1/admin/vendors/{vendor}/text-links/{id}")
	Map<String, Object> textLink(@PathVariable String vendor, @PathVariable String id,
			@RequestBody Library.TextLinkDraft draft) {
		Vendor found = access.requireManaged(vendor);
		int version = library.saveTextLink(found, id, draft);
		return Map.of("id", id, "version", version);
	}

	@GetMapping("/api/v1/partner/programs/{vendor}/creatives")
	List<Library.PartnerItem> creatives(@PathVariable String vendor,
			@RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable String language,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		return library.partnerLibrary(found, membership.partnerId(), product, language, kind,
				library.period(found, from, to));
	}

	// policies

	@PutMapping("/api/v1/admin/vendors/{vendor}/policies/{kind}")
	Map<String, Object> publishPolicy(@PathVariable String vendor, @PathVariable String kind,
			@RequestBody PolicyDraft draft) {
		Vendor found = access.requireManaged(vendor);
		int version = policies.publish(found, kind, draft.title(), draft.body(), caller.require().actorName());
		return Map.of("kind", kind.strip().toUpperCase(Locale.ROOT), "version", version);
	}

	@GetMapping("/api/v1/partner/programs/{vendor}/policies")
	List<Map<String, Object>> partnerPolicies(@PathVariable String vendor) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		return policies.current(found, membership.partnerId())
			.stream()
			.map(p -> Map.<String, Object>of("kind", p.kind(), "title", p.title(), "version", p.version(),
					"acknowledged", p.acknowledged(), "body", p.body()))
			.toList();
	}

	@PostMapping("/api/v1/partner/programs/{vendor}/policies/{kind}/acknowledgement")
	Map<String, Object> acknowledge(@PathVariable String vendor, @PathVariable String kind,
			@RequestBody Acknowledgement request) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		policies.acknowledge(found, membership.partnerId(), kind, request.version());
		return Map.of("kind", kind.strip().toUpperCase(Locale.ROOT), "version", request.version(), "acknowledged",
				true);
	}

	@GetMapping("/api/v1/admin/vendors/{vendor}/policies/{kind}/pending")
	List<Map<String, Object>> pending(@PathVariable String vendor, @PathVariable String kind) {
		Vendor found = access.requireManaged(vendor);
		return policies.pending(found, kind)
			.stream()
			.map(p -> Map.<String, Object>of("partnerId", p.id().toString(), "code", p.code(), "name", p.name(),
					"email", p.email()))
			.toList();
	}

	// seminars

	@PostMapping("/api/v1/admin/vendors/{vendor}/seminars")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> schedule(@PathVariable String vendor, @RequestBody Seminars.Draft draft) {
		Vendor found = access.requireManaged(vendor);
		return Map.of("seminarId", seminars.schedule(found, draft).toString());
	}

	@GetMapping("/api/v1/admin/vendors/{vendor}/seminars")
	List<Map<String, Object>> vendorSeminars(@PathVariable String vendor) {
		Vendor found = access.requireManaged(vendor);
		return seminars.upcoming(found, null).stream().map(s -> seminarView(s, null)).toList();
	}

	@GetMapping("/api/v1/partner/programs/{vendor}/seminars")
	List<Map<String, Object>> partnerSeminars(@PathVariable String vendor) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		boolean eligible = membership.type() == PartnerType.INTERNET;
		return seminars.upcoming(found, membership.partnerId()).stream().map(s -> seminarView(s, eligible)).toList();
	}

	@PostMapping("/api/v1/partner/programs/{vendor}/seminars/{id}/registration")
	ResponseEntity<Map<String, Object>> register(@PathVariable String vendor, @PathVariable String id) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		Seminars.Registration registration = seminars.register(found, membership, seminarId(id));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", registration.status());
		if (registration.position() != null) {
			body.put("position", registration.position());
		}
		return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
	}

	@DeleteMapping("/api/v1/partner/programs/{vendor}/seminars/{id}/registration")
	ResponseEntity<Void> cancel(@PathVariable String vendor, @PathVariable String id) {
		Vendor found = catalog.vendor(vendor);
		Membership membership = partners.currentMembership(found);
		seminars.cancel(found, membership.partnerId(), seminarId(id));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/partner/programs/{vendor}/seminars/{id}/calendar.ics")
	ResponseEntity<String> calendar(@PathVariable String vendor, @PathVariable String id) {
		Vendor found = catalog.vendor(vendor);
		partners.currentMembership(found);
		return calendarResponse(seminars.calendar(found, seminarId(id), LocaleContextHolder.getLocale()));
	}

	static ResponseEntity<String> calendarResponse(String ics) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
			.header("Content-Disposition", ContentDisposition.attachment().filename("seminar.ics").build().toString())
			.body(ics);
	}

	// content pages

	@PutMapping("/api/v1/admin/vendors/{vendor}/pages/{slug}")
	Map<String, Object> savePage(@PathVariable String vendor, @PathVariable String slug,
			@RequestBody PolicyDraft draft) {
		Vendor found = access.requireManaged(vendor);
		ContentPages.Page page = pages.save(found, slug, draft.title(), draft.body(), caller.require().actorName());
		return Map.of("slug", page.slug(), "title", page.title());
	}

	@GetMapping("/api/v1/partner/programs/{vendor}/pages")
	List<Map<String, Object>> partnerPages(@PathVariable String vendor) {
		Vendor found = catalog.vendor(vendor);
		partners.currentMembership(found);
		return pages.pages(found)
			.stream()
			.map(p -> Map.<String, Object>of("slug", p.slug(), "title", p.title(), "html", p.bodyHtml()))
			.toList();
	}

	static Map<String, Object> seminarView(Seminars.View s, @Nullable Boolean eligible) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("seminarId", s.id().toString());
		view.put("title", s.title());
		view.put("startsAt", s.startsAt().toOffsetDateTime().toString());
		view.put("durationMinutes", s.durationMinutes());
		view.put("timeZone", s.timeZone());
		view.put("capacity", s.capacity());
		view.put("mode", s.mode());
		if (s.location() != null) {
			view.put("location", s.location());
		}
		view.put("seatsLeft", s.seatsLeft());
		view.put("waitlisted", s.waitlisted());
		if (eligible != null) {
			view.put("eligible", eligible);
		}
		else {
			view.put("registered", s.registered());
		}
		if (s.status() != null) {
			view.put("status", s.status());
		}
		if (s.position() != null) {
			view.put("position", s.position());
		}
		return view;
	}

	static UUID seminarId(String id) {
		try {
			return UUID.fromString(id.strip());
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.notFound("enablement.seminar.notFound");
		}
	}

	record PolicyDraft(@Nullable String title, @Nullable String body) {
	}

	record Acknowledgement(@Nullable Integer version) {
	}

}
