package com.partnerline.tracking;

import java.util.List;

import com.partnerline.catalog.Vendor;
import com.partnerline.kernel.VendorId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TargetUrlsUnitTest {

	static final Vendor VENDOR = new Vendor(new VendorId(1), "acme", "Acme", java.time.ZoneId.of("UTC"),
			java.util.Currency.getInstance("USD"), List.of("shop.acme.com"));

	@Test
	void acceptsHttpsOnAnAllowedHostAndNormalisesIt() {
		assertThat(TargetUrls.allowed(VENDOR, "https://SHOP.acme.com")).isEqualTo("https://shop.acme.com/");
		assertThat(TargetUrls.allowed(VENDOR, "https://shop.acme.com:443/a?b=c#d"))
			.isEqualTo("https://shop.acme.com:443/a?b=c#d");
	}

	@Test
	void refusesEverythingElse() {
		for (String url : List.of("javascript:alert(1)", "http://shop.acme.com/", "https://shop.acme.com.evil.io/",
				"https://evil.io/shop.acme.com", "https://shop.acme.com@evil.io/", "https://a:b@shop.acme.com/",
				"https://x.shop.acme.com/", "https://shop.acme.com./", "https://shop.acme.com:444/",
				"https://shop.acme.com\\@evil.io", "https://shop.acme.com/\u0000", "https://shop.acme.com/ a",
				"https://ѕhop.acme.com/", "//shop.acme.com/", "shop.acme.com", "")) {
			assertThat(TargetUrls.allowed(VENDOR, url)).as(url).isNull();
		}
	}

	@Test
	void addsTheClickIdToTheQueryBeforeTheFragment() {
		assertThat(TargetUrls.withClickId("https://s.io/", "C")).isEqualTo("https://s.io/?plc=C");
		assertThat(TargetUrls.withClickId("https://s.io/?a=1", "C")).isEqualTo("https://s.io/?a=1&plc=C");
		assertThat(TargetUrls.withClickId("https://s.io/?a=1#top", "C")).isEqualTo("https://s.io/?a=1&plc=C#top");
		assertThat(TargetUrls.withClickId("https://s.io/p#x?y", "C")).isEqualTo("https://s.io/p?plc=C#x?y");
		assertThat(TargetUrls.withClickId("https://s.io/?", "C")).isEqualTo("https://s.io/?plc=C");
	}

	@Test
	void knowsCommonBots() {
		assertThat(ClickIdentity.isBot("Mozilla/5.0 (compatible; bingbot/2.0)")).isTrue();
		assertThat(ClickIdentity.isBot("curl/8.5.0")).isTrue();
		assertThat(ClickIdentity.isBot("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0 Safari/537.36")).isFalse();
		assertThat(ClickIdentity.isBot(null)).isFalse();
	}

}
