package com.partnerline.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Gives the embedded database its WAL segments up front. PostgreSQL creates a new
 * 16 MB segment by writing it full of zeros, and the commit that needs it waits for
 * that: about once every two seconds under a full load of clicks, stalling every
 * commit in flight for 30–45 ms. A server that has run a while recycles old segments
 * instead (at checkpoints, keeping at least {@code min_wal_size}); a fresh one has
 * none. So segments are written here once, by switching to a new segment after a
 * one-record message, and a checkpoint turns them into recycled ones that later
 * commits reuse.
 */
final class WalPreallocation {

	static final int SEGMENT_MB = 16;

	private WalPreallocation() {
	}

	/**
	 * Makes sure the database holds at least {@code segments} WAL segments.
	 * @return the number of segments written
	 */
	static int preallocate(DataSource dataSource, int segments) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			int existing = segments(statement);
			int written = 0;
			while (existing + written < segments) {
				// a switch needs WAL written since the last one: the message is that WAL
				statement.execute("SELECT pg_logical_emit_message(false, 'partnerline', 'preallocate'), pg_switch_wal()");
				written++;
			}
			if (written > 0) {
				statement.execute("CHECKPOINT");
			}
			return written;
		}
	}

	static int segments(Statement statement) throws SQLException {
		try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_ls_waldir() WHERE name ~ '^[0-9A-F]{24}$'")) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
