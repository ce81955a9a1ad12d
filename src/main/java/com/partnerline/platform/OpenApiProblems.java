package com.partnerline.platform;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Says in the OpenAPI document what every operation answers when it refuses a request: an
 * RFC 9457 problem ({@code application/problem+json}: type, title, status, detail and, for
 * validation, the fields at fault), as {@link ProblemHandler} writes it for every 4xx. The
 * handlers do not declare their refusals one by one, so one {@code 4XX} answer is added to each
 * operation that declares none; and the document names itself and its licence.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiProblems {

	static final String PROBLEM = "Problem";

	@Bean
	OpenApiCustomizer problemAnswersOfEveryOperation() {
		return openApi -> {
			Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
			components.addSchemas(PROBLEM, problemSchema());
			openApi.setComponents(components);
			Info info = openApi.getInfo() != null ? openApi.getInfo() : new Info();
			info.setTitle("Partnerline API");
			info.setVersion("v1");
			info.setDescription("The public interfaces of Partnerline: partner, vendor admin, order processor and open calls.");
			info.setLicense(new License().name("Proprietary").identifier("LicenseRef-Partnerline"));
			openApi.setInfo(info);
			openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
				ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
				if (responses.keySet().stream().noneMatch(code -> code.startsWith("4"))) {
					responses.addApiResponse("4XX", refusal());
				}
				operation.setResponses(responses);
			}));
		};
	}

	private static ApiResponse refusal() {
		return new ApiResponse().description("Refused: the problem's detail says why, errors name the fields at fault")
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema<?> problemSchema() {
		ObjectSchema field = new ObjectSchema();
		field.setProperties(Map.<String, Schema>of("field", new StringSchema(), "message", new StringSchema()));
		ObjectSchema problem = new ObjectSchema();
		problem.setDescription("RFC 9457 problem details");
		problem.setProperties(Map.<String, Schema>of("type", new StringSchema().format("uri"), "title",
				new StringSchema(), "status", new IntegerSchema(), "detail", new StringSchema(), "errors",
				new ArraySchema().items(field)));
		problem.setRequired(List.of("type", "title", "status"));
		return problem;
	}

}
