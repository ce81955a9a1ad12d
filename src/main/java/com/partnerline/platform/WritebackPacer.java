package com.partnerline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the embedded database's data files back to disk a second at a time instead of
 * in bursts. PostgreSQL grows a table by writing zero-filled pages through the page
 * cache, and Linux writes a continuously written file back only when its oldest dirty
 * page is 30 s old, all of it at once: under a full load of clicks 80–100 MB every
 * 30 s, which kept the commits queued behind it waiting for 150–300 ms, the slowest
 * half percent of all redirects. PostgreSQL paces its own buffer writes
 * ({@code *_flush_after}), not these. So every second each data file written since the
 * last pass is synced ({@code fdatasync}, on a thread of its own), and each sync has a
 * second's worth of pages to write. Only for the embedded database, whose files are the
 * application's; a server's host is tuned by its administrator
 * ({@code vm.dirty_background_bytes}).
 */
final class WritebackPacer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(WritebackPacer.class);

	private final Path base;

	private final Duration interval;

	/** Each file's modification time when it was last synced. */
	private final Map<Path, FileTime> synced = new HashMap<>();

	private final Thread thread;

	private volatile boolean running = true;

	/** @param pgData the data directory; its {@code base} folder holds the databases' files */
	WritebackPacer(Path pgData, Duration interval) {
		this.base = pgData.resolve("base");
		this.interval = interval;
		this.thread = new Thread(this::run, "writeback-pacer");
		this.thread.setDaemon(true);
	}

	WritebackPacer start() {
		thread.start();
		return this;
	}

	/**
	 * Syncs every data file modified since its last sync.
	 * @return the number of files synced
	 */
	int pass() throws IOException {
		int count = 0;
		Set<Path> seen = new HashSet<>();
		try (DirectoryStream<Path> databases = Files.newDirectoryStream(base, Files::isDirectory)) {
			for (Path database : databases) {
				try (DirectoryStream<Path> files = Files.newDirectoryStream(database)) {
					for (Path file : files) {
						seen.add(file);
						if (syncIfModified(file)) {
							count++;
						}
					}
				}
				catch (NoSuchFileException dropped) {
					// a database dropped while we looked
				}
			}
		}
		// files of dropped tables
		synced.keySet().retainAll(seen);
		return count;
	}

	private boolean syncIfModified(Path file) throws IOException {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			FileTime modified = attributes.lastModifiedTime();
			if (!attributes.isRegularFile() || modified.equals(synced.get(file))) {
				return false;
			}
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
				channel.force(false);
			}
			synced.put(file, modified);
			return true;
		}
		catch (NoSuchFileException dropped) {
			// a table dropped or truncated while we looked
			return false;
		}
	}

	private void run() {
		while (running) {
			long started = System.nanoTime();
			try {
				pass();
			}
			catch (IOException | UncheckedIOException ex) {
				log.warn("Could not sync the database files: {}", ex.getMessage());
			}
			long left = interval.toNanos() - (System.nanoTime() - started);
			if (left > 0) {
				LockSupport.parkNanos(left);
			}
		}
	}

	@Override
	public void close() {
		running = false;
		LockSupport.unpark(thread);
		try {
			thread.join(TimeUnit.SECONDS.toMillis(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
