package com.partnerline.commissions;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.ApiProblem;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.support.Pain001Schema;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayoutFilesUnitTest {

	static final Vendor VENDOR = new Vendor(new VendorId(7), "kaspersky", "Kaspersky Lab", ZoneId.of("UTC"),
			Currency.getInstance("USD"), List.of());

	static PayoutBatch batch() {
		return new PayoutBatch(42, VENDOR.id(), YearMonth.of(2026, 11), Currency.getInstance("USD"), "OPEN",
				Instant.parse("2026-12-01T00:15:00Z"), null,
				List.of(new PayoutBatch.Item(1, new PartnerId(UUID.randomUUID()), new BigDecimal("170.00"), "BANK",
						"Alice Example", "DE89370400440532013000", "COBADEFFXXX", null),
						new PayoutBatch.Item(2, new PartnerId(UUID.randomUUID()), new BigDecimal("52.50"), "BANK",
								"Bob Example", "GB82WEST12345698765432", "NWBKGB2L", null),
						new PayoutBatch.Item(3, new PartnerId(UUID.randomUUID()), new BigDecimal("99.95"), "PAYPAL",
								null, null, null, "carol@example.org"),
						new PayoutBatch.Item(4, new PartnerId(UUID.randomUUID()), new BigDecimal("60.00"), null, null,
								null, null, null)));
	}

	static final PayoutAccount ACCOUNT = new PayoutAccount("Kaspersky Lab GmbH", "DE89370400440532013000",
			"COBADEFFXXX");

	static String pain001(Vendor vendor, PayoutAccount account, PayoutBatch batch) {
		return PayoutFiles.pain001Xml(vendor, account, batch, Instant.parse("2026-12-01T08:00:00Z"),
				LocalDate.of(2026, 12, 2));
	}

	@Test
	void pain001ReadsBackWithItsTransactionsAndControlSum() {
		String xml = pain001(VENDOR, ACCOUNT, batch());
		Pain001Schema.assertValid(xml);
		assertThat(xml).contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");
		MxPain00100109 parsed = MxPain00100109.parse(xml);
		var initiation = parsed.getCstmrCdtTrfInitn();
		assertThat(initiation.getGrpHdr().getNbOfTxs()).isEqualTo("2");
		assertThat(initiation.getGrpHdr().getCtrlSum()).isEqualByComparingTo("222.50");
		PaymentInstruction30 payment = initiation.getPmtInf().get(0);
		assertThat(payment.getCdtTrfTxInf()).hasSize(2);
		assertThat(payment.getCtrlSum()).isEqualByComparingTo("222.50");
		assertThat(payment.getCdtTrfTxInf().get(0).getCdtrAcct().getId().getIBAN()).isEqualTo("DE89370400440532013000");
		assertThat(payment.getCdtTrfTxInf().get(0).getAmt().getInstdAmt().getCcy()).isEqualTo("USD");
		assertThat(payment.getCdtTrfTxInf()
			.stream()
			.map(t -> t.getAmt().getInstdAmt().getValue())
			.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("222.50");
	}

	@Test
	void theDebtorIsTheVendorsOwnAccount() {
		var payment = MxPain00100109.parse(pain001(VENDOR, ACCOUNT, batch())).getCstmrCdtTrfInitn().getPmtInf().get(0);
		assertThat(payment.getDbtr().getNm()).isEqualTo("Kaspersky Lab GmbH");
		assertThat(payment.getDbtrAcct().getId().getIBAN()).isEqualTo("DE89370400440532013000");
		assertThat(payment.getDbtrAgt().getFinInstnId().getBICFI()).isEqualTo("COBADEFFXXX");
	}

	@Test
	void messageAndPaymentIdsAreUniquePerBatchAndNeverCut() {
		Vendor longSlug = new Vendor(new VendorId(8), "a-vendor-with-a-very-long-slug-indeed", "Long", ZoneId.of("UTC"),
				Currency.getInstance("USD"), List.of());
		PayoutBatch first = new PayoutBatch(Long.MAX_VALUE - 1, longSlug.id(), YearMonth.of(2026, 11),
				Currency.getInstance("USD"), "OPEN", Instant.parse("2026-12-01T00:15:00Z"), null, batch().items());
		PayoutBatch second = new PayoutBatch(Long.MAX_VALUE, longSlug.id(), YearMonth.of(2026, 11),
				Currency.getInstance("USD"), "OPEN", Instant.parse("2026-12-01T00:15:00Z"), null, batch().items());
		var one = MxPain00100109.parse(pain001(longSlug, ACCOUNT, first)).getCstmrCdtTrfInitn();
		var two = MxPain00100109.parse(pain001(longSlug, ACCOUNT, second)).getCstmrCdtTrfInitn();
		assertThat(one.getGrpHdr().getMsgId()).isNotEqualTo(two.getGrpHdr().getMsgId()).hasSizeLessThanOrEqualTo(35);
		assertThat(one.getPmtInf().get(0).getPmtInfId()).isNotEqualTo(two.getPmtInf().get(0).getPmtInfId())
			.hasSizeLessThanOrEqualTo(35);
		// the largest ids fit whole: the message id reads back as the batch id and month
		assertThat(one.getGrpHdr().getMsgId())
			.isEqualTo("PL-" + Long.toString(Long.MAX_VALUE - 1, 36).toUpperCase() + "-202611");
		assertThat(one.getPmtInf().get(0).getCdtTrfTxInf())
			.allSatisfy(t -> assertThat(t.getPmtId().getEndToEndId()).hasSizeLessThanOrEqualTo(35));
		Pain001Schema.assertValid(pain001(longSlug, ACCOUNT, second));
	}

	@Test
	void aBatchWithoutBankTransfersHasNoPaymentFile() {
		PayoutBatch paypalOnly = new PayoutBatch(43, VENDOR.id(), YearMonth.of(2026, 11), Currency.getInstance("USD"),
				"OPEN", Instant.parse("2026-12-01T00:15:00Z"), null, List.of(batch().items().get(2)));
		assertThatThrownBy(() -> pain001(VENDOR, ACCOUNT, paypalOnly)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void euroBatchesKeepToTheSepaCharacterSet() {
		Vendor euro = new Vendor(new VendorId(9), "euro", "Лаборатория «Касперского»", ZoneId.of("Europe/Berlin"),
				Currency.getInstance("EUR"), List.of());
		PayoutBatch batch = new PayoutBatch(44, euro.id(), YearMonth.of(2026, 11), Currency.getInstance("EUR"), "OPEN",
				Instant.parse("2026-12-01T00:15:00Z"), null,
				List.of(new PayoutBatch.Item(5, new PartnerId(UUID.randomUUID()), new BigDecimal("80.00"), "BANK",
						"Иван Петров", "DE89370400440532013000", "COBADEFFXXX", null),
						new PayoutBatch.Item(6, new PartnerId(UUID.randomUUID()), new BigDecimal("70.00"), "BANK",
								"Zoë Müller & Søn", "GB82WEST12345698765432", "NWBKGB2L", null)));
		String xml = pain001(euro, new PayoutAccount("ООО Ромашка", "DE89370400440532013000", "COBADEFFXXX"), batch);
		Pain001Schema.assertValid(xml);
		var initiation = MxPain00100109.parse(xml).getCstmrCdtTrfInitn();
		var transfers = initiation.getPmtInf().get(0).getCdtTrfTxInf();
		assertThat(transfers.get(0).getCdtr().getNm()).isEqualTo("Ivan Petrov");
		assertThat(transfers.get(1).getCdtr().getNm()).isEqualTo("Zoe Muller Son");
		assertThat(initiation.getPmtInf().get(0).getDbtr().getNm()).isEqualTo("OOO Romaska");
		String sepaCharacters = "[A-Za-z0-9/\\-?:().,'+ ]*";
		assertThat(transfers).allSatisfy(t -> {
			assertThat(t.getCdtr().getNm()).matches(sepaCharacters);
			assertThat(t.getRmtInf().getUstrd()).allSatisfy(text -> assertThat(text).matches(sepaCharacters));
		});
	}

	@Test
	void csvListsEveryItemWhateverTheMethod() throws Exception {
		String csv = PayoutFiles.csv(batch());
		List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(csv))
			.getRecords();
		assertThat(records).hasSize(4);
		assertThat(records.get(0).get("amount")).isEqualTo("170.00");
		assertThat(records.get(2).get("method")).isEqualTo("PAYPAL");
		assertThat(records.stream().map(r -> new BigDecimal(r.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("382.45");
	}

	@Test
	void csvCellsThatASpreadsheetWouldRunAreNeutralised() throws Exception {
		PayoutBatch batch = new PayoutBatch(45, VENDOR.id(), YearMonth.of(2026, 11), Currency.getInstance("USD"), "OPEN",
				Instant.parse("2026-12-01T00:15:00Z"), null,
				List.of(new PayoutBatch.Item(7, new PartnerId(UUID.randomUUID()), new BigDecimal("51.00"), "BANK",
						"=HYPERLINK(\"http://evil.example\")", "DE89370400440532013000", "COBADEFFXXX", null),
						new PayoutBatch.Item(8, new PartnerId(UUID.randomUUID()), new BigDecimal("52.00"), "PAYPAL", null,
								null, null, "=cmd@x.example")));
		List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(PayoutFiles.csv(batch)))
			.getRecords();
		assertThat(records.get(0).get("account_holder")).isEqualTo("'=HYPERLINK(\"http://evil.example\")");
		assertThat(records.get(1).get("email")).isEqualTo("'=cmd@x.example");
		assertThat(records.get(0).get("amount")).isEqualTo("51.00");
	}

	@Test
	void ibanChecksumAndBicAreChecked() {
		assertThat(PayoutDetails.validIban("DE89370400440532013000")).isTrue();
		assertThat(PayoutDetails.validIban("GB82WEST12345698765432")).isTrue();
		assertThat(PayoutDetails.validIban("DE89370400440532013001")).isFalse();
		assertThat(PayoutDetails.validIban("DE8937040044053201300")).isFalse();
		assertThat(PayoutDetails.validIban("XX89370400440532013000")).isFalse();
		assertThat(PayoutDetails.validBic("COBADEFFXXX")).isTrue();
		assertThat(PayoutDetails.validBic("NWBKGB2L")).isTrue();
		assertThat(PayoutDetails.validBic("NWBKGB2")).isFalse();
		assertThat(PayoutDetails.validBic("NWB1GB2L")).isFalse();
		assertThat(PayoutDetails.validBic("NWBKQQ2L")).isFalse();
		PayoutDetails details = PayoutDetails.validated("bank", " Alice ", "de89 3704 0044 0532 0130 00", "cobadeffxxx",
				null);
		assertThat(details.iban()).isEqualTo("DE89370400440532013000");
		assertThat(details.bic()).isEqualTo("COBADEFFXXX");
		assertThatThrownBy(() -> PayoutDetails.validated("BANK", "Alice", "DE89370400440532013001", "NWB1GB2L", null))
			.isInstanceOfSatisfying(ApiProblem.class,
					p -> assertThat(p.errors()).extracting(e -> e.field()).containsExactly("iban", "bic"));
		assertThatThrownBy(() -> PayoutDetails.validated("CHEQUE", "Alice", null, null, null))
			.isInstanceOfSatisfying(ApiProblem.class,
					p -> assertThat(p.errors()).extracting(e -> e.field()).containsExactly("method"));
	}

}
