package com.partnerline.orders;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.catalog.Product;
import com.partnerline.catalog.Vendor;
import com.partnerline.catalog.VendorAccess;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's "send a test order": builds an order notification for one product,
 * signs it with the vendor's processor secret as a processor would, and posts it over
 * HTTP to this node's own order intake, so that signature check, parsing, attribution
 * and recording are the real ones. The answer (status and order) is shown to the manager.
 */
@Controller
class ConsoleTestOrderController {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final VendorAccess access;

	private final CatalogManagement catalog;

	private final PartnerManagement partners;

	private final ObjectMapper mapper;

	private final MessageSource messages;

	private final Clock clock;

	ConsoleTestOrderController(VendorAccess access, CatalogManagement catalog, PartnerManagement partners,
			ObjectMapper mapper, MessageSource messages, Clock clock) {
		this.access = access;
		this.catalog = catalog;
		this.partners = partners;
		this.mapper = mapper;
		this.messages = messages;
		this.clock = clock;
	}

	@PostMapping("/console/vendors/{vendor}/test-order")
	String send(@PathVariable String vendor, @RequestParam(required = false) @Nullable String sku,
			@RequestParam(required = false) @Nullable String partner, HttpServletRequest request,
			RedirectAttributes redirect) throws InterruptedException {
		Vendor found = access.requireManaged(vendor);
		String target = "redirect:/console/vendors/" + found.slug() + "/settings#processor";
		Product product = sku == null ? null : catalog.findProduct(found.id(), sku).orElse(null);
		if (product == null) {
			redirect.addFlashAttribute("testOrderError", text("orders.testOrder.noProduct"));
			return target;
		}
		Map<String, Object> referral = new LinkedHashMap<>();
		if (partner != null && !partner.isBlank()) {
			Partner referred = partners.findByCode(partner.trim())
				.filter(p -> partners.membership(found.id(), p.id()).isPresent())
				.orElse(null);
			if (referred == null) {
				redirect.addFlashAttribute("testOrderError", text("orders.testOrder.noPartner", partner.trim()));
				return target;
			}
			referral.put("partnerId", referred.id().toString());
		}
		long now = clock.instant().getEpochSecond();
		String orderId = "test-" + now + "-" + java.util.UUID.randomUUID().toString().substring(0, 6);
		Map<String, Object> order = new LinkedHashMap<>();
		order.put("orderId", orderId);
		order.put("occurredAt", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).toString());
		order.put("currency", product.price().currency().getCurrencyCode());
		order.put("customer", Map.of("email", "test-order@partnerline.invalid", "country", "DE"));
		order.put("items", List.of(Map.of("sku", product.sku(), "quantity", 1, "unitPrice",
				product.price().amount().toPlainString())));
		order.put("referral", referral);
		byte[] body = mapper.writeValueAsBytes(order);
		String secret = catalog.processorSecret(found.id());
		HttpRequest post = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + request.getLocalPort() + "/api/v1/vendors/" + found.slug()
					+ "/orders"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.header(ProcessorSignature.HEADER, ProcessorSignature.header(secret, now, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			HttpResponse<String> answer = HTTP.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (answer.statusCode() / 100 == 2) {
				JsonNode json = mapper.readTree(answer.body());
				redirect.addFlashAttribute("testOrder", text("orders.testOrder.done", orderId, answer.statusCode(),
						json.path("amount").asString("") + " " + json.path("currency").asString("")));
			}
			else {
				JsonNode json = mapper.readTree(answer.body());
				redirect.addFlashAttribute("testOrderError", text("orders.testOrder.refused", answer.statusCode(),
						json.path("detail").asString(json.path("title").asString(""))));
			}
		}
		catch (java.io.IOException ex) {
			redirect.addFlashAttribute("testOrderError", text("orders.testOrder.unreachable", ex.getMessage()));
		}
		return target;
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

}
