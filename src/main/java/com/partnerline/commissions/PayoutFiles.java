package com.partnerline.commissions;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.CsvWriter;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;

/**
 * A payout batch as files: CSV (every item, whatever the method) and an ISO 20022
 * pain.001.001.09 customer credit transfer initiation (the bank transfers), built with
 * Prowide's typed model. The control sum is the sum of the transferred amounts.
 */
final class PayoutFiles {

	static final String[] CSV_HEADER = { "batch_id", "month", "partner_id", "statement_id", "amount", "currency",
			"method", "account_holder", "iban", "bic", "email" };

	private PayoutFiles() {
	}

	static String csv(PayoutBatch batch) {
		StringWriter out = new StringWriter();
		try (CsvWriter csv = new CsvWriter(out, CSV_HEADER)) {
			for (PayoutBatch.Item item : batch.items()) {
				csv.row(batch.id(), batch.month(), item.partnerId(), item.statementId(), item.amount(),
						batch.currency().getCurrencyCode(), item.method(), item.accountHolder(), item.iban(), item.bic(),
						item.email());
			}
		}
		return out.toString();
	}

	/**
	 * The pain.001.001.09 document of the batch's bank transfers from the vendor's own
	 * account, to be executed on {@code executionDate}. Ids are made unique per vendor
	 * from the batch's and statements' ids (base 36), so they fit 35 characters uncut.
	 * @throws IllegalArgumentException when the batch has no bank transfer (a payment
	 * information block needs at least one)
	 */
	static MxPain00100109 pain001(Vendor vendor, PayoutAccount account, PayoutBatch batch, Instant createdAt,
			LocalDate executionDate) {
		List<PayoutBatch.Item> transfers = batch.bankTransfers();
		if (transfers.isEmpty()) {
			throw new IllegalArgumentException("Batch " + batch.id() + " has no bank transfer");
		}
		BigDecimal controlSum = transfers.stream().map(PayoutBatch.Item::amount).reduce(BigDecimal.ZERO,
				BigDecimal::add);
		String currency = batch.currency().getCurrencyCode();
		boolean sepa = currency.equals("EUR");
		String messageId = messageId(batch);
		PartyIdentification135 debtor = new PartyIdentification135().setNm(name(account.accountHolder(), sepa));

		GroupHeader85 header = new GroupHeader85().setMsgId(messageId)
			.setCreDtTm(createdAt.atOffset(ZoneOffset.UTC).withNano(0))
			.setNbOfTxs(Integer.toString(transfers.size()))
			.setCtrlSum(controlSum)
			.setInitgPty(debtor);
		PaymentInstruction30 payment = new PaymentInstruction30().setPmtInfId(messageId + "-1")
			.setPmtMtd(PaymentMethod3Code.TRF)
			.setBtchBookg(true)
			.setNbOfTxs(Integer.toString(transfers.size()))
			.setCtrlSum(controlSum)
			.setReqdExctnDt(new DateAndDateTime2Choice().setDt(executionDate))
			.setDbtr(debtor)
			.setDbtrAcct(new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(account.iban())))
			.setDbtrAgt(new BranchAndFinancialInstitutionIdentification6()
				.setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(account.bic())))
			.setChrgBr(ChargeBearerType1Code.SLEV);
		String remittance = "Commission " + vendor.name() + " " + batch.month();
		for (PayoutBatch.Item item : transfers) {
			payment.addCdtTrfTxInf(new CreditTransferTransaction34()
				.setPmtId(new PaymentIdentification6().setEndToEndId(endToEndId(batch, item)))
				.setAmt(new AmountType4Choice()
					.setInstdAmt(new ActiveOrHistoricCurrencyAndAmount().setCcy(currency).setValue(item.amount())))
				.setCdtrAgt(new BranchAndFinancialInstitutionIdentification6()
					.setFinInstnId(new FinancialInstitutionIdentification18().setBICFI(item.bic())))
				.setCdtr(new PartyIdentification135().setNm(name(nz(item.accountHolder()), sepa)))
				.setCdtrAcct(new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(item.iban())))
				.setRmtInf(new RemittanceInformation16().addUstrd(sepa ? SepaText.of(remittance, 140)
						: truncate(remittance, 140))));
		}
		CustomerCreditTransferInitiationV09 initiation = new CustomerCreditTransferInitiationV09().setGrpHdr(header)
			.addPmtInf(payment);
		return new MxPain00100109().setCstmrCdtTrfInitn(initiation);
	}

	/** {@code PL-<batch id>-<yyyyMM>}: batch ids are unique, so is the message id; 23 characters at most. */
	static String messageId(PayoutBatch batch) {
		return "PL-" + base36(batch.id()) + "-" + batch.month().toString().replace("-", "");
	}

	/** {@code PL-<batch id>-<statement id>}: 30 characters at most. */
	static String endToEndId(PayoutBatch batch, PayoutBatch.Item item) {
		return "PL-" + base36(batch.id()) + "-" + base36(item.statementId());
	}

	private static String base36(long id) {
		return Long.toString(id, 36).toUpperCase(java.util.Locale.ROOT);
	}

	/** A party's name: at most 70 characters (SEPA's limit), in the SEPA character set for EUR. */
	private static String name(String name, boolean sepa) {
		return sepa ? SepaText.of(name, 70) : truncate(name, 70);
	}

	/** The XML document ({@code <Document>} of pain.001.001.09), without a business application header. */
	static String pain001Xml(Vendor vendor, PayoutAccount account, PayoutBatch batch, Instant createdAt,
			LocalDate executionDate) {
		com.prowidesoftware.swift.model.mx.MxWriteParams params = new com.prowidesoftware.swift.model.mx.MxWriteParams();
		params.prefix = null;
		params.includeXMLDeclaration = true;
		return pain001(vendor, account, batch, createdAt, executionDate).document(params);
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

	private static String truncate(String value, int length) {
		return value.length() <= length ? value : value.substring(0, length);
	}

}
