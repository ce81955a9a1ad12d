package com.partnerline.tracking;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the click writer.
 *
 * @param writerThreads threads that commit batches; two let one batch gather while another commits
 * @param maxBatch the most clicks committed in one transaction
 * @param lingerMicros how long a writer waits for more clicks after the first of a batch (0: none)
 */
@ConfigurationProperties("partnerline.tracking")
record TrackingSettings(Integer writerThreads, Integer maxBatch, Integer lingerMicros) {

	TrackingSettings {
		writerThreads = writerThreads == null ? 2 : writerThreads;
		maxBatch = maxBatch == null ? 1000 : maxBatch;
		lingerMicros = lingerMicros == null ? 0 : lingerMicros;
	}

}
