package com.partnerline.tracking;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the click writer.
 *
 * @param writerThreads threads that commit groups; two let one group gather while another commits
 * @param maxBatch the most clicks committed in one statement
 */
@ConfigurationProperties("partnerline.tracking")
record TrackingSettings(Integer writerThreads, Integer maxBatch) {

	TrackingSettings {
		writerThreads = writerThreads == null ? 2 : writerThreads;
		maxBatch = maxBatch == null ? 1000 : maxBatch;
	}

}
