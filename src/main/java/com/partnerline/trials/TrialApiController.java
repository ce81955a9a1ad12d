package com.partnerline.trials;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/trials}, {@code GET /api/v1/licenses/{licenseKey}} (docs/api.md) and
 * the vendor's public key at {@code /.well-known/license-keys/{vendor}} (JSON with a JWK)
 * and {@code /.well-known/license-keys/{vendor}.pem}, for products to check keys offline.
 */
@RestController
class TrialApiController {

	static final String PUBLIC_KEY_PATH = "/.well-known/license-keys/";

	private final TrialManagement trials;

	private final CatalogManagement catalog;

	private final SigningKeys keys;

	TrialApiController(TrialManagement trials, CatalogManagement catalog, SigningKeys keys) {
		this.trials = trials;
		this.catalog = catalog;
		this.keys = keys;
	}

	record TrialBody(@Nullable String vendor, @Nullable String sku, @Nullable String email, @Nullable String ref) {
	}

	record IssuedResponse(String licenseKey, String expiresAt) {
	}

	@PostMapping("/api/v1/trials")
	ResponseEntity<IssuedResponse> start(@RequestBody(required = false) @Nullable TrialBody body,
			@CookieValue(name = "pl_ref", required = false) @Nullable String cookie) {
		TrialBody request = body == null ? new TrialBody(null, null, null, null) : body;
		TrialManagement.IssuedTrial issued = trials.issue(new TrialManagement.TrialRequest(request.vendor(),
				request.sku(), request.email(), request.ref(), cookie, LocaleContextHolder.getLocale()));
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new IssuedResponse(issued.licenseKey(), time(issued.expiresAt())));
	}

	/** The licence check; every field is written, null where a key says nothing (tampered, unknown). */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record LicenseResponse(@Nullable String sku, @Nullable String kind, @Nullable String expiresAt, boolean valid) {
	}

	@GetMapping("/api/v1/licenses/{licenseKey}")
	ResponseEntity<LicenseResponse> check(@PathVariable String licenseKey) {
		TrialManagement.LicenseStatus status = trials.check(licenseKey);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new LicenseResponse(status.sku(), status.kind(),
					status.expiresAt() == null ? null : time(status.expiresAt()), status.valid()));
	}

	record PublicKeyResponse(String vendor, String algorithm, String format, String publicKey, Jwk jwk) {
	}

	record Jwk(String kty, String crv, String x, String use) {
	}

	@GetMapping(PUBLIC_KEY_PATH + "{vendor}")
	ResponseEntity<PublicKeyResponse> publicKey(@PathVariable String vendor) {
		Vendor found = vendor(vendor);
		var key = keys.of(found.id()).publicKey();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
			.body(new PublicKeyResponse(found.slug(), LicenseKeys.ALGORITHM, "X.509 SubjectPublicKeyInfo, base64",
					java.util.Base64.getEncoder().encodeToString(key.getEncoded()),
					new Jwk("OKP", "Ed25519", LicenseKeys.jwkX(key), "sig")));
	}

	@GetMapping(PUBLIC_KEY_PATH + "{vendor}.pem")
	ResponseEntity<String> publicKeyPem(@PathVariable String vendor) {
		Vendor found = vendor(vendor);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
			.contentType(MediaType.parseMediaType("application/x-pem-file"))
			.body(LicenseKeys.pem(keys.of(found.id()).publicKey()));
	}

	private Vendor vendor(String slug) {
		return catalog.findVendor(slug).orElseThrow(() -> ApiProblem.notFound("catalog.vendorNotFound", slug));
	}

	static String time(Instant instant) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
	}

}
