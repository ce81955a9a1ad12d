package com.partnerline.content;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /informer/{partnerCode}.js} (a script that renders the informer where it
 * is placed; load it with {@code async}) and {@code .html} (a page for an iframe). No
 * agreement needed. {@code lang}, {@code style}, {@code size} and {@code vendor}
 * override the partner's saved choice (the panel's live preview uses them).
 */
@RestController
class InformerController {

	private final Informers informers;

	InformerController(Informers informers) {
		this.informers = informers;
	}

	@GetMapping("/informer/{code}.{format}")
	ResponseEntity<byte[]> informer(@PathVariable String code, @PathVariable String format,
			@RequestParam(required = false) @Nullable String lang, @RequestParam(required = false) @Nullable String style,
			@RequestParam(required = false) @Nullable String size, @RequestParam(required = false) @Nullable String vendor,
			HttpServletRequest request) {
		String kind = format.toLowerCase(Locale.ROOT);
		if (!kind.equals("js") && !kind.equals("html")) {
			throw ApiProblem.notFound("content.informer.unknownPartner");
		}
		if (code.length() > 64) {
			throw ApiProblem.notFound("content.informer.unknownPartner");
		}
		Informers.Key key = new Informers.Key(code, FeedController.language(lang),
				choice(Informers.Style.class, style, "style"), choice(Informers.Size.class, size, "size"),
				vendor == null || vendor.isBlank() ? null : vendor.strip(), kind);
		return FeedController.answer(informers.rendered(key), request,
				ContentHandler.INFORMER_CACHE_CONTROL);
	}

	private static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.badRequest(java.util.List.of(new FieldProblem(field, "content.error.choice")));
		}
	}

}
