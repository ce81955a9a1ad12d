package com.partnerline.scanner;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import jakarta.servlet.ServletContext;

import com.partnerline.support.Api;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory stays bounded: while a 90 MB upload is being scanned, the heap that survives a
 * full collection has not grown by anything near 90 MB, and no large file was spooled
 * to the temporary folder. The application runs in this JVM, so its heap is measured
 * directly; the measurement is taken at 80 MB, with the upload's connection, its part
 * of the multipart stream and clamd's connection all live.
 */
class ScanMemoryIntegrationTest extends IntegrationTest {

	private static final long SIZE = 90L * 1024 * 1024;

	private static final long MEASURE_AT = 80L * 1024 * 1024;

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	@Autowired
	ServletContext servletContext;

	@Test
	void scansA90MegabyteUploadWithoutHoldingItInMemoryOrOnDisk() throws Exception {
		// a first scan warms up everything a scan touches, so that the baseline holds it too
		new Uploads(port, Uploads.newClient()).scan("warm.bin", Uploads.generated(1024 * 1024), 1024 * 1024);
		Instant started = Instant.now();
		long baseline = liveHeap();
		AtomicLong during = new AtomicLong(-1);
		AtomicLong spooled = new AtomicLong(-1);
		InputStream measuring = new InputStream() {

			private final InputStream content = Uploads.generated(SIZE);

			private long sent;

			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
			}

			@Override
			public int read(byte[] buffer, int offset, int count) throws IOException {
				if (sent >= MEASURE_AT && during.get() < 0) {
					during.set(liveHeap());
					spooled.set(largestFileWrittenSince(started));
				}
				int read = content.read(buffer, offset, count);
				if (read > 0) {
					sent += read;
				}
				return read;
			}
		};

		Api.Response response = new Uploads(port, Uploads.newClient()).scan("large.iso", measuring, SIZE);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("bytes").asLong()).isEqualTo(SIZE);
		long growth = during.get() - baseline;
		System.out.printf("scan memory: live heap %d MB before, %d MB at 80 MB of a 90 MB upload (growth %d KB)%n",
				baseline >> 20, during.get() >> 20, growth >> 10);
		assertThat(growth).as("live heap growth while scanning 90 MB").isLessThan(16L * 1024 * 1024);
		assertThat(spooled.get()).as("largest file written to the temporary folder meanwhile").isLessThan(8L * 1024 * 1024);
	}

	/** Heap in use after a full collection: what is really held. */
	private static long liveHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return MEMORY.getHeapMemoryUsage().getUsed();
	}

	private long largestFileWrittenSince(Instant since) throws IOException {
		// where the container would spool parts (clamd keeps its own temporary files elsewhere)
		Path temp = ((java.io.File) servletContext.getAttribute(ServletContext.TEMPDIR)).toPath();
		AtomicLong largest = new AtomicLong();
		try (Stream<Path> files = Files.walk(temp, 4)) {
			files.forEach(path -> {
				try {
					BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
					if (attributes.isRegularFile() && attributes.lastModifiedTime().toInstant().isAfter(since)) {
						largest.accumulateAndGet(attributes.size(), Math::max);
					}
				}
				catch (IOException ex) {
					// a file of another process that went away meanwhile
				}
			});
		}
		catch (java.io.UncheckedIOException ex) {
			// a folder that went away while walking; what was seen so far counts
		}
		return largest.get();
	}

}
