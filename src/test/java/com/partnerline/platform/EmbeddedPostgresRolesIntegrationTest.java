package com.partnerline.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;

import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL asks every connection for a password kept in the data
 * folder (readable by its owner only), and the application works as a role that is
 * no superuser and cannot change the schema.
 */
class EmbeddedPostgresRolesIntegrationTest extends IntegrationTest {

	@Autowired
	PartnerlineSettings settings;

	@Test
	void theApplicationIsNoSuperuserAndNobodyGetsInWithoutThePassword() throws Exception {
		assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("partnerline_app");
		assertThat(jdbc.sql("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user")
			.query(Boolean.class)
			.single()).isFalse();
		assertThatThrownBy(() -> jdbc.sql("CREATE TABLE sneaked_in (id int)").update()).rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("ALTER TABLE partners ADD COLUMN sneaked_in int").update()).rootCause()
			.hasMessageContaining("must be owner");

		Path credentials = settings.dataDir().resolve("postgres-credentials.properties");
		assertThat(credentials).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
		assertThat(Files.readString(credentials)).contains("owner.password=").contains("app.password=");

		int port = jdbc.sql("SELECT inet_server_port()").query(Integer.class).single();
		String url = "jdbc:postgresql://localhost:" + port + "/postgres";
		for (String user : new String[] { "postgres", "partnerline_app" }) {
			assertThatThrownBy(() -> DriverManager.getConnection(url, user, "")).as(user).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(url, user, "guessed")).as(user)
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("password authentication failed");
		}
	}

}
