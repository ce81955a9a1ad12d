package com.partnerline.tracking;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import com.partnerline.kernel.Batcher;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The database reads of the redirect path, in groups: links this node has not cached
 * yet (one query for all the codes of a group) and the cookie windows of vendors. A
 * burst of first visits (a node just started, a new link shared widely) so costs a
 * few statements on one connection, instead of a pool thread and a connection per
 * visit that compete with the click writers for the cores: measured, those visits
 * were the slowest percent of all redirects.
 */
@Component
class RedirectReads extends Batcher<RedirectReads.Read> {

	private static final int THREADS = 1;

	private static final int CAPACITY = 100_000;

	private static final int MAX_BATCH = 500;

	/** A read waiting for its group. */
	sealed interface Read {

		CompletableFuture<?> done();

	}

	/** The link of a code; completes with null when there is none. */
	record LinkRead(String code, CompletableFuture<Redirects.@Nullable Target> done) implements Read {
	}

	/** A vendor's cookie window in days. */
	record CookieDaysRead(long vendorId, CompletableFuture<Integer> done) implements Read {
	}

	private final TrackingStore store;

	private final TrackingManagement tracking;

	private final AtomicLong groups = new AtomicLong();

	RedirectReads(TrackingStore store, TrackingManagement tracking) {
		super("redirect-reads", THREADS, CAPACITY, MAX_BATCH);
		this.store = store;
		this.tracking = tracking;
	}

	/**
	 * Queues the read of a link.
	 * @throws IllegalStateException when no more reads are taken (stopped, or the queue is full)
	 */
	CompletableFuture<Redirects.@Nullable Target> link(String code) {
		LinkRead read = new LinkRead(code, new CompletableFuture<>());
		submit(read);
		return read.done();
	}

	/**
	 * Queues the read of a vendor's cookie window.
	 * @throws IllegalStateException when no more reads are taken (stopped, or the queue is full)
	 */
	CompletableFuture<Integer> cookieDays(long vendorId) {
		CookieDaysRead read = new CookieDaysRead(vendorId, new CompletableFuture<>());
		submit(read);
		return read.done();
	}

	@Override
	protected void process(List<Read> batch) {
		Set<String> codes = new HashSet<>();
		Set<Long> vendors = new HashSet<>();
		for (Read read : batch) {
			if (read instanceof LinkRead link) {
				codes.add(link.code());
			}
			else if (read instanceof CookieDaysRead days) {
				vendors.add(days.vendorId());
			}
		}
		Map<String, Redirects.Target> targets = new HashMap<>();
		if (!codes.isEmpty()) {
			for (Link link : store.links(codes)) {
				targets.put(link.code(), new Redirects.Target(link.code(), link.vendorId().value(),
						link.partnerId().value(), link.subId(), link.targetUrl()));
			}
		}
		Map<Long, Integer> cookieDays = new HashMap<>();
		for (long vendor : vendors) {
			cookieDays.put(vendor, tracking.cookieDays(new VendorId(vendor)));
		}
		groups.incrementAndGet();
		for (Read read : batch) {
			if (read instanceof LinkRead link) {
				link.done().complete(targets.get(link.code()));
			}
			else if (read instanceof CookieDaysRead days) {
				days.done().complete(cookieDays.get(days.vendorId()));
			}
		}
	}

	/** Groups read so far. */
	long groups() {
		return groups.get();
	}

	@Override
	protected void failed(List<Read> batch, RuntimeException ex) {
		batch.forEach(read -> read.done().completeExceptionally(ex));
	}

}
