package com.partnerline.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnerline.accounts.CurrentCaller;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.kernel.ApiProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vendor admin API of content (docs/api.md): publish a news item or threat entry
 * ({@code POST .../content/{feed}}, where {@code feed} is {@code av-news},
 * {@code virus-news} or {@code threats}), edit it with history, and content agreements.
 */
@RestController
class ContentAdminController {

	private final VendorAccess access;

	private final ContentManagement content;

	private final ContentAgreements agreements;

	private final CurrentCaller caller;

	ContentAdminController(VendorAccess access, ContentManagement content, ContentAgreements agreements,
			CurrentCaller caller) {
		this.access = access;
		this.content = content;
		this.agreements = agreements;
		this.caller = caller;
	}

	@PostMapping("/api/v1/admin/vendors/{vendor}/content/{feed}")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> publish(@PathVariable String vendor, @PathVariable String feed,
			@RequestBody ContentDraft draft) {
		Vendor found = access.requireManaged(vendor);
		return view(content.create(found, ContentManagement.kindOf(feed), draft, by()));
	}

	@GetMapping("/api/v1/admin/vendors/{vendor}/content/{feed}")
	List<Map<String, Object>> list(@PathVariable String vendor, @PathVariable String feed,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Vendor found = access.requireManaged(vendor);
		return content.items(found.id(), ContentManagement.kindOf(feed), Math.max(0, page), Math.min(200, Math.max(1, size)))
			.stream()
			.map(ContentAdminController::view)
			.toList();
	}

	@PutMapping("/api/v1/admin/vendors/{vendor}/content/{feed}/{id}")
	Map<String, Object> edit(@PathVariable String vendor, @PathVariable String feed, @PathVariable String id,
			@RequestParam(required = false) @Nullable Integer version, @RequestBody ContentDraft draft) {
		Vendor found = access.requireManaged(vendor);
		ContentItem current = content.item(found.id(), uuid(id));
		if (current.kind() != ContentManagement.kindOf(feed)) {
			throw ApiProblem.notFound("content.item.notFound");
		}
		return view(content.update(found, current.id(), draft, version, by()));
	}

	@GetMapping("/api/v1/admin/vendors/{vendor}/content/{feed}/{id}/history")
	List<ContentManagement.Version> history(@PathVariable String vendor, @PathVariable String feed,
			@PathVariable String id) {
		Vendor found = access.requireManaged(vendor);
		return content.history(found.id(), uuid(id));
	}

	@GetMapping("/api/v1/admin/vendors/{vendor}/content-agreements")
	List<Map<String, Object>> agreements(@PathVariable String vendor) {
		Vendor found = access.requireManaged(vendor);
		Map<UUID, ContentAgreements.Usage> usage = agreements.usage(found.id());
		return agreements.ofVendor(found.id()).stream().map(a -> view(a, usage.get(a.id()))).toList();
	}

	@PostMapping("/api/v1/admin/vendors/{vendor}/content-agreements")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> createAgreement(@PathVariable String vendor, @RequestBody ContentAgreements.Draft draft) {
		Vendor found = access.requireManaged(vendor);
		return view(agreements.create(found, draft), null);
	}

	static Map<String, Object> view(ContentAgreement a, ContentAgreements.@Nullable Usage usage) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("agreementId", a.id().toString());
		view.put("partnerId", a.partnerId().toString());
		view.put("feeds", a.feeds().stream().map(Feed::slug).toList());
		view.put("maxItems", a.maxItems());
		view.put("schedule", a.schedule().name());
		view.put("terms", a.terms());
		view.put("feedKey", a.feedKey());
		view.put("createdAt", a.createdAt().toString());
		view.put("requests", usage == null ? 0 : usage.total());
		return view;
	}

	static Map<String, Object> view(ContentItem item) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", item.id().toString());
		view.put("kind", item.kind().name());
		view.put("status", item.published() ? "PUBLISHED" : "DRAFT");
		view.put("publishAt", item.publishAt() == null ? null : item.publishAt().toString());
		view.put("version", item.version());
		if (item.kind() == ContentKind.THREAT) {
			view.put("name", item.threatName());
			view.put("type", item.threatType());
			view.put("dangerLevel", item.dangerLevel());
			view.put("firstSeen", item.firstSeen() == null ? null : item.firstSeen().toString());
			view.put("activeFrom", item.activeFrom() == null ? null : item.activeFrom().toString());
			view.put("activeTo", item.activeTo() == null ? null : item.activeTo().toString());
		}
		view.put("translations", item.translations());
		return view;
	}

	private @Nullable String by() {
		return caller.get().map(c -> c.accountId() == null ? "admin" : c.accountId().toString()).orElse(null);
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.notFound("content.item.notFound");
		}
	}

}
