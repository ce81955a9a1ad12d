package com.partnerline.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The start-up settings of docs/api.md, bound from {@code PARTNERLINE_*} variables
 * in application.properties.
 *
 * @param dbUrl JDBC URL of an external PostgreSQL; blank means the embedded one
 * @param dbUser user for {@code dbUrl}
 * @param dbPassword password for {@code dbUrl}
 * @param dataDir folder of the embedded database's data, kept across restarts
 * @param adminToken bootstrap admin token; blank means one is generated once
 * @param demo whether to load the demo vendor; unset means "only on the embedded database"
 */
@ConfigurationProperties("partnerline")
public record PartnerlineSettings(String dbUrl, String dbUser, String dbPassword, Path dataDir, String adminToken,
		Boolean demo) {

	public boolean usesEmbeddedDatabase() {
		return dbUrl == null || dbUrl.isBlank();
	}

	public boolean demoEnabled() {
		return demo != null ? demo : usesEmbeddedDatabase();
	}

	public Path dataDir() {
		return dataDir != null ? dataDir : Path.of("data");
	}

}
