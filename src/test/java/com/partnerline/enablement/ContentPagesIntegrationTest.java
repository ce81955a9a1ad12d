package com.partnerline.enablement;

import com.partnerline.support.Api;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import com.partnerline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Company content pages: Markdown written by the vendor, rendered safely for partners. */
class ContentPagesIntegrationTest extends IntegrationTest {

	@Test
	void markdownIsRenderedWithoutAnythingThatRuns() {
		TestVendor vendor = newVendor();
		TestPartner partner = newPartner(vendor);
		Api.Response saved = admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/pages/about", map("title",
				"About us", "body", """
						# Who we are
						We make **antivirus** software. <script>alert(1)</script>
						<img src=x onerror=alert(2)>
						[a link](javascript:alert(3)) and [our site](https://example.com/)
						"""));
		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		Api.Response pages = partner.api().get("/api/v1/partner/programs/" + vendor.slug() + "/pages");
		assertThat(pages.status()).isEqualTo(200);
		String html = pages.json().get(0).path("html").asString();
		assertThat(html).contains("<h1>Who we are</h1>", "<strong>antivirus</strong>", "href=\"https://example.com/\"")
			.doesNotContain("<script", "<img", "javascript:");
		assertThat(admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/pages/Bad_Slug", map("title", "t", "body", "b"))
			.status()).isIn(400, 404, 422);
	}

}
