package com.partnerline.commissions;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.partners.PartnerType;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Statements, their adjustment lines and the month's lock. Statements are only ever
 * inserted, many at once (one statement per partner, arrays unnested by PostgreSQL).
 */
@Repository
class StatementStore {

	private static final String COLUMNS = """
			id, vendor_id, partner_id, month, partner_type, volume, band, rate, commission, adjustments,
			brought_forward, payable, carried_forward, currency, eligible_for_internet""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	StatementStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * Serialises closes of one vendor's month across every node until the transaction
	 * ends (a transaction-scoped advisory lock of PostgreSQL).
	 */
	void lockMonth(VendorId vendorId, YearMonth month) {
		long key = (30L << 56) | (vendorId.value() << 20) | (month.getYear() * 12L + month.getMonthValue() - 1);
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(key).query((rs, n) -> 1).list();
	}

	boolean isClosed(VendorId vendorId, YearMonth month) {
		return jdbc.sql("SELECT count(*) FROM periods WHERE vendor_id = ? AND month = ? AND status = 'CLOSED'")
			.params(vendorId.value(), month.atDay(1))
			.query(Long.class)
			.single() > 0;
	}

	void markClosed(VendorId vendorId, YearMonth month, Instant now) {
		jdbc.sql("""
				INSERT INTO periods (vendor_id, month, status, closed_at) VALUES (?, ?, 'CLOSED', ?)
				ON CONFLICT (vendor_id, month) DO UPDATE SET status = 'CLOSED', closed_at = EXCLUDED.closed_at""")
			.params(vendorId.value(), month.atDay(1), Timestamp.from(now))
			.update();
	}

	/** When each closed month of the vendor was closed. */
	Map<YearMonth, Instant> closedAt(VendorId vendorId) {
		Map<YearMonth, Instant> closed = new HashMap<>();
		jdbc.sql("SELECT month, closed_at FROM periods WHERE vendor_id = ? AND status = 'CLOSED'")
			.param(vendorId.value())
			.query((ResultSet rs) -> {
				closed.put(YearMonth.from(rs.getObject(1, LocalDate.class)), rs.getTimestamp(2).toInstant());
			});
		return closed;
	}

	Optional<Instant> closedAt(VendorId vendorId, YearMonth month) {
		return jdbc.sql("SELECT closed_at FROM periods WHERE vendor_id = ? AND month = ? AND status = 'CLOSED'")
			.params(vendorId.value(), month.atDay(1))
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	List<YearMonth> closedMonths(VendorId vendorId) {
		return jdbc.sql("SELECT month FROM periods WHERE vendor_id = ? AND status = 'CLOSED' ORDER BY month DESC")
			.param(vendorId.value())
			.query((rs, n) -> YearMonth.from(rs.getObject(1, LocalDate.class)))
			.list();
	}

	/**
	 * Balances to bring into {@code month}: the carried-forward of each partner's latest
	 * statement before it, when not zero and not already brought into a later statement.
	 */
	Map<PartnerId, BigDecimal> openBalances(VendorId vendorId, YearMonth month) {
		Map<PartnerId, BigDecimal> balances = new HashMap<>();
		jdbc.sql("""
				SELECT p.partner_id, p.carried_forward FROM (
				  SELECT DISTINCT ON (partner_id) partner_id, carried_forward FROM statements
				  WHERE vendor_id = :vendor AND month < :month ORDER BY partner_id, month DESC) p
				WHERE p.carried_forward <> 0 AND NOT EXISTS (SELECT 1 FROM statements l
				  WHERE l.vendor_id = :vendor AND l.partner_id = p.partner_id AND l.month > :month)""")
			.param("vendor", vendorId.value())
			.param("month", month.atDay(1))
			.query((ResultSet rs) -> {
				balances.put(new PartnerId(rs.getObject(1, UUID.class)), rs.getBigDecimal(2));
			});
		return balances;
	}

	/** The volume and rate of each partner's statement in {@code month}. */
	Map<PartnerId, Rated> rates(VendorId vendorId, YearMonth month) {
		Map<PartnerId, Rated> rates = new HashMap<>();
		jdbc.sql("SELECT partner_id, volume, rate FROM statements WHERE vendor_id = ? AND month = ?")
			.params(vendorId.value(), month.atDay(1))
			.query((ResultSet rs) -> {
				rates.put(new PartnerId(rs.getObject(1, UUID.class)), new Rated(rs.getBigDecimal(2), rs.getBigDecimal(3)));
			});
		return rates;
	}

	/** A statement's volume and the rate it applied. */
	record Rated(BigDecimal volume, BigDecimal rate) {
	}

	/** Fixes the month whose payout batch pays the statements of {@code month}. */
	void schedulePayout(VendorId vendorId, YearMonth month, YearMonth payoutMonth) {
		template.update("""
				INSERT INTO statement_payout_months (vendor_id, month, payout_month) VALUES (?, ?, ?)
				ON CONFLICT (vendor_id, month) DO NOTHING""", vendorId.value(), month.atDay(1), payoutMonth.atDay(1));
	}

	/** The month whose payout batch pays the statement (its own month for statements closed without a delay). */
	YearMonth payoutMonth(long statementId) {
		java.time.LocalDate month = template.queryForObject(
				"""
						SELECT COALESCE(p.payout_month, s.month) FROM statements s
						LEFT JOIN statement_payout_months p ON p.vendor_id = s.vendor_id AND p.month = s.month
						WHERE s.id = ?""", java.time.LocalDate.class,
				statementId);
		return YearMonth.from(month);
	}

	void insertStatements(VendorId vendorId, YearMonth month, Currency currency, Collection<Statement> statements,
			Instant now) {
		int size = statements.size();
		UUID[] partner = new UUID[size];
		String[] type = new String[size];
		BigDecimal[] volume = new BigDecimal[size];
		String[] band = new String[size];
		BigDecimal[] rate = new BigDecimal[size];
		BigDecimal[] commission = new BigDecimal[size];
		BigDecimal[] adjustments = new BigDecimal[size];
		BigDecimal[] brought = new BigDecimal[size];
		BigDecimal[] payable = new BigDecimal[size];
		BigDecimal[] carried = new BigDecimal[size];
		Boolean[] eligible = new Boolean[size];
		int i = 0;
		for (Statement s : statements) {
			partner[i] = s.partnerId().value();
			type[i] = s.partnerType().name();
			volume[i] = s.volume();
			band[i] = s.band();
			rate[i] = s.rate();
			commission[i] = s.commission();
			adjustments[i] = s.adjustments();
			brought[i] = s.broughtForward();
			payable[i] = s.payable();
			carried[i] = s.carriedForward();
			eligible[i] = s.eligibleForInternet();
			i++;
		}
		template.execute((ConnectionCallback<Integer>) con -> {
			try (PreparedStatement insert = con.prepareStatement("""
					INSERT INTO statements (vendor_id, partner_id, month, partner_type, volume, band, rate, commission,
					  adjustments, brought_forward, payable, carried_forward, currency, eligible_for_internet, created_at)
					SELECT ?, u.p, ?, u.t, u.v, u.b, u.r, u.c, u.a, u.bf, u.pa, u.cf, ?, u.e, ?
					FROM unnest(?::uuid[], ?::varchar[], ?::numeric[], ?::varchar[], ?::numeric[], ?::numeric[],
					  ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::boolean[])
					  AS u(p, t, v, b, r, c, a, bf, pa, cf, e)""")) {
				insert.setLong(1, vendorId.value());
				insert.setObject(2, month.atDay(1));
				insert.setString(3, currency.getCurrencyCode());
				insert.setTimestamp(4, Timestamp.from(now));
				insert.setArray(5, con.createArrayOf("uuid", partner));
				insert.setArray(6, con.createArrayOf("varchar", type));
				insert.setArray(7, con.createArrayOf("numeric", volume));
				insert.setArray(8, con.createArrayOf("varchar", band));
				insert.setArray(9, con.createArrayOf("numeric", rate));
				insert.setArray(10, con.createArrayOf("numeric", commission));
				insert.setArray(11, con.createArrayOf("numeric", adjustments));
				insert.setArray(12, con.createArrayOf("numeric", brought));
				insert.setArray(13, con.createArrayOf("numeric", payable));
				insert.setArray(14, con.createArrayOf("numeric", carried));
				insert.setArray(15, con.createArrayOf("bool", eligible));
				return insert.executeUpdate();
			}
		});
	}

	/** Inserts adjustment lines (late refunds and late orders), each on the statement of its partner in {@code month}. */
	void insertLines(VendorId vendorId, YearMonth month, List<PartnerLine> lines) {
		if (lines.isEmpty()) {
			return;
		}
		int size = lines.size();
		UUID[] partner = new UUID[size];
		String[] kind = new String[size];
		String[] refund = new String[size];
		String[] order = new String[size];
		LocalDate[] orderMonth = new LocalDate[size];
		BigDecimal[] base = new BigDecimal[size];
		BigDecimal[] rate = new BigDecimal[size];
		BigDecimal[] amount = new BigDecimal[size];
		for (int i = 0; i < size; i++) {
			PartnerLine line = lines.get(i);
			partner[i] = line.partnerId().value();
			kind[i] = line.line().kind();
			refund[i] = line.line().refundId();
			order[i] = line.line().orderId();
			orderMonth[i] = line.line().orderMonth().atDay(1);
			base[i] = line.line().baseAmount();
			rate[i] = line.line().rate();
			amount[i] = line.line().amount();
		}
		template.execute((ConnectionCallback<Integer>) con -> {
			try (PreparedStatement insert = con.prepareStatement("""
					INSERT INTO statement_lines (vendor_id, statement_id, kind, refund_id, order_id, order_month,
					  base_amount, rate, amount)
					SELECT s.vendor_id, s.id, u.kind, u.refund, u.ord, u.om, u.base, u.rate, u.amount
					FROM unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::numeric[],
					  ?::numeric[], ?::numeric[]) AS u(p, kind, refund, ord, om, base, rate, amount)
					JOIN statements s ON s.vendor_id = ? AND s.month = ? AND s.partner_id = u.p""")) {
				insert.setArray(1, con.createArrayOf("uuid", partner));
				insert.setArray(2, con.createArrayOf("varchar", kind));
				insert.setArray(3, con.createArrayOf("varchar", refund));
				insert.setArray(4, con.createArrayOf("varchar", order));
				insert.setArray(5, dates(con, orderMonth));
				insert.setArray(6, con.createArrayOf("numeric", base));
				insert.setArray(7, con.createArrayOf("numeric", rate));
				insert.setArray(8, con.createArrayOf("numeric", amount));
				insert.setLong(9, vendorId.value());
				insert.setObject(10, month.atDay(1));
				return insert.executeUpdate();
			}
		});
	}

	private static java.sql.Array dates(Connection con, LocalDate[] dates) throws SQLException {
		String[] text = new String[dates.length];
		for (int i = 0; i < dates.length; i++) {
			text[i] = dates[i].toString();
		}
		return con.createArrayOf("date", text);
	}

	List<Statement> statements(VendorId vendorId, YearMonth month) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM statements WHERE vendor_id = ? AND month = ? ORDER BY partner_id")
			.params(vendorId.value(), month.atDay(1))
			.query((rs, n) -> statement(rs))
			.list();
	}

	Optional<Statement> statement(VendorId vendorId, PartnerId partnerId, YearMonth month) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM statements WHERE vendor_id = ? AND partner_id = ? AND month = ?")
			.params(vendorId.value(), partnerId.value(), month.atDay(1))
			.query((rs, n) -> statement(rs))
			.optional();
	}

	List<Statement> statementsOf(VendorId vendorId, PartnerId partnerId) {
		return jdbc.sql("SELECT " + COLUMNS
				+ " FROM statements WHERE vendor_id = ? AND partner_id = ? ORDER BY month DESC")
			.params(vendorId.value(), partnerId.value())
			.query((rs, n) -> statement(rs))
			.list();
	}

	List<StatementLine> lines(VendorId vendorId, long statementId) {
		return jdbc.sql("""
				SELECT kind, refund_id, order_id, order_month, base_amount, rate, amount FROM statement_lines
				WHERE vendor_id = ? AND statement_id = ? ORDER BY order_month, order_id, refund_id NULLS FIRST""")
			.params(vendorId.value(), statementId)
			.query((rs, n) -> new StatementLine(rs.getString(1), rs.getString(2), rs.getString(3),
					YearMonth.from(rs.getObject(4, LocalDate.class)), rs.getBigDecimal(5), rs.getBigDecimal(6),
					rs.getBigDecimal(7)))
			.list();
	}

	private static Statement statement(ResultSet rs) throws SQLException {
		Currency currency = Currency.getInstance(rs.getString("currency"));
		return new Statement(rs.getLong("id"), new VendorId(rs.getLong("vendor_id")),
				new PartnerId(rs.getObject("partner_id", UUID.class)),
				YearMonth.from(rs.getObject("month", LocalDate.class)),
				PartnerType.valueOf(rs.getString("partner_type")), rs.getBigDecimal("volume"), rs.getString("band"),
				rs.getBigDecimal("rate").stripTrailingZeros(), money(rs.getBigDecimal("commission"), currency),
				money(rs.getBigDecimal("adjustments"), currency), money(rs.getBigDecimal("brought_forward"), currency),
				money(rs.getBigDecimal("payable"), currency), money(rs.getBigDecimal("carried_forward"), currency),
				currency, rs.getBoolean("eligible_for_internet"));
	}

	private static BigDecimal money(BigDecimal stored, Currency currency) {
		return BandEngine.round(stored, currency);
	}

	/** An adjustment line and the partner whose statement it goes on. */
	record PartnerLine(PartnerId partnerId, StatementLine line) {
	}

}
