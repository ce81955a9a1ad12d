package com.partnerline.kernel;

import java.sql.Array;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a module holds about a partner, for the partner's data export (GDPR Art. 15 and
 * 20). Every module that keeps data about partners implements it as a bean; the
 * {@code privacy} module collects them all and writes each table as JSON and CSV. Declared
 * here so that no module has to depend on the exporting one (no cycles).
 */
public interface PersonalData {

	/**
	 * The module's tables about {@code partner}, only that partner's rows, never another
	 * partner's; will never be {@literal null}.
	 */
	List<Table> export(PartnerId partner);

	/**
	 * One part of the export: a name ({@code module-what}, also the CSV file's name), the
	 * column names and the rows (text, numbers, booleans or {@literal null}).
	 */
	record Table(String name, List<String> columns, List<List<@Nullable Object>> rows) {

		/**
		 * The rows of one query, its column labels as the header. Times become ISO-8601 in
		 * UTC, amounts their plain decimal text, arrays their items joined by a space.
		 */
		public static Table query(JdbcClient jdbc, String name, String sql, Object... params) {
			List<String> columns = new ArrayList<>();
			List<List<@Nullable Object>> rows = jdbc.sql(sql).params(params).query((rs, n) -> {
				ResultSetMetaData meta = rs.getMetaData();
				if (columns.isEmpty()) {
					for (int i = 1; i <= meta.getColumnCount(); i++) {
						columns.add(meta.getColumnLabel(i));
					}
				}
				List<@Nullable Object> row = new ArrayList<>(meta.getColumnCount());
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					row.add(value(rs.getObject(i)));
				}
				return row;
			}).list();
			if (columns.isEmpty()) {
				// no row: the header still comes from the query's own description
				jdbc.sql("SELECT * FROM (" + sql + ") AS q LIMIT 0").params(params).query(rs -> {
					ResultSetMetaData meta = rs.getMetaData();
					for (int i = 1; i <= meta.getColumnCount(); i++) {
						columns.add(meta.getColumnLabel(i));
					}
					return columns.size();
				});
			}
			return new Table(name, List.copyOf(columns), rows);
		}

		private static @Nullable Object value(@Nullable Object value) throws SQLException {
			if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
				return value instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : value;
			}
			if (value instanceof Timestamp timestamp) {
				return timestamp.toInstant().atOffset(ZoneOffset.UTC).toString();
			}
			if (value instanceof java.time.OffsetDateTime time) {
				return time.withOffsetSameInstant(ZoneOffset.UTC).toString();
			}
			if (value instanceof Array array) {
				Object items = array.getArray();
				return items instanceof Object[] objects ? String.join(" ", Arrays.stream(objects).map(String::valueOf).toList())
						: String.valueOf(items);
			}
			if (value instanceof UUID || value instanceof java.sql.Date) {
				return value.toString();
			}
			if (value instanceof byte[] bytes) {
				return bytes.length + " bytes";
			}
			return value.toString();
		}

	}

}
