package com.partnerline.enablement;

import java.util.UUID;

import com.partnerline.kernel.ApiProblem;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves the library's files from the app's origin, never as active content: every
 * answer carries {@code Content-Security-Policy: sandbox; default-src 'none'} (an SVG
 * opened on its own runs nothing and reaches nothing) and {@code nosniff}; documents
 * are attachments. Banners may be shown by other origins' pages
 * ({@code Cross-Origin-Resource-Policy: cross-origin}). {@code /material/i/{code}} is
 * the banner address inside a partner's code: it counts the impression (in memory,
 * written in groups) and is revalidated on each view so that each view is counted.
 */
@RestController
class MaterialFilesController {

	static final String SANDBOX = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'";

	/** {@link #SANDBOX} with popups allowed to leave it: a click on an embedded HTML creative opens the tracking link. */
	static final String EMBED_SANDBOX = "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; "
			+ "img-src 'self' data:; style-src 'unsafe-inline'";

	private final Library library;

	MaterialFilesController(Library library) {
		this.library = library;
	}

	@GetMapping("/material/{creativeId}/v{version}")
	ResponseEntity<byte[]> file(@PathVariable String creativeId, @PathVariable int version, WebRequest request) {
		UUID id;
		try {
			id = UUID.fromString(creativeId);
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.notFound("enablement.creative.notFound");
		}
		Library.ServedFile file = library.file(id, version)
			.orElseThrow(() -> ApiProblem.notFound("enablement.creative.notFound"));
		return answer(file, request, CacheControl.maxAge(java.time.Duration.ofDays(7)).cachePublic());
	}

	@GetMapping("/material/i/{code}")
	ResponseEntity<byte[]> impression(@PathVariable String code, WebRequest request) {
		Library.ServedFile file = library.impression(code, false)
			.orElseThrow(() -> ApiProblem.notFound("enablement.creative.notFound"));
		return answer(file, request, CacheControl.noCache());
	}

	/**
	 * The embed address of an HTML creative in a partner's code (inside
	 * {@code <iframe sandbox>}): every link is the partner's tracking link; counts the
	 * impression like {@code /material/i/}. Its sandbox lets a click open the tracking link
	 * in a new window that is not sandboxed (the vendor's shop must work there); scripts
	 * stay off and the document has no origin of its own.
	 */
	@GetMapping("/material/h/{code}")
	ResponseEntity<byte[]> html(@PathVariable String code, WebRequest request) {
		Library.ServedFile file = library.htmlImpression(code)
			.orElseThrow(() -> ApiProblem.notFound("enablement.creative.notFound"));
		return answer(file, request, CacheControl.noCache(), EMBED_SANDBOX);
	}

	private static ResponseEntity<byte[]> answer(Library.ServedFile file, WebRequest request, CacheControl cache) {
		return answer(file, request, cache, SANDBOX);
	}

	private static ResponseEntity<byte[]> answer(Library.ServedFile file, WebRequest request, CacheControl cache,
			String policy) {
		String etag = "\"" + file.creative().sha256() + "\"";
		HttpHeaders headers = new HttpHeaders();
		headers.setCacheControl(cache);
		headers.setETag(etag);
		headers.set("Content-Security-Policy", policy);
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Cross-Origin-Resource-Policy", "cross-origin");
		if (!file.creative().isImage() && !file.creative().isHtml()) {
			headers.setContentDisposition(ContentDisposition.attachment()
				.filename(file.creative().fileName(), java.nio.charset.StandardCharsets.UTF_8)
				.build());
		}
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(304).headers(headers).build();
		}
		return ResponseEntity.ok()
			.headers(headers)
			.contentType(MediaType.parseMediaType(file.creative().contentType()))
			.body(file.bytes());
	}

}
