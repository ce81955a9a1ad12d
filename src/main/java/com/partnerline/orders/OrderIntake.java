package com.partnerline.orders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import com.partnerline.tracking.ReferralClaim;
import com.partnerline.tracking.ResolvedReferral;
import com.partnerline.tracking.TrackingManagement;
import com.partnerline.trials.TrialManagement;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Signed order and refund notifications from order processors (docs/api.md), verified
 * by {@link OrderIntakeSecurity} before they get here. The body is validated field by
 * field, attributed through the tracking module and recorded exactly once. Its content
 * hash is taken from a canonical form of the validated fields ({@link ContentHash}), so
 * a retry that differs only in whitespace or key order is the same order, and one that
 * differs in any value is a conflict (409).
 * <p>
 * The amount answered is the net amount in the program currency rounded half-even to
 * cents for display; the stored amount keeps its full precision. A checkout on the
 * network's own domain may forward the customer's {@code pl_ref} cookie; it is the
 * last source of attribution.
 */
@Component
class OrderIntake {

	// compiled once: String.matches compiles its pattern on every call
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

	private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

	private final OrderManagement orders;

	private final TrackingManagement tracking;

	private final TrialManagement trials;

	private final Clock clock;

	private final ObjectReader reader;

	/** Partners' login emails: they change rarely, and a self-referral check may lag a minute behind. */
	private final LoadingCache<PartnerId, Optional<String>> partnerEmails;

	OrderIntake(OrderManagement orders, TrackingManagement tracking, TrialManagement trials,
			PartnerManagement partners, Clock clock, ObjectMapper mapper) {
		this.orders = orders;
		this.tracking = tracking;
		this.trials = trials;
		this.clock = clock;
		this.reader = mapper.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
		this.partnerEmails = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterWrite(Duration.ofMinutes(1))
			.build(partnerId -> partners.find(partnerId).map(Partner::email));
	}

