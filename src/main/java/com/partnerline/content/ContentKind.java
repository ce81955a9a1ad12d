package com.partnerline.content;

/** What a content item is: a news item of one of the two news feeds, or a threat entry. */
public enum ContentKind {

	AV_NEWS, VIRUS_NEWS, THREAT

}
