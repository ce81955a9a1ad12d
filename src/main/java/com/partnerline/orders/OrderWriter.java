package com.partnerline.orders;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.Batcher;
import com.partnerline.kernel.Money;
import com.partnerline.kernel.PartnerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for order notifications, the way {@code ClickWriter} does it for
 * clicks: request threads hand over a converted, attributed order and wait; writer
 * threads insert whatever arrived (orders and items in one statement, {@code ON
 * CONFLICT DO NOTHING}), read back the ones that existed already, publish
 * {@link OrderRecorded} for the new ones and commit, then release the waiting
 * requests. Same outcome as {@link OrderManagement#record}: exactly one row per
 * (vendor, order id), a retry with the same content is answered as such, one with
 * other content is a conflict. Rows are inserted in key order so that concurrent
 * batches cannot deadlock.
 */
@Component
class OrderWriter extends Batcher<OrderWriter.Pending> {

	private static final Logger log = LoggerFactory.getLogger(OrderWriter.class);

	private static final int MAX_BATCH = 500;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrderWriter(JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		super("order-writer", 2, 50_000, MAX_BATCH);
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	record Pending(Vendor vendor, Orders.Row row, List<OrderItem> items, CompletableFuture<RecordedOrder> done) {

		String key() {
			return row.vendorId().value() + "\u001f" + row.orderId();
		}

	}

	/** Records the order with others in one transaction; answers as {@link OrderManagement#record} does. */
	RecordedOrder record(Vendor vendor, Orders.Row row, List<OrderItem> items) {
		Pending pending = new Pending(vendor, row, items, new CompletableFuture<>());
		submit(pending);
		try {
			return pending.done().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Order not stored in time", ex);
		}
	}

	@Override
	protected void failed(List<Pending> batch, RuntimeException ex) {
		batch.forEach(p -> p.done().completeExceptionally(ex));
	}

	@Override
	protected void process(List<Pending> batch) {
		// the first delivery of each key is inserted; later ones in the batch are answered as retries
		Map<String, Pending> firsts = new LinkedHashMap<>();
		for (Pending p : batch) {
			firsts.putIfAbsent(p.key(), p);
		}
		List<Pending> inserts = new ArrayList<>(firsts.values());
		inserts.sort(Comparator.comparingLong((Pending p) -> p.row().vendorId().value())
			.thenComparing(p -> p.row().orderId()));
		Map<String, Orders.Stored> existing = new HashMap<>();
		List<String> created = transactions.execute(tx -> {
			java.util.Set<String> inserted = new java.util.HashSet<>(insert(inserts));
			List<Pending> others = batch.stream().filter(p -> !inserted.contains(p.key())).toList();
			if (!others.isEmpty()) {
				existing.putAll(stored(others));
			}
			for (Pending p : inserts) {
				if (inserted.contains(p.key())) {
					events.publishEvent(new OrderRecorded(p.row().vendorId(), p.row().orderId(), p.row().partnerId(),
							YearMonth.from(p.row().period())));
				}
			}
			return List.copyOf(inserted);
		});
		java.util.Set<String> fresh = new java.util.HashSet<>(created);
		for (Pending p : batch) {
			Orders.Row row = p.row();
			if (fresh.remove(p.key())) {
				p.done().complete(new RecordedOrder(row.orderId(), row.partnerId(),
						new Money(row.amount(), p.vendor().currency()), new Money(row.originalAmount(), row.currency()),
						row.rate(), YearMonth.from(row.period()), true));
				continue;
			}
			Orders.Stored stored = existing.get(p.key());
			if (stored == null) {
				// inserted by this batch under the same key: compare with the one that was
				Pending first = firsts.get(p.key());
				stored = new Orders.Stored(first.row().orderId(), first.row().partnerId(), first.row().currency(),
						first.row().originalAmount(), first.row().rate(), first.row().amount(), first.row().period(),
						first.row().selfReferral(), first.row().contentHash());
			}
			if (!stored.contentHash().equals(row.contentHash())) {
				p.done().completeExceptionally(ApiProblem.conflict("orders.conflict", row.orderId()));
			}
			else {
				p.done().complete(new RecordedOrder(stored.orderId(), stored.partnerId(),
						new Money(stored.amount(), p.vendor().currency()),
						new Money(stored.originalAmount(), stored.currency()), stored.rate(),
						YearMonth.from(stored.period()), false));
			}
		}
	}

	/** Inserts orders and items in one statement; returns the keys inserted. */
	private List<String> insert(List<Pending> inserts) {
		int n = inserts.size();
		String[] vendors = new String[n];
		String[] ids = new String[n];
		String[] partners = new String[n];
		String[] times = new String[n];
		String[] periods = new String[n];
		String[] currencies = new String[n];
		String[] originals = new String[n];
		String[] rates = new String[n];
		String[] amounts = new String[n];
		String[] emails = new String[n];
		String[] countries = new String[n];
		String[] attributions = new String[n];
		String[] clicks = new String[n];
		String[] selfs = new String[n];
		String[] hashes = new String[n];
		List<String> itemVendors = new ArrayList<>();
		List<String> itemOrders = new ArrayList<>();
		List<String> itemLines = new ArrayList<>();
		List<String> itemSkus = new ArrayList<>();
		List<String> itemQuantities = new ArrayList<>();
		List<String> itemPrices = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Orders.Row r = inserts.get(i).row();
			vendors[i] = Long.toString(r.vendorId().value());
			ids[i] = r.orderId();
			partners[i] = r.partnerId() == null ? null : r.partnerId().toString();
			times[i] = r.occurredAt().toString();
			periods[i] = r.period().toString();
			currencies[i] = r.currency().getCurrencyCode();
			originals[i] = r.originalAmount().toPlainString();
			rates[i] = r.rate().toPlainString();
			amounts[i] = r.amount().toPlainString();
			emails[i] = r.customerEmail();
			countries[i] = r.customerCountry();
			attributions[i] = r.attribution().name();
			clicks[i] = r.clickId();
			selfs[i] = Boolean.toString(r.selfReferral());
			hashes[i] = r.contentHash();
			List<OrderItem> items = inserts.get(i).items();
			for (int line = 0; line < items.size(); line++) {
				itemVendors.add(vendors[i]);
				itemOrders.add(r.orderId());
				itemLines.add(Integer.toString(line + 1));
				itemSkus.add(items.get(line).sku());
				itemQuantities.add(Integer.toString(items.get(line).quantity()));
				itemPrices.add(items.get(line).unitPrice().toPlainString());
			}
		}
		return jdbc.sql("""
				WITH o AS (
				  INSERT INTO orders (vendor_id, order_id, partner_id, occurred_at, period, currency, original_amount,
				    rate, amount, customer_email, customer_country, attribution, click_id, self_referral, source,
				    content_hash, created_at)
				  SELECT v::bigint, id, p::uuid, t::timestamptz, d::date, c, oa::numeric, r::numeric, a::numeric, e, co, at,
				    cl, s::boolean, 'NETWORK', h, :now
				  FROM unnest(:vendors::varchar[], :ids::varchar[], :partners::varchar[], :times::varchar[],
				    :periods::varchar[], :currencies::varchar[], :originals::varchar[], :rates::varchar[],
				    :amounts::varchar[], :emails::varchar[], :countries::varchar[], :attributions::varchar[],
				    :clicks::varchar[], :selfs::varchar[], :hashes::varchar[]) WITH ORDINALITY
				    AS x(v, id, p, t, d, c, oa, r, a, e, co, at, cl, s, h, i)
				  ORDER BY i
				  ON CONFLICT (vendor_id, order_id) DO NOTHING
				  RETURNING vendor_id, order_id),
				i AS (
				  INSERT INTO order_items (vendor_id, order_id, line, sku, quantity, unit_price)
				  SELECT o.vendor_id, o.order_id, t.line::int, t.sku, t.quantity::int, t.price::numeric
				  FROM unnest(:itemVendors::varchar[], :itemOrders::varchar[], :itemLines::varchar[], :itemSkus::varchar[],
				    :itemQuantities::varchar[], :itemPrices::varchar[]) AS t(v, id, line, sku, quantity, price)
				  JOIN o ON o.vendor_id = t.v::bigint AND o.order_id = t.id
				  RETURNING 1)
				SELECT vendor_id || chr(31) || order_id FROM o""")
			.param("now", Timestamp.from(clock.instant()))
			.param("vendors", vendors)
			.param("ids", ids)
			.param("partners", partners)
			.param("times", times)
			.param("periods", periods)
			.param("currencies", currencies)
			.param("originals", originals)
			.param("rates", rates)
			.param("amounts", amounts)
			.param("emails", emails)
			.param("countries", countries)
			.param("attributions", attributions)
			.param("clicks", clicks)
			.param("selfs", selfs)
			.param("hashes", hashes)
			.param("itemVendors", itemVendors.toArray(String[]::new))
			.param("itemOrders", itemOrders.toArray(String[]::new))
			.param("itemLines", itemLines.toArray(String[]::new))
			.param("itemSkus", itemSkus.toArray(String[]::new))
			.param("itemQuantities", itemQuantities.toArray(String[]::new))
			.param("itemPrices", itemPrices.toArray(String[]::new))
			.query(String.class)
			.list();
	}

	/** The stored orders of the given deliveries, by key. */
	private Map<String, Orders.Stored> stored(List<Pending> deliveries) {
		String[] vendors = deliveries.stream().map(p -> Long.toString(p.row().vendorId().value())).toArray(String[]::new);
		String[] ids = deliveries.stream().map(p -> p.row().orderId()).toArray(String[]::new);
		Map<String, Orders.Stored> result = new HashMap<>();
		jdbc.sql("""
				SELECT o.vendor_id, o.order_id, o.partner_id, o.currency, o.original_amount, o.rate, o.amount, o.period,
				  o.self_referral, o.content_hash
				FROM orders o JOIN (SELECT DISTINCT v::bigint AS v, id FROM unnest(?::varchar[], ?::varchar[]) AS k(v, id)) k
				  ON o.vendor_id = k.v AND o.order_id = k.id""")
			.params(vendors, ids)
			.query(rs -> {
				UUID partner = rs.getObject("partner_id", UUID.class);
				result.put(rs.getLong("vendor_id") + "\u001f" + rs.getString("order_id"),
						new Orders.Stored(rs.getString("order_id"), partner == null ? null : new PartnerId(partner),
								Currency.getInstance(rs.getString("currency").trim()), rs.getBigDecimal("original_amount"),
								rs.getBigDecimal("rate"), rs.getBigDecimal("amount"),
								rs.getObject("period", LocalDate.class), rs.getBoolean("self_referral"),
								rs.getString("content_hash")));
			});
		return result;
	}

}
