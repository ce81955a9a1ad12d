package com.partnerline.platform;

import java.util.Locale;

import com.partnerline.accounts.AccountStatus;
import com.partnerline.partners.PartnerManagement.Registration;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The language is the account's setting, else the switcher's choice, else Accept-Language, else English. */
class LanguageSelectionIntegrationTest extends IntegrationTest {

	@Test
	void speaksTheLanguageOfAcceptLanguageWithItsNumberFormats() {
		Api.Response page = api.header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5").get("/");
		assertThat(page.body()).contains("<html lang=\"fr\"", "Deux types de partenaires");
		assertThat(normalized(page.body())).contains("500,00 $ à 3 000,00 $");
	}

	@Test
	void fallsBackToEnglishForALanguageItDoesNotSpeak() {
		Api.Response page = api.header("Accept-Language", "ja-JP,ja;q=0.9").get("/");
		assertThat(page.body()).contains("<html lang=\"en\"", "Two kinds of partner", "$500.00 to $3,000.00");
	}

	@Test
	void keepsTheLanguagePickedWithTheSwitcher() {
		Api.Response switched = api.header("Accept-Language", "fr").get("/?lang=de");
		assertThat(switched.body()).contains("<html lang=\"de\"", "Zwei Arten von Partnern");
		String cookie = switched.header("Set-Cookie");
		assertThat(cookie).startsWith("pl_lang=de").contains("HttpOnly");
		Api.Response next = api.header("Accept-Language", "fr").header("Cookie", "pl_lang=de").get("/");
		assertThat(next.body()).contains("<html lang=\"de\"");
		assertThat(normalized(next.body())).contains("500,00 $ bis 3.000,00 $");
	}

	@Test
	void prefersTheAccountsOwnSettingOverTheRequestHeader() {
		String email = unique("ru") + "@example.org";
		partners.register(new Registration(email, Fixtures.PASSWORD, "Иван", null, "RU",
				partners.platformTerms().version(), Locale.forLanguageTag("ru")), AccountStatus.ACTIVE, null, null);
		String token = Fixtures.token(api, email, Fixtures.PASSWORD);
		Api.Response problem = api.as(token)
			.header("Accept-Language", "de")
			.post("/api/v1/partner/programs", map("vendor", unique("missing"), "acceptTermsVersion", "1"));
		assertThat(problem.status()).isEqualTo(404);
		assertThat(problem.json().path("title").asString()).isEqualTo("Не найдено");
	}

	@Test
	void mailsTheConfirmationInRussianToAnAccountThatSignedUpInRussian() throws Exception {
		String email = unique("olga") + "@example.org";
		Api.Response created = api.header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.3")
			.post("/api/v1/signup", map("email", email, "password", Fixtures.PASSWORD, "name", "Ольга", "country", "RU",
					"acceptTermsVersion", partners.platformTerms().version()));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		jakarta.mail.internet.MimeMessage mail = mail().await(email);
		assertThat(mail.getSubject()).isEqualTo("Подтвердите адрес электронной почты для Partnerline");
		assertThat(com.partnerline.support.MailServer.text(mail)).contains("Здравствуйте, Ольга");
		assertThat(com.partnerline.support.MailServer.html(mail)).contains("lang=\"ru\"");
	}

	@Test
	void keepsTheApiDataLanguageNeutral() {
		Fixtures.TestVendor vendor = newVendor();
		Api.Response german = admin.header("Accept-Language", "de").get("/api/v1/admin/vendors/" + vendor.slug());
		assertThat(german.json().path("products").get(0).path("price").asString()).isEqualTo("100.00");
		assertThat(german.json().path("program").path("minPayout").asString()).isEqualTo("50.00");
	}

	private static String normalized(String html) {
		return html.replace('\u202f', ' ').replace('\u00a0', ' ');
	}

}
