package com.partnerline.tracking;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the click writer.
 *
 * @param writerThreads threads that commit batches; two let one batch gather while another commits
 * @param maxBatch the most clicks committed in one transaction
 * @param lingerMicros how long a writer waits for more clicks after the first of a batch (0: none)
 * @param repeatClaims who decides which clicks are repeats: {@code node} (this node, in memory:
 *     only for a node that is the only one writing clicks to its database) or {@code database}
 *     (several nodes on one database); unset: {@code node} on the embedded database,
 *     {@code database} on a server
 */
@ConfigurationProperties("partnerline.tracking")
record TrackingSettings(Integer writerThreads, Integer maxBatch, Integer lingerMicros,
		@Nullable RepeatClaims repeatClaims) {

	/** Who decides which click of an hour key is counted. */
	enum RepeatClaims {

		NODE, DATABASE

	}

	TrackingSettings {
		writerThreads = writerThreads == null ? 2 : writerThreads;
		maxBatch = maxBatch == null ? 1000 : maxBatch;
		lingerMicros = lingerMicros == null ? 0 : lingerMicros;
	}

}
