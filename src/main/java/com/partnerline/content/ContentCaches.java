package com.partnerline.content;

import java.time.Duration;
import java.time.Instant;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rendered feeds and informers, kept whole (bytes, ETag, Last-Modified) so that a
 * burst of readers costs no database work. A change on this node drops them once its
 * transaction commits. An entry older than {@code partnerline.content.cache-ttl} (a few
 * seconds) is rendered again in the background on its next read while readers keep
 * getting the old bytes: that is how other nodes' changes (and the passing of time:
 * scheduled items, the rating's windows) arrive, at one rendering per entry and TTL
 * whatever the number of readers. Entries nobody reads for 10 minutes are dropped.
 */
@Component
class ContentCaches {

	private final Map<Class<?>, Function<Object, Rendered>> renderers = new ConcurrentHashMap<>();

	private final LoadingCache<Object, Rendered> rendered;

	ContentCaches(@Value("${partnerline.content.cache-ttl:PT5S}") Duration ttl) {
		this.rendered = Caffeine.newBuilder()
			.refreshAfterWrite(ttl)
			.expireAfterAccess(Duration.ofMinutes(10))
			.maximumSize(20_000)
			.build(key -> renderers.get(key.getClass()).apply(key));
	}

	/** How keys of {@code type} are rendered (each renderer registers itself once). */
	@SuppressWarnings("unchecked")
	<K> void register(Class<K> type, Function<K, Rendered> renderer) {
		renderers.put(type, key -> renderer.apply((K) key));
	}

	Rendered get(Object key) {
		return rendered.get(key);
	}

	/** Content of the vendor changed: drop what was rendered from it. */
	void changed(VendorId vendorId) {
		afterCommit(rendered::invalidateAll);
	}

	/** A detection changed the Virus Rating, which every vendor's feeds and informers show. */
	void ratingChanged() {
		afterCommit(rendered::invalidateAll);
	}

	private static void afterCommit(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

	/**
	 * A response ready to write: its bytes, media type, strong ETag, last change and, for
	 * a feed on a schedule, when its reader is next due ({@literal null}: revalidate each time).
	 */
	record Rendered(byte[] body, String contentType, String etag, Instant lastModified, @Nullable Instant nextUpdate) {

		static Rendered of(byte[] body, String contentType, Instant lastModified) {
			return of(body, contentType, lastModified, null);
		}

		static Rendered of(byte[] body, String contentType, Instant lastModified, @Nullable Instant nextUpdate) {
			try {
				byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(body);
				return new Rendered(body, contentType,
						"\"" + java.util.HexFormat.of().formatHex(hash, 0, 16) + "\"", lastModified, nextUpdate);
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * Cache-Control of a feed: without a schedule (realtime) readers revalidate every
		 * time (a 304 costs nothing); on a schedule they may keep their copy until the
		 * next update is due.
		 */
		String cacheControl(Instant now) {
			if (nextUpdate == null) {
				return "no-cache, public";
			}
			return "max-age=" + Math.max(0, java.time.Duration.between(now, nextUpdate).toSeconds()) + ", public";
		}

	}

}
