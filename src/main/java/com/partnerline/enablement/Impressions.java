package com.partnerline.enablement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Impressions of hosted banners. Serving a banner only adds one to a counter in memory;
 * every few seconds ({@code partnerline.enablement.impression-flush}) each node writes
 * what it has counted with one statement that adds to the day's rows, and once more when
 * it stops. No impression costs a database write on the request path; a node that dies
 * loses at most the last few seconds of its impressions (they are not money).
 */
@Component
class Impressions implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Impressions.class);

	private final LibraryStore store;

	private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();

	private volatile boolean running;

	Impressions(LibraryStore store) {
		this.store = store;
	}

	void count(long vendorId, UUID creativeId, UUID partnerId, LocalDate day) {
		pending.computeIfAbsent(new Key(vendorId, creativeId, partnerId, day), k -> new LongAdder()).increment();
	}

	/** Writes what has been counted since the last flush; the counts taken are removed only as they are written. */
	@Scheduled(fixedDelayString = "${partnerline.enablement.impression-flush:PT5S}")
	synchronized void flush() {
		List<Count> counts = new ArrayList<>();
		for (Key key : List.copyOf(pending.keySet())) {
			LongAdder adder = pending.remove(key);
			if (adder != null) {
				long sum = adder.sum();
				if (sum > 0) {
					counts.add(new Count(key.vendorId(), key.creativeId(), key.partnerId(), key.day(), sum));
				}
			}
		}
		try {
			store.addImpressions(counts);
		}
		catch (RuntimeException ex) {
			log.warn("Could not write {} impression counts; they are kept for the next try", counts.size(), ex);
			counts.forEach(c -> pending
				.computeIfAbsent(new Key(c.vendorId(), c.creativeId(), c.partnerId(), c.day()), k -> new LongAdder())
				.add(c.count()));
		}
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		try {
			flush();
		}
		finally {
			running = false;
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private record Key(long vendorId, UUID creativeId, UUID partnerId, LocalDate day) {
	}

	record Count(long vendorId, UUID creativeId, UUID partnerId, LocalDate day, long count) {
	}

}
