/**
 * Content cooperation: the vendor's editors publish Anti-Virus News, Virus News and
 * threat entries (drafts, publication time, translations in en, ru, fr and de, every
 * saved version kept); the live Virus Rating ranks threats by the scanner's detections
 * (heard as {@link com.partnerline.scanner.ThreatDetected}) in the last 24 hours and 7
 * days weighted by danger level; the Virus Calendar lists the threats active on each
 * date. Partners publish the feeds ({@code /feeds/{feed}.{rss,atom,json}}) under a
 * content agreement with its own key, usage counted in batches; the free Virus
 * Informer ({@code /informer/{partnerCode}.js} and {@code .html}) shows the rating and
 * the latest news with links that carry the partner's referral. Rendered feeds and
 * informers are cached (Caffeine), so a burst of readers costs no database work.
 * Design: docs/adr/0022-content-cooperation-feeds-and-informer.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Content",
		allowedDependencies = { "scanner", "partners", "catalog", "accounts", "tracking", "kernel" })
@org.jspecify.annotations.NullMarked
package com.partnerline.content;
