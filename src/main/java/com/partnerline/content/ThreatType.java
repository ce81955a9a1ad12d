package com.partnerline.content;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The type of a threat entry (shown translated, never as the code). */
public enum ThreatType {

	VIRUS, WORM, TROJAN, RANSOMWARE, SPYWARE, ADWARE, BACKDOOR, ROOTKIT, EXPLOIT, PHISHING, TEST;

	static final Set<String> NAMES = Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

}
