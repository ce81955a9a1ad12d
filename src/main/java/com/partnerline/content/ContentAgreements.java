package com.partnerline.content;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Content agreements and their keys. A key is looked up once and then kept (also a key
 * that does not exist), looked up again in the background every {@code KEY_TTL} while it is
 * read, so that feed readers cost no database work.
 */
@Service
public class ContentAgreements {

	static final Duration KEY_TTL = Duration.ofSeconds(30);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String COLUMNS = "id, vendor_id, partner_id, feeds, max_items, schedule, terms, feed_key, created_at";

	private final JdbcClient jdbc;

	private final PartnerManagement partners;

	private final Clock clock;

	/**
	 * Keys as looked up (an unknown one too). A key read again after {@code KEY_TTL} is
	 * looked up anew in the background while its readers keep the answer they had, so a
	 * reader never waits for the database; keys nobody uses for 10 minutes are dropped.
	 */
	private final LoadingCache<String, Optional<ContentAgreement>> byKey = Caffeine.newBuilder()
		.refreshAfterWrite(KEY_TTL)
		.expireAfterAccess(Duration.ofMinutes(10))
		.maximumSize(100_000)
		.build(key -> find("feed_key = ?", key).stream().findFirst());

	ContentAgreements(JdbcClient jdbc, PartnerManagement partners, Clock clock) {
		this.jdbc = jdbc;
		this.partners = partners;
		this.clock = clock;
	}

	/** What an agreement is made of (API body, console form, demo). */
	public record Draft(@Nullable String partnerId, @Nullable String partnerCode, @Nullable List<String> feeds,
			@Nullable Integer maxItems, @Nullable String schedule, @Nullable String terms) {
	}

	/** Makes an agreement with a new key; 422 naming each bad field, nothing stored then. */
	@Transactional
	public ContentAgreement create(Vendor vendor, Draft draft) {
		List<FieldProblem> errors = new ArrayList<>();
		Partner partner = null;
		if (draft.partnerId() != null && !draft.partnerId().isBlank()) {
			try {
				partner = partners.find(PartnerId.of(draft.partnerId().strip())).orElse(null);
			}
			catch (IllegalArgumentException ex) {
				partner = null;
			}
			if (partner == null) {
				errors.add(new FieldProblem("partnerId", "content.error.partner"));
			}
		}
		else if (draft.partnerCode() != null && !draft.partnerCode().isBlank()) {
			partner = partners.findByCode(draft.partnerCode().strip()).orElse(null);
			if (partner == null) {
				errors.add(new FieldProblem("partnerCode", "content.error.partner"));
			}
		}
		else {
			errors.add(new FieldProblem("partnerId", "content.error.required"));
		}
		if (partner != null && partners.membership(vendor.id(), partner.id()).isEmpty()) {
			errors.add(new FieldProblem("partnerId", "content.error.notMember"));
		}
		List<Feed> feeds = new ArrayList<>();
		if (draft.feeds() == null || draft.feeds().isEmpty()) {
			errors.add(new FieldProblem("feeds", "content.error.required"));
		}
		else {
			for (String name : draft.feeds()) {
				Optional<Feed> feed = name == null ? Optional.empty() : Feed.of(name.strip());
				if (feed.isEmpty()) {
					errors.add(new FieldProblem("feeds", "content.error.feed"));
				}
				else if (!feeds.contains(feed.get())) {
					feeds.add(feed.get());
				}
			}
		}
		int maxItems = draft.maxItems() == null ? 10 : draft.maxItems();
		if (maxItems < 1 || maxItems > 100) {
			errors.add(new FieldProblem("maxItems", "content.error.maxItems"));
		}
		ContentAgreement.Schedule schedule = ContentAgreement.Schedule.DAILY;
		if (draft.schedule() != null && !draft.schedule().isBlank()) {
			try {
				schedule = ContentAgreement.Schedule.valueOf(draft.schedule().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldProblem("schedule", "content.error.choice"));
			}
		}
		String terms = draft.terms() == null ? "" : draft.terms().strip();
		if (terms.length() > 10_000) {
			errors.add(new FieldProblem("terms", "content.error.tooLong"));
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
		byte[] secret = new byte[24];
		RANDOM.nextBytes(secret);
		ContentAgreement agreement = new ContentAgreement(UUID.randomUUID(), vendor.id(), partner.id(), feeds, maxItems,
				schedule, terms, Base64.getUrlEncoder().withoutPadding().encodeToString(secret), clock.instant());
		jdbc.sql("INSERT INTO content_agreements (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(agreement.id(), vendor.id().value(), partner.id().value(),
					feeds.stream().map(Feed::slug).toArray(String[]::new), maxItems, schedule.name(), terms,
					agreement.feedKey(), Timestamp.from(agreement.createdAt()))
			.update();
		byKey.invalidate(agreement.feedKey());
		return agreement;
	}

	/** The agreement of {@code key}, from memory when it was looked up lately. */
	public Optional<ContentAgreement> byKey(String key) {
		if (key.length() > 64) {
			return Optional.empty();
		}
		return byKey.get(key);
	}

	public List<ContentAgreement> ofVendor(VendorId vendorId) {
		return find("vendor_id = ? ORDER BY created_at DESC", vendorId.value());
	}

	public List<ContentAgreement> ofPartner(PartnerId partnerId) {
		return find("partner_id = ? ORDER BY created_at DESC", partnerId.value());
	}

	public boolean anyOf(VendorId vendorId, PartnerId partnerId) {
		return !find("vendor_id = ? AND partner_id = ?", vendorId.value(), partnerId.value()).isEmpty();
	}

	/** Requests per agreement: all time and the last 30 days, as counted so far. */
	public Map<UUID, Usage> usage(VendorId vendorId) {
		Map<UUID, Usage> usage = new HashMap<>();
		jdbc.sql("""
				SELECT u.agreement_id, sum(u.requests) AS total,
				       coalesce(sum(u.requests) FILTER (WHERE u.day > ?), 0) AS recent, max(u.day) AS last_day
				FROM content_agreement_usage u JOIN content_agreements a ON a.id = u.agreement_id
				WHERE a.vendor_id = ? GROUP BY u.agreement_id""")
			.params(java.sql.Date.valueOf(LocalDate.now(clock).minusDays(30)), vendorId.value())
			.query(rs -> {
				usage.put(rs.getObject("agreement_id", UUID.class), new Usage(rs.getLong("total"), rs.getLong("recent"),
						rs.getDate("last_day") == null ? null : rs.getDate("last_day").toLocalDate()));
			});
		return usage;
	}

	private List<ContentAgreement> find(String where, Object... params) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM content_agreements WHERE " + where)
			.params(Arrays.asList(params))
			.query((rs, row) -> new ContentAgreement(rs.getObject("id", UUID.class),
					new VendorId(rs.getLong("vendor_id")), new PartnerId(rs.getObject("partner_id", UUID.class)),
					Arrays.stream((String[]) rs.getArray("feeds").getArray())
						.map(Feed::of)
						.flatMap(Optional::stream)
						.toList(),
					rs.getInt("max_items"), ContentAgreement.Schedule.valueOf(rs.getString("schedule")),
					rs.getString("terms"), rs.getString("feed_key"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/** Requests counted for an agreement. */
	public record Usage(long total, long last30Days, @Nullable LocalDate lastDay) {
	}

}
