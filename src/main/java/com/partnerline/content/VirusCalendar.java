package com.partnerline.content;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.partnerline.kernel.VendorId;

import org.springframework.stereotype.Component;

/** The Virus Calendar: the published threats active on each date of a month. */
@Component
public class VirusCalendar {

	private final ContentStore store;

	private final Clock clock;

	VirusCalendar(ContentStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** Every date of {@code month} with the threats active on it (most dangerous first). */
	public List<Day> month(VendorId vendorId, YearMonth month) {
		List<ContentItem> threats = store.activeThreats(vendorId, month.atDay(1), month.atEndOfMonth(),
				clock.instant());
		List<Day> days = new ArrayList<>();
		for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
			LocalDate date = day;
			days.add(new Day(date, threats.stream().filter(t -> t.activeOn(date)).toList()));
		}
		return days;
	}

	/** The threats active on some day of {@code month}. */
	public List<ContentItem> activeIn(VendorId vendorId, YearMonth month) {
		return store.activeThreats(vendorId, month.atDay(1), month.atEndOfMonth(), clock.instant());
	}

	public record Day(LocalDate date, List<ContentItem> threats) {
	}

}
