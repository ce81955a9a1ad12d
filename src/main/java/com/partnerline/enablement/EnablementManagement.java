package com.partnerline.enablement;

import java.util.UUID;

import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner support module's API for other modules (the demo data): material,
 * policies, company pages and seminars go through the same services and checks as
 * the console and the API.
 */
@Service
public class EnablementManagement {

	private final Library library;

	private final Policies policies;

	private final ContentPages pages;

	private final Seminars seminars;

	EnablementManagement(Library library, Policies policies, ContentPages pages, Seminars seminars) {
		this.library = library;
		this.policies = policies;
		this.pages = pages;
		this.seminars = seminars;
	}

	/** Whether the vendor has any creative or text link yet. */
	@Transactional(readOnly = true)
	public boolean hasMaterial(Vendor vendor) {
		return !library.vendorLibrary(vendor, library.period(vendor, null, null)).isEmpty()
				|| !library.textLinks(vendor).isEmpty();
	}

	/**
	 * Uploads a creative ({@code kind} BANNER or DOCUMENT) or its next version, checked like any upload.
	 * @return the creative's id; will never be {@literal null}
	 * @throws ApiProblem when a field or the file is refused
	 */
	@Transactional
	public UUID uploadCreative(Vendor vendor, String name, String kind, @Nullable String targetUrl,
			@Nullable String product, @Nullable String language, String fileName, byte[] bytes, String actor) {
		return library.upload(vendor, new Library.NewCreative(name, kind, targetUrl, product, language), fileName,
				bytes, actor).id();
	}

	/** Creates or changes a text link; returns its version. */
	@Transactional
	public int saveTextLink(Vendor vendor, String id, String text, String targetUrl, @Nullable String product,
			@Nullable String language) {
		return library.saveTextLink(vendor, id, new Library.TextLinkDraft(text, targetUrl, product, language));
	}

	/** Publishes the next version of a policy; every partner of the program is asked to acknowledge it. */
	@Transactional
	public int publishPolicy(Vendor vendor, String kind, String title, String body, String actor) {
		return policies.publish(vendor, kind, title, body, actor);
	}

	/** Creates or replaces a company content page (Markdown). */
	@Transactional
	public void savePage(Vendor vendor, String slug, String title, String body, String actor) {
		pages.save(vendor, slug, title, body, actor);
	}

	/**
	 * Schedules a training seminar for Internet Partners.
	 * @param startsAt ISO-8601 local date and time in {@code timeZone}, or with an offset
	 * @param mode ONLINE or ON_SITE
	 */
	@Transactional
	public UUID scheduleSeminar(Vendor vendor, String title, String startsAt, int durationMinutes, String timeZone,
			int capacity, String mode, @Nullable String location) {
		return seminars.schedule(vendor,
				new Seminars.Draft(title, startsAt, durationMinutes, timeZone, capacity, mode, location));
	}

}
