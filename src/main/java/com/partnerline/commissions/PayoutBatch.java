package com.partnerline.commissions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;

/**
 * What a closed month pays: one item per payable statement, with the partner's payout
 * details as they were at the close.
 *
 * @param status {@code OPEN} until the vendor marks it {@code PAID}
 */
public record PayoutBatch(long id, VendorId vendorId, YearMonth month, Currency currency, String status,
		Instant createdAt, @Nullable Instant paidAt, List<Item> items) {

	public BigDecimal total() {
		return items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** Items that can go into a bank credit transfer. */
	public List<Item> bankTransfers() {
		return items.stream().filter(Item::isBankTransfer).toList();
	}

	/**
	 * @param method {@code BANK}, {@code PAYPAL}, or {@literal null} when the partner had
	 * given no payout details by the close
	 */
	public record Item(long statementId, PartnerId partnerId, BigDecimal amount, @Nullable String method,
			@Nullable String accountHolder, @Nullable String iban, @Nullable String bic, @Nullable String email) {

		public boolean isBankTransfer() {
			return "BANK".equals(method) && iban != null;
		}

	}

}
