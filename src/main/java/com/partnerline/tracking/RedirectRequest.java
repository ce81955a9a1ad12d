package com.partnerline.tracking;

import org.jspecify.annotations.Nullable;

/**
 * A request the redirect lane answers itself (see {@link RedirectRequestParser}).
 *
 * @param code the link code
 * @param userAgent the {@code User-Agent}, if sent
 * @param referrer the {@code Referer}, if sent
 * @param forwardedFor the {@code X-Forwarded-For} chain, if sent
 * @param forwardedProto the {@code X-Forwarded-Proto}, if sent
 * @param close whether the client asked to close the connection after the answer
 * @param length the number of bytes of the request
 */
record RedirectRequest(String code, @Nullable String userAgent, @Nullable String referrer,
		@Nullable String forwardedFor, @Nullable String forwardedProto, boolean close, int length)
		implements ParsedRequest {

}
