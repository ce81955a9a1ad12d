package com.partnerline.platform;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Says in the OpenAPI document how each operation is called, by the same path rules as the
 * API's security chain ({@link SecurityConfiguration}): the admin and partner API with a bearer
 * token, order and refund notifications with the processor's signature, everything else open.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiSecurity {

	static final String BEARER = "bearer";

	static final String PROCESSOR_SIGNATURE = "processorSignature";

	@Bean
	OpenApiCustomizer securityOfEveryOperation() {
		return openApi -> {
			Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
			components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.description("The admin token, or a partner's token from POST /api/v1/auth/token."));
			components.addSecuritySchemes(PROCESSOR_SIGNATURE, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
				.in(SecurityScheme.In.HEADER)
				.name("X-Partnerline-Signature")
				.description("t=<unix seconds>,v1=<hex HMAC-SHA256 of t.<raw body>> with the vendor's processor secret."));
			openApi.setComponents(components);
			openApi.getPaths()
				.forEach((path, item) -> item.readOperations().forEach(operation -> operation.setSecurity(callersOf(path))));
		};
	}

	static List<SecurityRequirement> callersOf(String path) {
		if (path.startsWith("/api/v1/admin/") || path.startsWith("/api/v1/partner/")) {
			return List.of(new SecurityRequirement().addList(BEARER));
		}
		if (path.matches("/api/v1/vendors/[^/]+/orders(/.*)?")) {
			return List.of(new SecurityRequirement().addList(PROCESSOR_SIGNATURE));
		}
		// open to anyone: an empty requirement says so explicitly
		return List.of(new SecurityRequirement());
	}

}
