package com.partnerline.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for end-to-end tests: {@code try (Browser browser = Browser.open(baseUrl)) {...}}.
 * The driver path is given explicitly (so Selenium Manager never goes to the
 * network) and each browser gets a fresh profile folder under {@code target/}.
 * Every page it loads ({@link #go}, {@link #clickAndWait}, {@link #logIn}) goes
 * through {@link PageChecks}: axe-core and the Nu HTML checker, once per path.
 * A test that loads a page another way calls {@link #checkPage()}.
 */
public final class Browser implements AutoCloseable {

	private static final String CHROMIUM = System.getProperty("partnerline.chromium", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = System.getProperty("partnerline.chromedriver", "/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final String baseUrl;

	private final Path profile;

	private Browser(ChromeDriver driver, String baseUrl, Path profile) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.profile = profile;
	}

	public static Browser open(String baseUrl) {
		try {
			Files.createDirectories(Path.of("target"));
			Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1024",
					"--lang=en-US", "--user-data-dir=" + profile.toAbsolutePath());
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			return new Browser(driver, baseUrl, profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Opens {@code pathOrUrl}: a path is taken relative to the application's base URL. */
	public Browser go(String pathOrUrl) {
		driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
		PageChecks.check(driver, baseUrl);
		return this;
	}

	public WebElement find(String css) {
		return waitFor(d -> d.findElement(By.cssSelector(css)));
	}

	public Browser type(String css, String text) {
		WebElement element = find(css);
		element.clear();
		element.sendKeys(text);
		return this;
	}

	public Browser click(String css) {
		find(css).click();
		return this;
	}

	/** Clicks something that loads a new page and waits until the old page is gone. */
	public Browser clickAndWait(String css) {
		WebElement page = find("html");
		find(css).click();
		new WebDriverWait(driver, Duration.ofSeconds(15))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
		waitFor(d -> "complete".equals(driver.executeScript("return document.readyState;")) ? Boolean.TRUE : null);
		PageChecks.check(driver, baseUrl);
		return this;
	}

	/** Sets a field's value by script, for inputs whose typing depends on the browser's locale (dates). */
	public Browser setValue(String css, String value) {
		driver.executeScript("arguments[0].value = arguments[1];", find(css), value);
		return this;
	}

	public Browser select(String css, String value) {
		new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
		return this;
	}

	/** Runs the page checks on the page shown now (for pages loaded by a plain click or by script). */
	public Browser checkPage() {
		PageChecks.check(driver, baseUrl);
		return this;
	}

	public String text(String css) {
		return find(css).getText();
	}

	public String currentUrl() {
		return driver.getCurrentUrl();
	}

	public String pageSource() {
		return driver.getPageSource();
	}

	/** Logs on through the login form. */
	public Browser logIn(String email, String password) {
		go("/login");
		type("#username", email);
		type("#password", password);
		click("#login-submit");
		waitFor(d -> !d.getCurrentUrl().contains("/login") ? Boolean.TRUE : null);
		waitFor(d -> "complete".equals(driver.executeScript("return document.readyState;")) ? Boolean.TRUE : null);
		PageChecks.check(driver, baseUrl);
		return this;
	}

	/**
	 * Waits until {@code condition} holds. Elements missing or gone stale are retried, since a condition may read the
	 * page while a navigation replaces it.
	 */
	public <T> T waitFor(Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.NoSuchElementException.class)
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(condition::apply);
	}

	public WebDriver driver() {
		return driver;
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			deleteQuietly(profile);
		}
	}

	private static void deleteQuietly(Path folder) {
		try (var paths = Files.walk(folder)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// A leftover profile under target/ is harmless.
		}
	}

}
