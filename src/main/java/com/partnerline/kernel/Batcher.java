package com.partnerline.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Processes what many requests hand in, in groups: a few threads take whatever has
 * queued since their last group (up to {@code maxBatch}) and process it with one
 * statement, so that no request pays for a round trip or a commit of its own (group
 * commit for writers, batched lookups for readers). Requests wait on their item's
 * future, which {@link #process(List)} completes once the group is done. On shutdown
 * the queue is drained before the threads end; the phase puts that after the web
 * server has finished its requests in flight.
 *
 * @param <T> what is processed
 */
public abstract class Batcher<T> implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Batcher.class);

	private static final Duration IDLE_POLL = Duration.ofMillis(100);

	private final String name;

	private final int threadCount;

	private final int maxBatch;

	private final BlockingQueue<T> queue;

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	protected Batcher(String name, int threads, int capacity, int maxBatch) {
		this.name = name;
		this.threadCount = threads;
		this.maxBatch = maxBatch;
		this.queue = new LinkedBlockingQueue<>(capacity);
	}

	/**
	 * Queues an item for the next group.
	 * @throws IllegalStateException when the batcher is stopped or its queue is full
	 */
	protected void submit(T item) {
		if (!running || !queue.offer(item)) {
			throw new IllegalStateException(name + " is not accepting work");
		}
	}

	/** Processes one group (one transaction for writers) and completes each item's future. */
	protected abstract void process(List<T> batch);

	/** Called when the group could not be processed: fail each item's future. */
	protected abstract void failed(List<T> batch, RuntimeException ex);

	/** Called before a group is taken, with the first item in hand: room to wait for more. */
	protected void beforeDrain(int queued, int maxBatch) {
	}

	private void run() {
		List<T> batch = new ArrayList<>(maxBatch);
		while (running || !queue.isEmpty()) {
			try {
				T first = queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				beforeDrain(queue.size(), maxBatch);
				queue.drainTo(batch, maxBatch - 1);
				process(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				if (!running) {
					break;
				}
			}
			catch (RuntimeException ex) {
				log.error("{} failed to process a group of {}", name, batch.size(), ex);
				failed(batch, ex);
			}
			finally {
				batch.clear();
			}
		}
	}

	@Override
	public void start() {
		running = true;
		for (int i = 0; i < threadCount; i++) {
			Thread thread = new Thread(this::run, name + "-" + i);
			thread.setDaemon(true);
			thread.start();
			threads.add(thread);
		}
	}

	@Override
	public void stop() {
		running = false;
		for (Thread thread : threads) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		threads.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		// below the web server's graceful shutdown phase, so requests in flight still get their commit
		return Integer.MIN_VALUE + 1000;
	}

}
