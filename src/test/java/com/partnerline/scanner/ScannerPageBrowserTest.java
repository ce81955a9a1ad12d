package com.partnerline.scanner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.partnerline.support.Browser;
import com.partnerline.support.ClamdServer;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/** The scanner page in headless Chromium: a file chosen, uploaded with progress, and a clear verdict. */
class ScannerPageBrowserTest extends IntegrationTest {

	@Test
	void showsAClearVerdictForAnInfectedAndACleanFile() throws Exception {
		TestPartner partner = newPartner(newVendor());
		Path folder = Files.createDirectories(Path.of("target", "scanner-browser"));
		Path eicar = Files.writeString(folder.resolve("eicar.com"), ClamdServer.EICAR, StandardCharsets.US_ASCII);
		Path clean = Files.writeString(folder.resolve("notes.txt"), "just some notes\n".repeat(1000));
		long before = jdbc.sql("SELECT count(*) FROM scans WHERE partner_id = ?::uuid")
			.param(partner.id())
			.query(Long.class)
			.single();

		try (Browser browser = Browser.open("http://127.0.0.1:" + port)) {
			browser.go("/scan?partner=" + partner.code());
			browser.find("#scan-file").sendKeys(eicar.toAbsolutePath().toString());
			browser.click("#scan-submit");
			waitForVerdict(browser, "error");
			assertThat(browser.text("#scan-verdict-text")).startsWith("Threat found:").contains("Eicar-Test");

			browser.find("#scan-file").sendKeys(clean.toAbsolutePath().toString());
			browser.click("#scan-submit");
			waitForVerdict(browser, "success");
			assertThat(browser.text("#scan-verdict-text")).isEqualTo("No threats found: the file is clean.");
			assertThat(browser.text("#scan-verdict-details")).contains("ClamAV");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM scans WHERE partner_id = ?::uuid")
			.param(partner.id())
			.query(Long.class)
			.single()).isEqualTo(before + 2);
	}

	private static void waitForVerdict(Browser browser, String kind) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(driver -> {
			var verdict = driver.findElement(By.id("scan-verdict"));
			return verdict.isDisplayed() && kind.equals(verdict.getAttribute("data-verdict"));
		});
	}

}
