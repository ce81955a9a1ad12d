package com.partnerline.tracking;

/** Clicks through links with one sub-id in a period, and how many of them counted (not bots or repeats). */
public record SubIdClicks(String subId, long clicks, long counted) {
}
