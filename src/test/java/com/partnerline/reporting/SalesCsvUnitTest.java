package com.partnerline.reporting;

import java.util.List;
import java.util.Map;

import com.partnerline.reporting.SalesLines.Checked;
import com.partnerline.reporting.SalesLines.Raw;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class SalesCsvUnitTest {

	private final ReportTexts texts = new ReportTexts(new StaticMessageSource());

	@Test
	void numbersLinesAsAnEditorDoesAcrossBlankLinesAndQuotedLineBreaks() {
		String csv = "sku,quantity,amount,client_name,client_email,client_country\r\n"
				+ "PROD,1,10.00,\"Smith, John\",john@example.com,DE\r\n" + "\r\n"
				+ "PROD,2,20.00,\"Two\nLines Ltd\",two@example.com,FR\r\n" + "PROD,3,30.00,Third,third@example.com,GB\r\n";
		SalesCsv.Parsed parsed = SalesCsv.parse(csv, texts);
		assertThat(parsed.readable()).isTrue();
		assertThat(parsed.lines()).extracting(Raw::line).containsExactly(2, 4, 6);
		assertThat(parsed.lines().get(0).clientName()).isEqualTo("Smith, John");
	}

	@Test
	void acceptsColumnsInAnyOrderAndAByteOrderMark() {
		String csv = "\uFEFFclient_country,client_email,client_name,amount,quantity,sku\nDE,a@example.com,A,5.5,1,PROD\n";
		SalesCsv.Parsed parsed = SalesCsv.parse(csv, texts);
		assertThat(parsed.lines()).singleElement().satisfies(raw -> {
			assertThat(raw.sku()).isEqualTo("PROD");
			assertThat(raw.amount()).isEqualTo("5.5");
		});
	}

	@Test
	void refusesAWrongHeaderAtLineOne() {
		SalesCsv.Parsed parsed = SalesCsv.parse("product,qty\nPROD,1\n", texts);
		assertThat(parsed.readable()).isFalse();
		assertThat(parsed.problemLine()).isEqualTo(1);
	}

	@Test
	void namesEveryProblemOfEveryLine() {
		String csv = "sku,quantity,amount,client_name,client_email,client_country\n"
				+ "PROD,1,10.00,Good,good@example.com,DE\n" + "NOPE,0,-1,,not-an-email,XX\n" + "PROD,1\n";
		List<Checked> checked = SalesLines.check(SalesCsv.parse(csv, texts).lines(), Map.of("PROD", "PROD"), texts);
		assertThat(checked).extracting(Checked::ok).containsExactly(true, false, false);
		assertThat(checked.get(1).problems()).extracting(SalesLines.Problem::column)
			.containsExactly("sku", "quantity", "amount", "client_name", "client_email", "client_country");
		assertThat(checked.get(2).raw().line()).isEqualTo(4);
		assertThat(checked.get(2).problems()).hasSize(1);
	}

	@Test
	void canonicalisesSkuAndCountry() {
		Checked checked = SalesLines.check(Raw.of(2, "prod", "3", "849.99", "A", "a@example.com", "de"),
				Map.of("PROD", "PROD"), texts);
		assertThat(checked.ok()).isTrue();
		assertThat(checked.good().sku()).isEqualTo("PROD");
		assertThat(checked.good().clientCountry()).isEqualTo("DE");
	}

}
