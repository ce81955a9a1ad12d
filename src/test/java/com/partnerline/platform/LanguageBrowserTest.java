package com.partnerline.platform;

import com.partnerline.support.Browser;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** In a real headless Chromium: the switcher turns the site German, text and numbers alike. */
class LanguageBrowserTest extends IntegrationTest {

	@Test
	void switchesTheSiteToGermanWithGermanNumbers() {
		try (Browser browser = Browser.open("http://127.0.0.1:" + port)) {
			browser.go("/");
			assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
			assertThat(browser.text("h1")).isEqualTo("Sell the software people need, and earn every month");

			browser.click("#lang-de");
			browser.waitFor(driver -> "de".equals(driver.findElement(By.tagName("html")).getAttribute("lang")));

			assertThat(browser.text("h1"))
				.isEqualTo("Verkaufen Sie Software, die Menschen brauchen, und verdienen Sie jeden Monat");
			String bands = browser.text(".bands table").replace('\u202f', ' ').replace('\u00a0', ' ');
			assertThat(bands).contains("500,00 $ bis 3.000,00 $", "ab 15.000,00 $", "20 %");
			assertThat(browser.text("header.top nav")).contains("Anmelden");

			browser.go("/login");
			assertThat(browser.text("h1")).isEqualTo("Anmelden");
		}
	}

}
