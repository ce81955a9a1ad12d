package com.partnerline.tracking;

/** What the bytes read so far on a {@link RedirectConnection} make. */
sealed interface ParsedRequest permits RedirectRequest, ParsedRequest.Undecided {

	enum Undecided implements ParsedRequest {

		/** A prefix of a request the redirect lane may answer: read more. */
		INCOMPLETE,

		/** Not for the redirect lane: Jetty takes the connection over. */
		OTHER

	}

}
