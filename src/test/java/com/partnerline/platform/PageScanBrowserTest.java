package com.partnerline.platform;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.partnerline.support.Browser;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page in every language, as a reader sees it: the public pages, the partner's
 * control panel and the vendor manager's console (found by following their links
 * from {@code /panel} and {@code /console}, one page per address shape), the 403
 * and 404 pages, each in EN, RU, FR and DE, fail on a brace left of a placeholder, a
 * raw enum code (any constant of an enum of the application, such as AFFILIATE or
 * ACCEPTED) and a key the bundles lack ({@code ??key??}). Text meant to be copied
 * ({@code pre}, {@code code}, {@code textarea}, inputs) is not read. Each page also
 * goes through the axe-core and HTML checks of {@link Browser}.
 */
class PageScanBrowserTest extends IntegrationTest {

	private static final List<String> LANGUAGES = List.of("en", "ru", "fr", "de");

	private static final String PARTNER = "demo@partner.example";

	private static final String PARTNER_PASSWORD = "demo-partner-2026";

	private static final String MANAGER = "manager@kaspersky.example";

	private static final String MANAGER_PASSWORD = "demo-manager-2026";

	/** How many pages of one area the crawl visits at most. */
	private static final int MAX_PAGES = 60;

	private static final Pattern DOWNLOAD = Pattern.compile(".*(\\.csv|\\.pdf|/pdf|/file|/attachments/.*|/logout|\\.xml)$");

	private static final String VISIBLE_TEXT = """
			const copy = document.body.cloneNode(true);
			copy.querySelectorAll('pre, code, textarea, script, style, input, [data-raw]').forEach(e => e.remove());
			return document.title + '\\n' + copy.innerText;""";

