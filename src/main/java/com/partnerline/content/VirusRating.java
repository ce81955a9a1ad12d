package com.partnerline.content;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.partnerline.kernel.VendorId;
import com.partnerline.scanner.ThreatDetected;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live Virus Rating: threats ranked by the scanner's detections, weighted by the
 * danger level of the vendor's threat entry (1 for a threat without one). Score =
 * danger × (7 × detections in the last 24 hours + detections in the last 7 days): the
 * last day, scaled to a week, counts as much as the whole week, so a threat that is
 * spreading now climbs at once. Detections arrive as {@link ThreatDetected} events
 * (after the scan's transaction commits, kept by the event publication registry) and
 * drop the rendered feeds and informers, so the next reader sees the new ranking.
 */
@Component
public class VirusRating {

	private final JdbcClient jdbc;

	private final ContentStore store;

	private final ContentCaches caches;

	private final Clock clock;

	VirusRating(JdbcClient jdbc, ContentStore store, ContentCaches caches, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.caches = caches;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ThreatDetected detected) {
		record(detected);
	}

	/** Counts a detection once per scan and threat name (a redelivered event changes nothing). */
	@Transactional
	public void record(ThreatDetected detected) {
		for (String threat : detected.threats().stream().distinct().toList()) {
			jdbc.sql("""
					INSERT INTO threat_detections (scan_id, threat, detected_at) VALUES (?, ?, ?)
					ON CONFLICT DO NOTHING""")
				.params(detected.scanId(), threat.length() > 200 ? threat.substring(0, 200) : threat,
						Timestamp.from(detected.detectedAt()))
				.update();
		}
		caches.ratingChanged();
	}

	/** The top {@code limit} threats now, best first, as the vendor's entries describe them. */
	public List<Entry> top(VendorId vendorId, int limit) {
		Instant now = clock.instant();
		List<Counted> counted = jdbc.sql("""
				SELECT threat, count(*) FILTER (WHERE detected_at > ?) AS day, count(*) AS week
				FROM threat_detections WHERE detected_at > ? AND detected_at <= ? GROUP BY threat""")
			.params(Timestamp.from(now.minus(Duration.ofHours(24))), Timestamp.from(now.minus(Duration.ofDays(7))),
					Timestamp.from(now))
			.query((rs, row) -> new Counted(rs.getString("threat"), rs.getLong("day"), rs.getLong("week")))
			.list();
		Map<String, ContentItem> entries = store
			.threatsNamed(vendorId, counted.stream().map(Counted::threat).toList(), now)
			.stream()
			.collect(Collectors.toMap(i -> i.threatName().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
		List<Entry> ranked = new ArrayList<>();
		for (Counted c : counted) {
			ContentItem entry = entries.get(c.threat().toLowerCase(Locale.ROOT));
			int danger = entry == null || entry.dangerLevel() == null ? 1 : entry.dangerLevel();
			ranked.add(new Entry(0, c.threat(), entry, danger, c.day(), c.week(), danger * (7 * c.day() + c.week())));
		}
		ranked.sort(Comparator.comparingLong(Entry::score)
			.reversed()
			.thenComparing(Comparator.comparingLong(Entry::lastDay).reversed())
			.thenComparing(Entry::threat));
		List<Entry> top = new ArrayList<>();
		for (int i = 0; i < Math.min(limit, ranked.size()); i++) {
			Entry e = ranked.get(i);
			top.add(new Entry(i + 1, e.threat(), e.entry(), e.danger(), e.lastDay(), e.lastWeek(), e.score()));
		}
		return top;
	}

	private record Counted(String threat, long day, long week) {
	}

	/**
	 * A place in the rating.
	 * @param rank 1 for the first
	 * @param threat the engine's name
	 * @param entry the vendor's threat entry of that name, if any
	 */
	public record Entry(int rank, String threat, @Nullable ContentItem entry, int danger, long lastDay, long lastWeek,
			long score) {

		/** The threat's name to show in {@code lang}. */
		public String title(String lang) {
			return entry == null ? threat : entry.text(lang).title();
		}

	}

}
