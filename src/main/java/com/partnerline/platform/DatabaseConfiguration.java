package com.partnerline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the PostgreSQL the application runs on: the server named by
 * {@code PARTNERLINE_DB_URL}, or else an embedded PostgreSQL 17 whose data folder
 * lives under {@code ./data/postgres} and survives restarts (initdb runs only on the
 * first start).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean
	EmbeddedDatabase embeddedDatabase(PartnerlineSettings settings,
			@Value("${partnerline.embedded-durable:true}") boolean durable) {
		return settings.usesEmbeddedDatabase() ? EmbeddedDatabase.start(settings.dataDir(), durable)
				: EmbeddedDatabase.NONE;
	}

	@Bean
	HikariDataSource dataSource(PartnerlineSettings settings, EmbeddedDatabase embedded) {
		HikariDataSource dataSource = new HikariDataSource();
		if (settings.usesEmbeddedDatabase()) {
			dataSource.setJdbcUrl(embedded.jdbcUrl());
			dataSource.setUsername("postgres");
		}
		else {
			dataSource.setJdbcUrl(settings.dbUrl());
			dataSource.setUsername(settings.dbUser());
			dataSource.setPassword(settings.dbPassword());
			log.info("Using PostgreSQL at {}", settings.dbUrl());
		}
		dataSource.setPoolName("partnerline");
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

	/** The embedded server's lifecycle; the data source bean depends on it, so it stops last. */
	static final class EmbeddedDatabase implements DisposableBean {

		static final EmbeddedDatabase NONE = new EmbeddedDatabase(null);

		private final EmbeddedPostgres postgres;

		private EmbeddedDatabase(EmbeddedPostgres postgres) {
			this.postgres = postgres;
		}

		/**
		 * @param durable whether commits reach the disk (fsync); the embedded library
		 * turns that off by default, which suits tests but not data that must survive
		 * a power cut
		 */
		static EmbeddedDatabase start(Path dataDir, boolean durable) {
			Path pgData = dataDir.resolve("postgres").toAbsolutePath();
			Path work = dataDir.resolve("pg-runtime").toAbsolutePath();
			try {
				Files.createDirectories(pgData);
				Files.createDirectories(work);
				stopOrphanedServer(pgData);
				long started = System.nanoTime();
				EmbeddedPostgres postgres = EmbeddedPostgres.builder()
					.setDataDirectory(pgData)
					.setCleanDataDirectory(false)
					.setOverrideWorkingDirectory(work.toFile())
					.setServerConfig("unix_socket_directories", "")
					.setServerConfig("max_connections", "200")
					.setServerConfig("shared_buffers", "256MB")
					.setServerConfig("synchronous_commit", "on")
					.setServerConfig("fsync", durable ? "on" : "off")
					.setServerConfig("full_page_writes", durable ? "on" : "off")
					// The settings of a write-heavy server (ADR 0014; README, "On a PostgreSQL server of
					// your own"). A burst of clicks writes about 1 GB of WAL a minute: checkpoints every
					// 1 GB (the default) would stall commits and repeat full-page writes that often,
					.setServerConfig("max_wal_size", "4GB")
					// and checkpoints keep this much WAL as recycled segments for later commits to reuse.
					.setServerConfig("min_wal_size", "1GB")
					// A new WAL segment is made at its full size at once instead of written full of
					// zeros while the commits that need it wait.
					.setServerConfig("wal_init_zero", "off")
					// Data pages written by backends and the background writer are handed to the disk
					// as they go, not left for the kernel to write back in 30-second bursts that hold
					// up the commits queued behind them.
					.setServerConfig("backend_flush_after", "512kB")
					.setServerConfig("bgwriter_flush_after", "512kB")
					.setServerConfig("checkpoint_flush_after", "256kB")
					.setPGStartupWait(Duration.ofSeconds(60))
					// stopped by destroy() after the beans that use it (event registry, scheduler),
					// not by a JVM hook racing the application context's shutdown
					.setRegisterShutdownHook(false)
					.start();
				log.info("Embedded PostgreSQL on port {} with data in {} (started in {} ms)", postgres.getPort(), pgData,
						(System.nanoTime() - started) / 1_000_000);
				return new EmbeddedDatabase(postgres);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, ex);
			}
		}

		/**
		 * A start that ended without closing the application (killed, or a training run
		 * for class-data sharing) leaves its PostgreSQL running on the data folder, and
		 * the next start would fail on the lock file. A server whose parent process is
		 * gone is orphaned and stopped here; one still owned by a live process means
		 * another instance uses this folder, which is refused with a clear message.
		 */
		private static void stopOrphanedServer(Path pgData) throws IOException {
			Path pidFile = pgData.resolve("postmaster.pid");
			if (!Files.exists(pidFile)) {
				return;
			}
			long pid;
			try {
				pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
			}
			catch (RuntimeException ex) {
				return;
			}
			ProcessHandle server = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).orElse(null);
			if (server == null || !server.info().command().orElse("").contains("postgres")) {
				return;
			}
			boolean orphaned = server.parent()
				.map(parent -> !parent.info().command().orElse("").contains("java"))
				.orElse(true);
			if (!orphaned) {
				throw new IllegalStateException("The data folder " + pgData
						+ " is in use by another running Partnerline (PostgreSQL pid " + pid + ")");
			}
			log.warn("Stopping PostgreSQL pid {} left running on {} by an earlier start", pid, pgData);
			server.destroy();
			try {
				server.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				server.destroyForcibly();
			}
		}

		String jdbcUrl() {
			return postgres.getJdbcUrl("postgres", "postgres");
		}

		@Override
		public void destroy() throws IOException {
			if (postgres != null) {
				postgres.close();
			}
		}

	}

}