	@Test
	void publicPagesSpeakEveryLanguageWithoutCodesOrPlaceholders() throws Exception {
		Set<String> codes = enumCodes();
		List<String> problems = new ArrayList<>();
		try (Browser browser = Browser.open("http://127.0.0.1:" + port)) {
			List<String> pages = List.of("/", "/login", "/signup", "/password/forgot", "/password/reset?token=nothing",
					"/confirm?token=nothing", "/scan", "/r/no-such-link", "/no-such-page",
					"/programs/kaspersky");
			for (String language : LANGUAGES) {
				for (String page : pages) {
					browser.go(withLanguage(page, language));
					problems.addAll(scan(browser, page, language, codes));
				}
			}
			browser.go("/?lang=en");
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void panelPagesSpeakEveryLanguageWithoutCodesOrPlaceholders() throws Exception {
		crawl(PARTNER, PARTNER_PASSWORD, "/panel", List.of("/console", "/console/proposals"));
	}

	@Test
	void consolePagesSpeakEveryLanguageWithoutCodesOrPlaceholders() throws Exception {
		crawl(MANAGER, MANAGER_PASSWORD, "/console", List.of("/panel"));
	}

	/**
	 * Follows the links of one area in English, one page per address shape, then reads
	 * every page found in each language; {@code forbidden} pages must answer with the
	 * 403 page. The account's language is English again afterwards.
	 */
	private void crawl(String email, String password, String start, List<String> forbidden) throws Exception {
		Set<String> codes = enumCodes();
		List<String> problems = new ArrayList<>();
		try (Browser browser = Browser.open("http://127.0.0.1:" + port)) {
			browser.logIn(email, password);
			try {
				browser.go(withLanguage(start, "en"));
				Map<String, String> pages = new LinkedHashMap<>();
				List<String> queue = new ArrayList<>(List.of(start));
				while (!queue.isEmpty() && pages.size() < MAX_PAGES) {
					String page = queue.remove(0);
					String shape = shape(page);
					if (pages.containsKey(shape)) {
						continue;
					}
					pages.put(shape, page);
					browser.go(page);
					for (WebElement link : browser.driver().findElements(By.cssSelector("a[href]"))) {
						String href = link.getAttribute("href");
						if (href == null || !href.startsWith("http://127.0.0.1:" + port + start)) {
							continue;
						}
						URI uri = URI.create(href);
						String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
						if (!DOWNLOAD.matcher(uri.getPath()).matches() && !pages.containsKey(shape(path))) {
							queue.add(path);
						}
					}
				}
				assertThat(pages).as("pages found from " + start).hasSizeGreaterThan(3);
				for (String language : LANGUAGES) {
					for (String page : pages.values()) {
						browser.go(withLanguage(page, language));
						problems.addAll(scan(browser, page, language, codes));
					}
					for (String page : forbidden) {
						browser.go(withLanguage(page, language));
						String text = browser.text("main");
						if (!browser.find("main").getAttribute("class").contains("forbidden")) {
							problems.add(page + " [" + language + "] is not the 403 page: " + text);
						}
						problems.addAll(scan(browser, page, language, codes));
					}
				}
			}
			finally {
				browser.go(withLanguage(start, "en"));
			}
		}
		assertThat(problems).isEmpty();
	}

	/** What a reader would see broken on the page shown now. */
	static List<String> scan(Browser browser, String page, String language, Set<String> codes) {
		String text = (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(VISIBLE_TEXT);
		String where = page + " [" + language + "]";
		List<String> problems = new ArrayList<>();
		if (text.contains("{") || text.contains("}")) {
			problems.add(where + ": a brace is left: " + around(text, text.contains("{") ? text.indexOf('{') : text.indexOf('}')));
		}
		if (text.contains("??")) {
			problems.add(where + ": a key the bundles lack: " + around(text, text.indexOf("??")));
		}
		if (text.contains("''")) {
			problems.add(where + ": a doubled apostrophe: " + around(text, text.indexOf("''")));
		}
		Matcher words = Pattern.compile("\\b[A-Z][A-Z_]{3,}\\b").matcher(text);
		Set<String> raw = new TreeSet<>();
		while (words.find()) {
			if (codes.contains(words.group())) {
				raw.add(words.group());
			}
		}
		if (!raw.isEmpty()) {
			problems.add(where + ": raw codes " + raw);
		}
		List<String> bare = timesWithoutZone(text);
		if (!bare.isEmpty()) {
			problems.add(where + ": times without their zone " + bare);
		}
		String lang = browser.find("html").getAttribute("lang");
		if (!language.equals(lang)) {
			problems.add(where + ": the page says lang=" + lang);
		}
		return problems;
	}

	/**
	 * A time of day ("14:05", "2:05 PM") must say its zone right after it: a short name
	 * ("CET", "MEZ", "MSK", "UTC") or an offset ("GMT+03:00", "UTC+3"), as
	 * {@code kernel.Formats.dateTime} writes it. Answers the times that do not, with
	 * what follows them. (The page text is read from a detached copy, so a table cell may
	 * follow the zone without a space.)
	 */
	static List<String> timesWithoutZone(String text) {
		List<String> bare = new ArrayList<>();
		Matcher times = TIME_OF_DAY.matcher(text);
		while (times.find()) {
			String after = text.substring(times.end(), Math.min(text.length(), times.end() + 12));
			if (!ZONE_AFTER.matcher(after).lookingAt()) {
				bare.add(around(text, times.start()));
			}
		}
		return bare;
	}

	private static final Pattern TIME_OF_DAY = Pattern
		.compile("(?<![\\d:.+\\-\\u2212])\\d{1,2}:\\d{2}(?![\\d:])(?:[\\s\\u00a0\\u202f]?[AaPp]\\.?[Mm]\\.?)?");

	private static final Pattern ZONE_AFTER = Pattern
		.compile("[\\s\\u00a0\\u202f]+(?:(?:GMT|UTC)(?:[+\\-\\u2212]\\d{1,2}(?::\\d{2})?)?|[A-Z]{2,5}(?![A-Z]))");

	/** The constants of every enum of the application: codes a page must translate. */
	static Set<String> enumCodes() throws IOException {
		Set<String> codes = new TreeSet<>();
		var factory = new CachingMetadataReaderFactory();
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:com/partnerline/**/*.class")) {
			MetadataReader reader = factory.getMetadataReader(resource);
			if (!"java.lang.Enum".equals(reader.getClassMetadata().getSuperClassName())) {
				continue;
			}
			try {
				Class<?> type = Class.forName(reader.getClassMetadata().getClassName());
				for (Object constant : type.getEnumConstants()) {
					String name = ((Enum<?>) constant).name();
					if (name.length() >= 4 && name.equals(name.toUpperCase())) {
						codes.add(name);
					}
				}
			}
			catch (ClassNotFoundException | LinkageError ex) {
				// not an application class after all
			}
		}
		// Names that are words or abbreviations a page may show as they are.
		codes.removeAll(Set.of("IBAN", "HTML", "JSON", "HTTP", "HTTPS"));
		return codes;
	}

	/** The address with its ids and months replaced, so that the crawl visits one page of each kind. */
	private static String shape(String path) {
		return path.replaceAll("\\?.*", "")
			.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}")
			.replaceAll("\\d{4}-\\d{2}(-\\d{2})?", "{month}")
			.replaceAll("/\\d+(?=/|$)", "/{n}");
	}

	private static String withLanguage(String page, String language) {
		return page + (page.contains("?") ? "&" : "?") + "lang=" + language;
	}

	private static String around(String text, int at) {
		return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60)).replace('\n', ' ');
	}

}
