package com.partnerline.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded PostgreSQL trusts nobody: the owner ({@code postgres}, superuser, used
 * for migrations and WAL housekeeping) and the application's role
 * ({@value #APP_ROLE}, no superuser, may read and write the tables but not change
 * them) each have a password generated on the first start and kept in the data folder,
 * readable by its owner only; every connection must give its password (SCRAM).
 */
record EmbeddedCredentials(String ownerPassword, String appPassword) {

	static final String OWNER_ROLE = "postgres";

	static final String APP_ROLE = "partnerline_app";

	private static final String FILE = "postgres-credentials.properties";

	/** The credentials of {@code dataDir}, made up and stored (owner-readable only) on the first start. */
	static EmbeddedCredentials of(Path dataDir) throws IOException {
		Path file = dataDir.resolve(FILE);
		if (Files.exists(file)) {
			Properties stored = new Properties();
			try (Reader reader = Files.newBufferedReader(file)) {
				stored.load(reader);
			}
			return new EmbeddedCredentials(stored.getProperty("owner.password"), stored.getProperty("app.password"));
		}
		EmbeddedCredentials fresh = new EmbeddedCredentials(newPassword(), newPassword());
		Properties stored = new Properties();
		stored.setProperty("owner.password", fresh.ownerPassword());
		stored.setProperty("app.password", fresh.appPassword());
		Path written = Files.createTempFile(dataDir, "credentials", ".tmp");
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
		}
		try (Writer writer = Files.newBufferedWriter(written)) {
			stored.store(writer, "Passwords of the embedded PostgreSQL; keep this file to yourself");
		}
		Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		return fresh;
	}

	/**
	 * Sets both passwords, gives the application's role what it needs, and makes the
	 * server ask every connection for its password. Runs on every start (all of it
	 * idempotent), so a data folder of an earlier version is secured too.
	 */
	void secure(String jdbcUrl, Path pgData) throws SQLException, IOException {
		// before the server is told to ask for passwords, so that the owner's is already set
		try (Connection owner = DriverManager.getConnection(jdbcUrl, OWNER_ROLE, ownerPassword);
				Statement sql = owner.createStatement()) {
			sql.execute("SET password_encryption = 'scram-sha-256'");
			sql.execute("ALTER ROLE " + OWNER_ROLE + " PASSWORD " + literal(ownerPassword));
			sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP_ROLE
					+ "') THEN CREATE ROLE " + APP_ROLE + "; END IF; END $$");
			sql.execute("ALTER ROLE " + APP_ROLE + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
					+ "NOBYPASSRLS PASSWORD " + literal(appPassword));
			sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
			sql.execute("GRANT USAGE ON SCHEMA public TO " + APP_ROLE);
			sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + APP_ROLE);
			sql.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO " + APP_ROLE);
			// tables and sequences the owner's migrations create later
			sql.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER_ROLE + " IN SCHEMA public "
					+ "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + APP_ROLE);
			sql.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER_ROLE + " IN SCHEMA public "
					+ "GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO " + APP_ROLE);
			Files.writeString(pgData.resolve("pg_hba.conf"), """
					# Written by Partnerline on every start: every connection gives its password.
					host all all 127.0.0.1/32 scram-sha-256
					host all all ::1/128 scram-sha-256
					""");
			sql.execute("SELECT pg_reload_conf()");
		}
	}

	private static String newPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** A password as an SQL literal; generated passwords are base64url, so nothing needs escaping. */
	private static String literal(String password) {
		if (!password.matches("[A-Za-z0-9_-]+")) {
			throw new IllegalStateException("The stored password of the embedded PostgreSQL is not one it generated");
		}
		return "'" + password + "'";
	}

}
