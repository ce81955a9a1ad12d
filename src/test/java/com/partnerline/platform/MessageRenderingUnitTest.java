package com.partnerline.platform;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every message of every bundle in every language as the application does
 * (ICU, {@link IcuMessageSource}) with sample arguments, plural arguments with 0,
 * 1, 2, 5 and 21, and fails on what a reader would see broken: a leftover brace (a
 * placeholder an apostrophe swallowed), a doubled {@code ''}, a French straight
 * apostrophe instead of ’, a French {@code : ; ? ! »} without the non-breaking
 * space before it or a « without one after it.
 */
class MessageRenderingUnitTest {

	private static final List<String> LANGUAGES = List.of("en", "ru", "fr", "de");

	private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*(\\d+)\\s*(,\\s*(\\w+))?");

	/** A French high punctuation mark that ends a phrase (followed by a space or the end), not the colon of 10:30 or https://. */
	private static final Pattern FRENCH_MARK_WITHOUT_SPACE = Pattern.compile("[^\\u00A0\\u202F]([:;?!»])(?=\\s|$|[.,)\\]])|^[:;?!»]");

	private static final Pattern FRENCH_GUILLEMET_WITHOUT_SPACE = Pattern.compile("«(?![\\u00A0\\u202F])");

	@Test
	void everyMessageRendersCleanlyInEveryLanguage() throws IOException {
		List<String> problems = new ArrayList<>();
		for (String basename : LanguageConfiguration.bundleBasenames()) {
			for (String language : LANGUAGES) {
				String file = basename.replace("classpath:", "") + ("en".equals(language) ? "" : "_" + language)
						+ ".properties";
				Properties bundle = load(file);
				for (String key : new java.util.TreeSet<>(bundle.stringPropertyNames())) {
					for (String rendered : renderings(bundle.getProperty(key), Locale.forLanguageTag(language))) {
						problems.addAll(check(file + " " + key, rendered, language));
					}
				}
			}
		}
		assertThat(problems).as(problems.size() + " broken messages").isEmpty();
	}

	@Test
	void theCheckCatchesWhatItShould() {
		Locale french = Locale.FRENCH;
		assertThat(check("x", IcuMessageSource.format("L''éditeur '{0}'", new Object[] { "a" }, french), "fr"))
			.isNotEmpty();
		assertThat(check("x", "Aucun programme : voir ici", "fr")).isNotEmpty();
		assertThat(check("x", "« programme\u00A0»", "fr")).isNotEmpty();
		assertThat(check("x", "Aucun programme\u00A0: voir «\u00A0ici\u00A0» à 10:30 sur https://example.com", "fr"))
			.isEmpty();
		assertThat(IcuMessageSource.format("The program's cap is {0}.", new Object[] { "30 %" }, Locale.ENGLISH))
			.isEqualTo("The program's cap is 30 %.");
		String plural = "{0, plural, one {# partner} other {# partners}}";
		assertThat(IcuMessageSource.format(plural, new Object[] { 1 }, Locale.ENGLISH)).isEqualTo("1 partner");
		assertThat(IcuMessageSource.format("{0, plural, one {# партнёр} few {# партнёра} many {# партнёров} other {# партнёра}}",
				new Object[] { 5 }, Locale.forLanguageTag("ru")))
			.isEqualTo("5 партнёров");
	}

	/** The message rendered with sample arguments: text for plain ones, several counts for plural and number ones. */
	private static List<String> renderings(String pattern, Locale locale) {
		com.ibm.icu.text.MessageFormat parsed;
		try {
			parsed = new com.ibm.icu.text.MessageFormat(pattern, locale);
		}
		catch (IllegalArgumentException ex) {
			return List.of(pattern);
		}
		if (parsed.usesNamedArguments()) {
			// patterns of modules that format with named arguments ({vendor}, {day, plural, ...})
			List<String> renderings = new ArrayList<>();
			for (int count : new int[] { 0, 1, 2, 5, 21 }) {
				java.util.Map<String, Object> args = new java.util.HashMap<>();
				for (String name : parsed.getArgumentNames()) {
					boolean numeric = Pattern.compile("\\{" + Pattern.quote(name) + "\\s*,\\s*(plural|number|selectordinal)")
						.matcher(pattern)
						.find();
					args.put(name, numeric ? (Object) count : "Arg" + name);
				}
				renderings.add(parsed.format(args));
			}
			return renderings;
		}
		int arguments = 0;
		java.util.Set<Integer> numeric = new java.util.HashSet<>();
		Matcher matcher = ARGUMENT.matcher(pattern);
		while (matcher.find()) {
			int index = Integer.parseInt(matcher.group(1));
			arguments = Math.max(arguments, index + 1);
			if (matcher.group(3) != null) {
				numeric.add(index);
			}
		}
		List<String> renderings = new ArrayList<>();
		for (int count : numeric.isEmpty() ? new int[] { 1 } : new int[] { 0, 1, 2, 5, 21 }) {
			Object[] args = new Object[arguments];
			for (int i = 0; i < arguments; i++) {
				args[i] = numeric.contains(i) ? (Object) count : "Arg" + i;
			}
			renderings.add(IcuMessageSource.format(pattern, args, locale));
		}
		return renderings;
	}

	static List<String> check(String where, String rendered, String language) {
		List<String> problems = new ArrayList<>();
		if (rendered.contains("{") || rendered.contains("}")) {
			problems.add(where + ": a brace is left: " + rendered);
		}
		if (rendered.contains("''")) {
			problems.add(where + ": a doubled apostrophe: " + rendered);
		}
		if ("fr".equals(language)) {
			if (rendered.contains("'")) {
				problems.add(where + ": a straight apostrophe (French takes ’): " + rendered);
			}
			for (String line : rendered.split("\n")) {
				if (FRENCH_MARK_WITHOUT_SPACE.matcher(line).find()) {
					problems.add(where + ": : ; ? ! » without a non-breaking space before it: " + line);
				}
				if (FRENCH_GUILLEMET_WITHOUT_SPACE.matcher(line).find()) {
					problems.add(where + ": « without a non-breaking space after it: " + line);
				}
			}
		}
		return problems;
	}

	private static Properties load(String path) throws IOException {
		ClassPathResource resource = new ClassPathResource(path);
		assertThat(resource.exists()).as(path + " exists").isTrue();
		Properties properties = new Properties();
		try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
