package com.partnerline.orders;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.partnerline.accounts.LogonAddresses;
import com.partnerline.catalog.ProgramPolicies;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The risk rules of commission-policy.md ("Holds and payout timing"), each switchable per
 * program. Judged when an attributed order is stored, in its transaction; an order
 * without {@code customer.ip} is judged by the rules that need no address.
 */
@Component
class RiskRules {

	static final String SAME_ADDRESS = "SAME_ADDRESS";

	static final String SAME_DOMAIN = "SAME_DOMAIN";

	static final String REPEAT_CUSTOMER = "REPEAT_CUSTOMER";

	static final String REFUND_RATE = "REFUND_RATE";

	/** Mail domains anyone can have an address at: sharing one says nothing about the customer. */
	static final Set<String> PUBLIC_MAIL_DOMAINS = Set.of("gmail.com", "googlemail.com", "yahoo.com", "yahoo.de",
			"yahoo.fr", "outlook.com", "hotmail.com", "hotmail.fr", "live.com", "msn.com", "icloud.com", "me.com",
			"aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "t-online.de", "orange.fr",
			"free.fr", "laposte.net", "mail.ru", "yandex.ru", "ya.ru", "rambler.ru", "bk.ru", "list.ru", "inbox.ru");

	static final Duration LOGON_WINDOW = Duration.ofDays(30);

	static final Duration REPEAT_WINDOW = Duration.ofHours(24);

	static final int REPEAT_LIMIT = 5;

	static final Duration REFUND_WINDOW = Duration.ofDays(90);

	static final BigDecimal REFUND_LIMIT = new BigDecimal("0.30");

	private final JdbcClient jdbc;

	private final PartnerManagement partners;

	private final LogonAddresses logons;

	private final Clock clock;

	RiskRules(JdbcClient jdbc, PartnerManagement partners, LogonAddresses logons, Clock clock) {
		this.jdbc = jdbc;
		this.partners = partners;
		this.logons = logons;
		this.clock = clock;
	}

	/** The code of the first rule that holds the order, empty when none does. */
	Optional<String> judge(VendorId vendor, PartnerId partner, ProgramPolicies rules, Instant orderTime,
			@Nullable String customerEmail, @Nullable String customerIp) {
		if (rules.sameAddressOrDomain()) {
			if (customerIp != null
					&& logons.since(partner.value(), clock.instant().minus(LOGON_WINDOW)).contains(customerIp)) {
				return Optional.of(SAME_ADDRESS);
			}
			String domain = domain(customerEmail);
			String partnerDomain = partners.find(partner).map(Partner::email).map(RiskRules::domain).orElse(null);
			if (domain != null && domain.equals(partnerDomain) && !PUBLIC_MAIL_DOMAINS.contains(domain)) {
				return Optional.of(SAME_DOMAIN);
			}
		}
		if (rules.repeatCustomer() && customerIp != null) {
			long earlier = jdbc.sql("""
					SELECT count(*) FROM orders WHERE vendor_id = ? AND partner_id = ? AND customer_ip = ?
					AND occurred_at BETWEEN ? AND ?""")
				.params(vendor.value(), partner.value(), customerIp, Timestamp.from(orderTime.minus(REPEAT_WINDOW)),
						Timestamp.from(orderTime.plus(REPEAT_WINDOW)))
				.query(Long.class)
				.single();
			if (earlier + 1 > REPEAT_LIMIT) {
				return Optional.of(REPEAT_CUSTOMER);
			}
		}
		if (rules.refundRate()) {
			Instant from = orderTime.minus(REFUND_WINDOW);
			BigDecimal[] sums = jdbc.sql("""
					SELECT COALESCE(SUM(o.amount), 0),
					  COALESCE(SUM((SELECT SUM(r.amount_converted) FROM refunds r
					    WHERE r.vendor_id = o.vendor_id AND r.order_id = o.order_id AND r.occurred_at <= ?)), 0)
					FROM orders o WHERE o.vendor_id = ? AND o.partner_id = ? AND o.occurred_at BETWEEN ? AND ?
					  AND NOT o.self_referral""")
				.params(Timestamp.from(orderTime), vendor.value(), partner.value(), Timestamp.from(from),
						Timestamp.from(orderTime))
				.query((rs, n) -> new BigDecimal[] { rs.getBigDecimal(1), rs.getBigDecimal(2) })
				.single();
			if (sums[0].signum() > 0 && sums[1].compareTo(sums[0].multiply(REFUND_LIMIT)) > 0) {
				return Optional.of(REFUND_RATE);
			}
		}
		return Optional.empty();
	}

	static @Nullable String domain(@Nullable String email) {
		if (email == null) {
			return null;
		}
		int at = email.lastIndexOf('@');
		return at < 0 ? null : email.substring(at + 1).toLowerCase(Locale.ROOT);
	}

}
