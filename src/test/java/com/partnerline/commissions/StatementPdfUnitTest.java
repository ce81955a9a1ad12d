package com.partnerline.commissions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.partners.Partner;
import com.partnerline.partners.PartnerType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ReloadableResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement PDF as a finance team files it: letterhead with the vendor's name,
 * number, period with time zone, partner, columns, totals, page numbers, and title,
 * author, subject, keywords and language in the metadata; long statements go on to
 * further pages, each numbered.
 */
class StatementPdfUnitTest {

	private final StatementPdf pdf = new StatementPdf(messages());

	private final Vendor vendor = new Vendor(new VendorId(7), "kaspersky", "Kaspersky Lab", ZoneId.of("Europe/Moscow"),
			Currency.getInstance("EUR"), List.of("kaspersky.example"));

	private final Partner partner = new Partner(new PartnerId(UUID.randomUUID()), "P-4711", "p@example.org",
			"Anna Schmidt", "Schmidt GmbH", "DE", Locale.GERMAN);

	private final Statement statement = new Statement(42, vendor.id(), partner.id(), YearMonth.of(2025, 10),
			PartnerType.AFFILIATE, new BigDecimal("1234.5000"), "A2", new BigDecimal("0.20"), new BigDecimal("246.90"),
			new BigDecimal("-10.00"), new BigDecimal("12.00"), new BigDecimal("248.90"), BigDecimal.ZERO.setScale(2),
			Currency.getInstance("EUR"), false);

	@Test
	void isADocumentAFinanceTeamFiles() throws Exception {
		StatementDocument document = new StatementDocument(statement, List.of(
				new StatementDocument.Line("ORDER", "ord-1001", Instant.parse("2025-10-03T10:00:00Z"), null,
						new BigDecimal("1234.50"), new BigDecimal("0.20")),
				new StatementDocument.Line("ADJUSTMENT", "ord-0917", Instant.parse("2025-10-20T21:30:00Z"),
						YearMonth.of(2025, 9), new BigDecimal("-10.00"), null)));
		try (PDDocument read = Loader.loadPDF(pdf.render(vendor, partner, document, java.time.YearMonth.of(2025, 11), Locale.ENGLISH))) {
			String text = new PDFTextStripper().getText(read);
			assertThat(text).contains("Kaspersky Lab", "Commission statement", "Statement number", "2025-10-000042",
					"Period", "Oct 1, 2025 to Oct 31, 2025 (time zone Europe/Moscow)", "Anna Schmidt (code P-4711)",
					"Type", "Reference", "Date", "Rate", "Amount", "ord-1001", "ord-0917", "Totals", "Payable", "€248.90",
					"Carried forward", "Page 1 of 1", "with the payout batch of November 2025");
			assertThat(text.indexOf("Kaspersky Lab")).isLessThan(text.indexOf("Commission statement"));
			var info = read.getDocumentInformation();
			assertThat(info.getTitle()).isEqualTo("Commission statement of Kaspersky Lab for October 2025");
			assertThat(info.getAuthor()).isEqualTo("Kaspersky Lab");
			assertThat(info.getSubject()).isEqualTo("Commission statement 2025-10-000042");
			assertThat(info.getKeywords()).contains("commission statement", "Kaspersky Lab", "P-4711", "2025-10",
					"2025-10-000042");
			assertThat(read.getDocumentCatalog().getLanguage()).isEqualTo("en");
			assertThat(read.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
		}
	}

	@Test
	void speaksThePartnersLanguageAndNumbersItsPages() throws Exception {
		List<StatementDocument.Line> lines = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			lines.add(new StatementDocument.Line("LATE_ORDER", "ord-" + i, Instant.parse("2025-10-03T10:00:00Z"),
					YearMonth.of(2025, 9), new BigDecimal("10.00"), new BigDecimal("0.20")));
		}
		try (PDDocument read = Loader.loadPDF(
				pdf.render(vendor, partner, new StatementDocument(statement, lines), java.time.YearMonth.of(2025, 11),
						Locale.forLanguageTag("ru")))) {
			assertThat(read.getNumberOfPages()).isGreaterThan(1);
			String text = new PDFTextStripper().getText(read);
			assertThat(text).contains("Выписка по комиссиям", "Номер выписки", "Период", "Итоги",
					"Страница 1 из " + read.getNumberOfPages(), "ord-119");
			assertThat(read.getDocumentInformation().getKeywords()).startsWith("выписка по комиссиям");
		}
	}

	private static ReloadableResourceBundleMessageSource messages() {
		ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
		source.setBasenames("classpath:messages/commissions", "classpath:messages/core");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
