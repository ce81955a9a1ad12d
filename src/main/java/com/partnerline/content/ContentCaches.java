package com.partnerline.content;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.partnerline.kernel.VendorId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rendered feeds and informers, kept whole (bytes, ETag, Last-Modified) so that a
 * burst of readers costs no database work. A change on this node drops them once its
 * transaction commits; other nodes see it when their entries expire
 * ({@code partnerline.content.cache-ttl}, a few seconds).
 */
@Component
class ContentCaches {

	private final Cache<Object, Rendered> rendered;

	ContentCaches(@Value("${partnerline.content.cache-ttl:PT5S}") Duration ttl) {
		this.rendered = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(20_000).build();
	}

	Rendered get(Object key, java.util.function.Function<Object, Rendered> render) {
		return rendered.get(key, render);
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

	/** A response ready to write: its bytes, media type, strong ETag and last change. */
	record Rendered(byte[] body, String contentType, String etag, Instant lastModified) {

		static Rendered of(byte[] body, String contentType, Instant lastModified) {
			try {
				byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(body);
				return new Rendered(body, contentType,
						"\"" + java.util.HexFormat.of().formatHex(hash, 0, 16) + "\"", lastModified);
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
