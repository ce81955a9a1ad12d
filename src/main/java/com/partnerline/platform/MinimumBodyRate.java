package com.partnerline.platform;

import java.time.Duration;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Drops a request whose body comes in slower than a minimum rate, once a grace period
 * has passed since it started to come (408): a client that sends a byte every few
 * seconds keeps its connection busy for that long at most. Jetty 12's
 * {@code HttpConfiguration.setMinRequestDataRate} is no longer enforced, and its
 * {@code MinimumDataRateHandler} measures the bytes of all requests together, so
 * this counts the bytes of each request.
 */
final class MinimumBodyRate extends Handler.Wrapper {

	private final long bytesPerSecond;

	private final long graceNanos;

	MinimumBodyRate(Handler handler, long bytesPerSecond, Duration grace) {
		super(handler);
		this.bytesPerSecond = bytesPerSecond;
		this.graceNanos = grace.toNanos();
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) throws Exception {
		return super.handle(new RateCheckedRequest(request), response, callback);
	}

	private final class RateCheckedRequest extends Request.Wrapper {

		private long firstReadNanos;

		private long bytes;

		RateCheckedRequest(Request request) {
			super(request);
		}

		@Override
		public Content.Chunk read() {
			long now = NanoTime.now();
			if (firstReadNanos == 0) {
				firstReadNanos = now;
			}
			long elapsed = NanoTime.elapsed(firstReadNanos, now);
			if (elapsed > graceNanos && bytes * 1_000_000_000L / elapsed < bytesPerSecond) {
				return Content.Chunk.from(new HttpException.RuntimeException(HttpStatus.REQUEST_TIMEOUT_408,
						"request body below the minimum rate"));
			}
			Content.Chunk chunk = super.read();
			if (chunk != null) {
				bytes += chunk.remaining();
			}
			return chunk;
		}

	}

}