	/**
	 * Records a verified order notification: 201 when it was recorded now, 200 when it had been before.
	 * @throws ApiProblem when the body or its meaning is refused; nothing is stored then
	 */
	ResponseEntity<Object> order(Vendor vendor, byte[] body, @Nullable String cookie) {
		JsonNode json = parse(body);
		List<FieldProblem> problems = new ArrayList<>();
		String orderId = text(json, "orderId", 128, true, problems);
		OffsetDateTime occurredAt = dateTime(json.path("occurredAt"), "occurredAt", true, problems);
		Currency currency = currency(json.path("currency"), problems);
		JsonNode customer = json.path("customer");
		String email = text(customer, "email", 320, false, "customer.email", problems);
		if (email != null && !EMAIL.matcher(email).matches()) {
			problems.add(new FieldProblem("customer.email", "orders.emailInvalid"));
		}
		String country = text(customer, "country", 2, false, "customer.country", problems);
		if (country != null && !COUNTRY.matcher(country).matches()) {
			problems.add(new FieldProblem("customer.country", "orders.countryInvalid"));
		}
		String ip = text(customer, "ip", 45, false, "customer.ip", problems);
		if (ip != null) {
			if (com.google.common.net.InetAddresses.isInetAddress(ip)) {
				ip = com.google.common.net.InetAddresses.toAddrString(com.google.common.net.InetAddresses.forString(ip));
			}
			else {
				problems.add(new FieldProblem("customer.ip", "orders.ipInvalid"));
			}
		}
		List<OrderItem> items = items(json.path("items"), problems);
		JsonNode referral = json.path("referral");
		String partnerText = text(referral, "partnerId", 64, false, "referral.partnerId", problems);
		PartnerId namedPartner = null;
		if (partnerText != null) {
			try {
				namedPartner = PartnerId.of(partnerText);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("referral.partnerId", "orders.partnerIdInvalid"));
			}
		}
		String clickId = text(referral, "clickId", 64, false, "referral.clickId", problems);
		String linkCode = text(referral, "linkCode", 64, false, "referral.linkCode", problems);
		String coupon = text(referral, "coupon", 64, false, "referral.coupon", problems);
		refuse(problems);
		if (orderId == null || occurredAt == null || currency == null) {
			throw ApiProblem.invalid(problems);
		}
		ObjectNode canonical = ContentHash.object();
		canonical.put("orderId", orderId).put("occurredAt", occurredAt.toInstant().toString())
			.put("currency", currency.getCurrencyCode());
		ObjectNode canonicalCustomer = canonical.putObject("customer").put("email", lower(email))
			.put("country", upper(country));
		if (ip != null) {
			// only when sent, so that orders hashed before customer.ip existed keep their hash
			canonicalCustomer.put("ip", ip);
		}
		ArrayNode canonicalItems = canonical.putArray("items");
		items.forEach(item -> canonicalItems.addObject().put("sku", item.sku())
			.put("quantity", item.quantity()).put("unitPrice", item.unitPrice().toPlainString()));
		canonical.putObject("referral").put("partnerId", partnerText).put("clickId", clickId)
			.put("linkCode", linkCode).put("coupon", upper(coupon));
		ResolvedReferral resolved = tracking.resolve(vendor,
				new ReferralClaim(namedPartner, clickId, linkCode, coupon, cookie), occurredAt.toInstant());
		Attribution attribution = Attribution.valueOf(resolved.source().name());
		if (resolved.partnerId() == null && email != null) {
			// last: a trial the customer started through a partner's link, within its conversion window
			Optional<PartnerId> trialPartner = trials.referringPartner(vendor.id(), email,
					items.stream().map(OrderItem::sku).toList(), occurredAt.toInstant());
			if (trialPartner.isPresent()) {
				resolved = new ResolvedReferral(trialPartner.get(), resolved.source(), null, null);
				attribution = Attribution.TRIAL;
			}
		}
		boolean selfReferral = resolved.partnerId() != null && email != null
				&& email.equalsIgnoreCase(partnerEmails.get(resolved.partnerId()).orElse(null));
		RecordedOrder recorded = orders.record(vendor,
				new NewOrder(orderId, occurredAt, currency, lower(email), upper(country), items, resolved.partnerId(),
						attribution, resolved.clickId(), selfReferral,
						ContentHash.of(canonical), resolved.subId(), ip));
		return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new OrderResponse(recorded.orderId(),
					recorded.partnerId() == null ? null : recorded.partnerId().toString(),
					recorded.amount().rounded().toDecimalString(), recorded.amount().currency().getCurrencyCode()));
	}

	/**
	 * Records a verified refund notification: 201 when it was recorded now, 200 when it had been before.
	 * @throws ApiProblem when the body or its meaning is refused; nothing is stored then
	 */
	ResponseEntity<Object> refund(Vendor vendor, String orderId, byte[] body) {
		JsonNode json = parse(body);
		List<FieldProblem> problems = new ArrayList<>();
		String refundId = text(json, "refundId", 128, true, problems);
		BigDecimal amount = decimal(json.path("amount"), "amount", true, problems);
		OffsetDateTime occurredAt = dateTime(json.path("occurredAt"), "occurredAt", false, problems);
		refuse(problems);
		if (refundId == null || amount == null) {
			throw ApiProblem.invalid(problems);
		}
		OffsetDateTime at = occurredAt != null ? occurredAt : OffsetDateTime.now(clock);
		ObjectNode canonical = ContentHash.object().put("refundId", refundId).put("orderId", orderId)
			.put("amount", amount.toPlainString())
			.put("occurredAt", occurredAt == null ? null : occurredAt.toInstant().toString());
		RecordedRefund recorded = orders.refund(vendor, orderId,
				new NewRefund(refundId, amount, at, ContentHash.of(canonical)));
		// docs/api.md: "201; idempotent on refundId": a re-delivery gets the first answer again, 201
		// and the same body (orders differ: the table says 200 for their re-delivery)
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new RefundResponse(recorded.refundId(), recorded.orderId(),
					recorded.amount().rounded().toDecimalString(), recorded.amount().currency().getCurrencyCode()));
	}

	/** The order as answered: {@code partnerId} is written even when null, as docs/api.md shows it. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record OrderResponse(String orderId, @Nullable String partnerId, String amount, String currency) {
	}

	record RefundResponse(String refundId, String orderId, String amount, String currency) {
	}

	private JsonNode parse(byte[] body) {
		if (body.length == 0) {
			throw ApiProblem.invalidField("body", "validation.required");
		}
		try {
			JsonNode json = reader.readValue(body);
			if (json == null || !json.isObject()) {
				throw new ApiProblem(HttpStatus.BAD_REQUEST, "problem.malformed", new Object[0], List.of());
			}
			return json;
		}
		catch (JacksonException ex) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "problem.malformed", new Object[0], List.of());
		}
	}

	/**
	 * Refuses the problems found: a value with control characters is unreadable input
	 * (400), any other problem an invalid value (422); each names its field.
	 */
	private static void refuse(List<FieldProblem> problems) {
		if (problems.isEmpty()) {
			return;
		}
		boolean unreadable = problems.stream().anyMatch(p -> p.message().equals("orders.controlCharacter"));
		throw unreadable ? new ApiProblem(HttpStatus.BAD_REQUEST, "problem.validation", new Object[0], problems)
				: ApiProblem.invalid(problems);
	}

	private static List<OrderItem> items(JsonNode node, List<FieldProblem> problems) {
		List<OrderItem> items = new ArrayList<>();
		if (!node.isArray() || node.isEmpty()) {
			problems.add(new FieldProblem("items", "orders.itemsRequired"));
			return items;
		}
		if (node.size() > 1000) {
			problems.add(new FieldProblem("items", "orders.tooManyItems"));
			return items;
		}
		for (int i = 0; i < node.size(); i++) {
			JsonNode item = node.get(i);
			String field = "items[" + i + "]";
			String sku = text(item, "sku", 64, true, field + ".sku", problems);
			JsonNode quantityNode = item.path("quantity");
			Integer quantity = null;
			if (quantityNode.isIntegralNumber() && quantityNode.canConvertToInt() && quantityNode.intValue() >= 1
					&& quantityNode.intValue() <= 1_000_000) {
				quantity = quantityNode.intValue();
			}
			else {
				problems.add(new FieldProblem(field + ".quantity", "orders.quantityInvalid"));
			}
			BigDecimal price = decimal(item.path("unitPrice"), field + ".unitPrice", false, problems);
			if (sku != null && quantity != null && price != null) {
				items.add(new OrderItem(sku, quantity, price));
			}
		}
		return items;
	}

	private static @Nullable BigDecimal decimal(JsonNode node, String field, boolean positive,
			List<FieldProblem> problems) {
		BigDecimal value = null;
		try {
			if (node.isNumber()) {
				value = node.decimalValue();
			}
			else if (node.isString()) {
				value = new BigDecimal(node.asString().trim());
			}
		}
		catch (NumberFormatException ex) {
			value = null;
		}
		if (value == null) {
			problems.add(new FieldProblem(field, node.isMissingNode() || node.isNull() ? "validation.required"
					: "orders.amountInvalid"));
			return null;
		}
		if (positive ? value.signum() <= 0 : value.signum() < 0) {
			problems.add(new FieldProblem(field, positive ? "validation.positive" : "validation.notNegative"));
			return null;
		}
		if (value.stripTrailingZeros().scale() > 4 || value.compareTo(new BigDecimal("1000000000000")) >= 0) {
			problems.add(new FieldProblem(field, "orders.amountInvalid"));
			return null;
		}
		return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
	}

	private static @Nullable OffsetDateTime dateTime(JsonNode node, String field, boolean required,
			List<FieldProblem> problems) {
		if (node.isMissingNode() || node.isNull()) {
			if (required) {
				problems.add(new FieldProblem(field, "validation.required"));
			}
			return null;
		}
		try {
			return OffsetDateTime.parse(node.asString());
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(field, "orders.dateTimeInvalid"));
			return null;
		}
	}

	private static @Nullable Currency currency(JsonNode node, List<FieldProblem> problems) {
		if (node.isMissingNode() || node.isNull()) {
			problems.add(new FieldProblem("currency", "validation.required"));
			return null;
		}
		String code = node.asString();
		try {
			if (CURRENCY_CODE.matcher(code).matches()) {
				return Currency.getInstance(code);
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		problems.add(new FieldProblem("currency", "validation.currency"));
		return null;
	}

	private static @Nullable String text(JsonNode node, String name, int max, boolean required,
			List<FieldProblem> problems) {
		return text(node, name, max, required, name, problems);
	}

	private static @Nullable String text(JsonNode parent, String name, int max, boolean required, String field,
			List<FieldProblem> problems) {
		JsonNode node = parent.path(name);
		if (node.isMissingNode() || node.isNull() || (node.isString() && node.asString().isBlank())) {
			if (required) {
				problems.add(new FieldProblem(field, "validation.required"));
			}
			return null;
		}
		if (!node.isString() && !node.isNumber()) {
			problems.add(new FieldProblem(field, "validation.unreadableValue"));
			return null;
		}
		String raw = node.asString();
		// checked before trimming: a control character is refused, never cut off and the rest stored
		if (hasControlCharacter(raw)) {
			problems.add(new FieldProblem(field, "orders.controlCharacter"));
			return null;
		}
		String value = raw.trim();
		if (value.length() > max) {
			problems.add(new FieldProblem(field, "validation.tooLong"));
			return null;
		}
		return value;
	}

	private static boolean hasControlCharacter(String value) {
		return value.chars().anyMatch(Character::isISOControl);
	}

	private static @Nullable String lower(@Nullable String value) {
		return value == null ? null : value.toLowerCase(Locale.ROOT);
	}

	private static @Nullable String upper(@Nullable String value) {
		return value == null ? null : value.toUpperCase(Locale.ROOT);
	}

}
