package com.partnerline.commissions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.FieldProblem;
import com.partnerline.kernel.PartnerId;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Payout batches for vendors and payout details for partners. */
@Service
public class PayoutService {

	private final PayoutStore store;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	PayoutService(PayoutStore store, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.store = store;
		this.clock = clock;
	}

	/** The vendor's batch with this id; 404 when it is not one of the vendor's. */
	public PayoutBatch batch(Vendor vendor, String batchId) {
		long id;
		try {
			id = Long.parseLong(batchId);
		}
		catch (NumberFormatException ex) {
			throw ApiProblem.notFound("commissions.batchNotFound", batchId);
		}
		return store.batch(vendor.id(), id).orElseThrow(() -> ApiProblem.notFound("commissions.batchNotFound", batchId));
	}

	/**
	 * The batch's bank transfers as a pain.001.001.09 document from the vendor's payout
	 * account, executed today (vendor's time zone).
	 * @throws ApiProblem 409 naming {@code payoutAccount} while the vendor has none; 409
	 * when the batch has no bank transfer (there is no payment file to write)
	 */
	public String pain001(Vendor vendor, PayoutBatch batch) {
		PayoutAccount account = store.account(vendor.id())
			.orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "commissions.payoutAccountMissing",
					new Object[] { vendor.slug() },
					List.of(new FieldProblem("payoutAccount", "commissions.payoutAccountRequired"))));
		if (batch.bankTransfers().isEmpty()) {
			throw ApiProblem.conflict("commissions.noBankTransfers", Long.toString(batch.id()));
		}
		return PayoutFiles.pain001Xml(vendor, account, batch, clock.instant(),
				LocalDate.now(clock.withZone(vendor.timeZone())));
	}

	/**
	 * Saves the vendor's own account, the debtor of its payment files.
	 * @throws ApiProblem 422 naming each bad field (holder missing, IBAN checksum, BIC)
	 */
	@Transactional
	public PayoutAccount saveAccount(Vendor vendor, @Nullable String accountHolder, @Nullable String iban,
			@Nullable String bic, String actor) {
		PayoutDetails checked = PayoutDetails.validated("BANK", accountHolder, iban, bic, null);
		PayoutAccount account = new PayoutAccount(checked.accountHolder(), checked.iban(), checked.bic());
		store.saveAccount(vendor.id(), account, actor, clock.instant());
		return account;
	}

	public Optional<PayoutAccount> account(Vendor vendor) {
		return store.account(vendor.id());
	}

	public String csv(PayoutBatch batch) {
		return PayoutFiles.csv(batch);
	}

	/** Marks the batch paid; marking it again changes nothing. */
	@Transactional
	public PayoutBatch markPaid(Vendor vendor, String batchId, String actor) {
		PayoutBatch batch = batch(vendor, batchId);
		if (store.markPaid(vendor.id(), batch.id(), actor, clock.instant())) {
			events.publishEvent(new PayoutBatchPaid(vendor.id(), batch.month(), batch.id()));
		}
		return store.batch(vendor.id(), batch.id()).orElseThrow();
	}

	/**
	 * Saves how the partner is paid.
	 * @throws ApiProblem 422 naming each bad field (an IBAN whose checksum fails, a BIC that is not one)
	 */
	@Transactional
	public PayoutDetails saveDetails(PartnerId partnerId, @Nullable String method, @Nullable String accountHolder,
			@Nullable String iban, @Nullable String bic, @Nullable String email) {
		PayoutDetails details = PayoutDetails.validated(method, accountHolder, iban, bic, email);
		store.saveDetails(partnerId, details, clock.instant());
		return details;
	}

	public Optional<PayoutDetails> details(PartnerId partnerId) {
		return store.details(partnerId);
	}

}
