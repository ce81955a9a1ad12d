package com.partnerline.platform;

import java.io.IOException;
import java.sql.SQLException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Chooses the PostgreSQL the application runs on: the server named by
 * {@code PARTNERLINE_DB_URL}, or else an embedded PostgreSQL 17 whose data folder
 * lives under {@code ./data/postgres} and survives restarts (initdb runs only on the
 * first start). The embedded one asks every connection for a password
 * ({@link EmbeddedCredentials}): migrations run as its owner, the application as a
 * role that is no superuser.
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

	/** The application's pool; on the embedded database as a role that is no superuser. */
	@Bean
	@Primary
	HikariDataSource dataSource(PartnerlineSettings settings, EmbeddedDatabase embedded) {
		HikariDataSource dataSource = new HikariDataSource();
		if (settings.usesEmbeddedDatabase()) {
			dataSource.setJdbcUrl(embedded.jdbcUrl());
			dataSource.setUsername(EmbeddedCredentials.APP_ROLE);
			dataSource.setPassword(embedded.credentials.appPassword());
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

	/**
	 * Connections as the schema's owner, for Flyway's migrations; not pooled, as they
	 * are few. On an external database the configured user.
	 */
	@Bean
	@FlywayDataSource
	@Qualifier("owner")
	DataSource ownerDataSource(PartnerlineSettings settings, EmbeddedDatabase embedded) {
		return settings.usesEmbeddedDatabase()
				? new DriverManagerDataSource(embedded.jdbcUrl(), EmbeddedCredentials.OWNER_ROLE,
						embedded.credentials.ownerPassword())
				: new DriverManagerDataSource(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
	}

	/** The embedded server's lifecycle; the data source bean depends on it, so it stops last. */
	static final class EmbeddedDatabase implements DisposableBean {

		static final EmbeddedDatabase NONE = new EmbeddedDatabase(null, null);

		private final EmbeddedPostgres postgres;

		private final EmbeddedCredentials credentials;

		private EmbeddedDatabase(EmbeddedPostgres postgres, EmbeddedCredentials credentials) {
			this.postgres = postgres;
			this.credentials = credentials;
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
				EmbeddedCredentials credentials = EmbeddedCredentials.of(dataDir.toAbsolutePath());
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
					// the library's own readiness check connects as the owner, with its password
					.setConnectConfig("password", credentials.ownerPassword())
					.start();
				credentials.secure(postgres.getJdbcUrl(EmbeddedCredentials.OWNER_ROLE, "postgres"), pgData);
				log.info("Embedded PostgreSQL on port {} with data in {} (started in {} ms)", postgres.getPort(), pgData,
						(System.nanoTime() - started) / 1_000_000);
				return new EmbeddedDatabase(postgres, credentials);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not secure the embedded PostgreSQL in " + pgData, ex);
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

		/** The URL of the database, without a user: each data source names its own. */
		String jdbcUrl() {
			return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
		}

		@Override
		public void destroy() throws IOException {
			if (postgres != null) {
				postgres.close();
			}
		}

	}

}
