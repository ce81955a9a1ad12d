package com.partnerline.scanner;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A listener of the test sources standing where the content capability's Virus Rating
 * will: it hears {@link ThreatDetected} the way that module will, through the event
 * publication registry after the scan's transaction commits.
 */
@Component
class ThreatDetectionsHeard {

	private final List<ThreatDetected> heard = new CopyOnWriteArrayList<>();

	@ApplicationModuleListener
	void on(ThreatDetected detected) {
		heard.add(detected);
	}

	List<ThreatDetected> heard() {
		return List.copyOf(heard);
	}

}
