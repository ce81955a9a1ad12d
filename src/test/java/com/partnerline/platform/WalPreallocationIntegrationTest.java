package com.partnerline.platform;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;

class WalPreallocationIntegrationTest extends IntegrationTest {

	/** The owner's connections: WAL housekeeping needs the superuser, which the application's role is not. */
	@Autowired
	@Qualifier("owner")
	DataSource dataSource;

	int segments() throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			return WalPreallocation.segments(statement);
		}
	}

	@Test
	void writesTheMissingSegmentsOnceAndKeepsThemAfterTheCheckpoint() throws Exception {
		int before = segments();
		assertThat(WalPreallocation.preallocate(dataSource, before + 3)).isEqualTo(3);
		assertThat(segments()).as("recycled by the checkpoint, not removed").isGreaterThanOrEqualTo(before + 3);
		assertThat(WalPreallocation.preallocate(dataSource, before + 3)).as("nothing missing any more").isZero();
	}

}
