package com.partnerline.kernel;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWriterUnitTest {

	@Test
	void textThatASpreadsheetWouldRunAsAFormulaIsNeutralised() throws Exception {
		String csv = CsvWriter.write(List.of("cell"),
				List.of(List.of("=HYPERLINK(\"http://evil.example\",\"click\")"), List.of("=1+2"), List.of("@SUM(A1)"),
						List.of("=cmd@x.example"), List.of("+1-2"), List.of("-2+3+cmd|' /C calc'!A0"),
						List.of("\tTAB"), List.of("\rCR"), List.of("plain, \"quoted\" text")));
		List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(csv))
			.getRecords();
		assertThat(records).extracting(r -> r.get("cell"))
			.containsExactly("'=HYPERLINK(\"http://evil.example\",\"click\")", "'=1+2", "'@SUM(A1)", "'=cmd@x.example",
					"'+1-2", "'-2+3+cmd|' /C calc'!A0", "'\tTAB", "'\rCR", "plain, \"quoted\" text");
	}

	@Test
	void numbersStayNumbersAndNullIsEmpty() {
		assertThat(CsvWriter.cell(new BigDecimal("-20.00"))).isEqualTo("-20.00");
		assertThat(CsvWriter.cell("-20.00")).isEqualTo("-20.00");
		assertThat(CsvWriter.cell(new BigDecimal("1E-8"))).isEqualTo("0.00000001");
		assertThat(CsvWriter.cell(-5L)).isEqualTo("-5");
		assertThat(CsvWriter.cell(null)).isEmpty();
		assertThat(CsvWriter.cell(true)).isEqualTo("true");
		assertThat(CsvWriter.write(List.of("a", "b"), List.of(java.util.Arrays.asList(null, "x"))))
			.isEqualTo("a,b\r\n\"\",x\r\n");
	}

}
