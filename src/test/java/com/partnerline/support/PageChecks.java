package com.partnerline.support;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The checks every page a browser test visits goes through: axe-core in the
 * browser (no critical or serious violation) and the Nu HTML checker in process
 * (no error). {@link Browser} calls {@link #check} after every page load; each
 * distinct URL path is checked once per test run (the JVM), so the cost stays at
 * about one second per page. Turn them off for one run with
 * {@code -Dpartnerline.pagechecks=false}, or list every problem of a run in
 * {@code target/page-checks.txt} without failing with {@code -Dpartnerline.pagechecks=report}.
 */
public final class PageChecks {

	private static final String MODE = System.getProperty("partnerline.pagechecks", "true");

	static final boolean ENABLED = !"false".equals(MODE);

	/** With {@code -Dpartnerline.pagechecks=report} problems go to target/page-checks.txt instead of failing, to see all at once. */
	private static final boolean REPORT_ONLY = "report".equals(MODE);

	private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

	private PageChecks() {
	}

	/** Checks the page the driver shows, unless its path was checked already in this run. */
	static void check(WebDriver driver, String baseUrl) {
		if (!ENABLED) {
			return;
		}
		String url = driver.getCurrentUrl();
		if (url == null || !url.startsWith(baseUrl)) {
			return;
		}
		Object type = ((RemoteWebDriver) driver).executeScript("return document.contentType;");
		if (!"text/html".equals(type)) {
			return;
		}
		String path = URI.create(url).getPath();
		if (!CHECKED.add(path)) {
			return;
		}
		List<String> problems = new ArrayList<>();
		problems.addAll(accessibility(driver));
		// chromedriver marks every frame it has switched into with a cd_frame_id_ attribute of its own
		problems.addAll(html(driver.getPageSource().replaceAll(" cd_frame_id_=\"[^\"]*\"", "")));
		if (!problems.isEmpty() && REPORT_ONLY) {
			try {
				Files.writeString(Path.of("target", "page-checks.txt"), path + "\n  " + String.join("\n  ", problems) + "\n",
						java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
						java.nio.file.StandardOpenOption.APPEND);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		else if (!problems.isEmpty()) {
			throw new AssertionError("Page " + path + " fails its checks:\n  " + String.join("\n  ", problems));
		}
	}

	/** axe-core's critical and serious violations, one line per rule with the elements concerned. */
	public static List<String> accessibility(WebDriver driver) {
		Results results = new AxeBuilder().analyze(driver);
		List<String> problems = new ArrayList<>();
		for (Rule rule : results.getViolations()) {
			if ("critical".equals(rule.getImpact()) || "serious".equals(rule.getImpact())) {
				List<String> targets = rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
				problems.add("axe " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at " + targets);
			}
		}
		return problems;
	}

	/** The Nu HTML checker's errors for one document, one line each with its line number. */
	public static synchronized List<String> html(String source) {
		String page = source.regionMatches(true, 0, "<!DOCTYPE", 0, 9) ? source : "<!DOCTYPE html>" + source;
		// what scripts add to the live page, which the server never sent (the charts' instance marker)
		String document = page.replaceAll(" _echarts_instance_=\"[^\"]*\"", "");
		HtmlChecker checker = HtmlChecker.get();
		checker.errors.clear();
		InputSource input = new InputSource(new StringReader(document));
		input.setEncoding("UTF-8");
		checker.call("checkHtmlInputSource", new Class<?>[] { InputSource.class }, input);
		return List.copyOf(checker.errors);
	}

	/**
	 * One SimpleDocumentValidator of the Nu HTML checker, set up once (its schemas take
	 * a few seconds), in a class loader over the jars the build copies to
	 * {@code target/vnu/} and the JDK alone: the checker runs on Jetty 11, the
	 * application on Jetty 12. SAX's ErrorHandler and InputSource come from the JDK,
	 * so they cross the boundary as they are.
	 */
	private static final class HtmlChecker implements ErrorHandler {

		private static final java.util.regex.Pattern HTMX_ATTRIBUTE = java.util.regex.Pattern
			.compile("^Attribute “hx-[a-z-]+” (not allowed|is not serializable)");

		private static HtmlChecker instance;

		final List<String> errors = new ArrayList<>();

		private final ClassLoader loader;

		private final Object validator;

		private HtmlChecker() throws Exception {
			Path folder = Path.of("target", "vnu");
			List<URL> jars = new ArrayList<>();
			try (var files = Files.list(folder)) {
				for (Path jar : files.filter(path -> path.toString().endsWith(".jar")).toList()) {
					jars.add(jar.toUri().toURL());
				}
			}
			if (jars.isEmpty()) {
				throw new IllegalStateException("No Nu HTML checker in " + folder.toAbsolutePath()
						+ ": run the tests through Maven (the dependency plugin copies it there)");
			}
			loader = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
			validator = inLoader(() -> loader.loadClass("nu.validator.validation.SimpleDocumentValidator")
				.getConstructor(boolean.class, boolean.class, boolean.class)
				.newInstance(true, false, false));
			call("setUpMainSchema", new Class<?>[] { String.class, ErrorHandler.class },
					"http://s.validator.nu/html5-all.rnc", this);
			call("setUpValidatorAndParsers", new Class<?>[] { ErrorHandler.class, boolean.class, boolean.class }, this,
					false, false);
		}

		static HtmlChecker get() {
			if (instance == null) {
				try {
					instance = new HtmlChecker();
				}
				catch (Exception ex) {
					throw new IllegalStateException("The Nu HTML checker could not start", ex);
				}
			}
			return instance;
		}

		void call(String method, Class<?>[] types, Object... args) {
			try {
				inLoader(() -> validator.getClass().getMethod(method, types).invoke(validator, args));
			}
			catch (Exception ex) {
				throw new IllegalStateException("The Nu HTML checker failed in " + method, ex);
			}
		}

		private <T> T inLoader(java.util.concurrent.Callable<T> work) throws Exception {
			Thread thread = Thread.currentThread();
			ClassLoader previous = thread.getContextClassLoader();
			thread.setContextClassLoader(loader);
			try {
				return work.call();
			}
			finally {
				thread.setContextClassLoader(previous);
			}
		}

		@Override
		public void warning(SAXParseException ex) {
		}

		@Override
		public void error(SAXParseException ex) {
			if (HTMX_ATTRIBUTE.matcher(String.valueOf(ex.getMessage())).find()) {
				// htmx's hx-* attributes are the project's chosen markup (docs/architecture.md)
				return;
			}
			errors.add("html line " + ex.getLineNumber() + ": " + ex.getMessage());
		}

		@Override
		public void fatalError(SAXParseException ex) {
			error(ex);
		}

	}

}
