package com.partnerline.reporting;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every reminder the job can publish has its mail subject and body in every language. */
class ReportTextsUnitTest {

	@Test
	void everyReminderHasAMailInEveryLanguage() throws IOException {
		for (String language : new String[] { "", "_ru", "_fr", "_de" }) {
			Properties bundle = new Properties();
			try (var reader = new InputStreamReader(
					new ClassPathResource("messages/reporting" + language + ".properties").getInputStream(),
					StandardCharsets.UTF_8)) {
				bundle.load(reader);
			}
			for (ReportType type : ReportType.values()) {
				for (ReminderKind kind : ReminderKind.values()) {
					String key = "reporting.mail." + type + "." + kind;
					assertThat(bundle.getProperty(key + ".subject")).as(key + language).contains("{2}");
					assertThat(bundle.getProperty(key + ".body")).as(key + language).contains("{0}", "{1}", "{2}", "{3}");
				}
			}
		}
	}

}
