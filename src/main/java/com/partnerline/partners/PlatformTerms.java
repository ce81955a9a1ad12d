package com.partnerline.partners;

/** The platform terms every partner accepts at sign-up; a new version replaces the last. */
public record PlatformTerms(String version, String text) {
}
