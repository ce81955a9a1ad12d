package com.partnerline.platform;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bundle speaks all four languages: no key is missing in one language, no
 * bundle has a key the others lack, and a translation is not a copy of the English
 * (short codes, names and placeholders-only values aside).
 */
class MessageBundlesUnitTest {

	private static final List<String> TRANSLATIONS = List.of("ru", "fr", "de");

	@Test
	void everyBundleHasTheSameKeysInEveryLanguage() throws IOException {
		List<String> problems = new ArrayList<>();
		for (String basename : LanguageConfiguration.bundleBasenames()) {
			Properties english = load(basename + ".properties");
			assertThat(english).as(basename).isNotEmpty();
			for (String language : TRANSLATIONS) {
				Properties translated = load(basename + "_" + language + ".properties");
				Set<String> missing = new TreeSet<>(english.stringPropertyNames());
				missing.removeAll(translated.stringPropertyNames());
				Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
				extra.removeAll(english.stringPropertyNames());
				if (!missing.isEmpty()) {
					problems.add(basename + "_" + language + " lacks " + missing);
				}
				if (!extra.isEmpty()) {
					problems.add(basename + "_" + language + " has keys English lacks: " + extra);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void translationsAreNotCopiesOfTheEnglish() throws IOException {
		List<String> copies = new ArrayList<>();
		for (String basename : LanguageConfiguration.bundleBasenames()) {
			Properties english = load(basename + ".properties");
			for (String language : TRANSLATIONS) {
				Properties translated = load(basename + "_" + language + ".properties");
				for (String key : english.stringPropertyNames()) {
					String text = english.getProperty(key);
					boolean translatable = text.replaceAll("\\{\\d+}", "").replaceAll("[^\\p{L}]", "").length() > 12;
					if (translatable && text.equals(translated.getProperty(key))) {
						copies.add(basename + "_" + language + ": " + key);
					}
				}
			}
		}
		assertThat(copies).isEmpty();
	}

	private static Properties load(String basename) throws IOException {
		String path = basename.replace("classpath:", "");
		ClassPathResource resource = new ClassPathResource(path);
		assertThat(resource.exists()).as(path + " exists").isTrue();
		Properties properties = new Properties();
		try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
