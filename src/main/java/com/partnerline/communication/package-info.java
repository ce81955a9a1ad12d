/**
 * Communication between a vendor and its partners. Announcements: a manager writes
 * one in Markdown (rendered with raw HTML escaped), addresses it to all partners of
 * the program, its affiliates or its Internet Partners, and schedules it; it shows
 * in the control panel with an unread badge, is mailed once when it is published (to
 * partners who have not opted out) and its read receipts are counted. Support desk:
 * a partner opens a ticket, the vendor's managers work a queue (filters, sort,
 * paging, assignment, status), replies are mailed to the partner, every message is
 * kept, and a first-response target per partner type is watched by a job that warns
 * the managers once before a breach.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Communication",
		allowedDependencies = { "partners", "catalog", "accounts", "notifications", "kernel" })
@org.jspecify.annotations.NullMarked
package com.partnerline.communication;
