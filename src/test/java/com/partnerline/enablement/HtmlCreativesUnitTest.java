package com.partnerline.enablement;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.partnerline.kernel.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTML5 banners: what is refused (each problem named), what is stripped, and the partner's links. */
class HtmlCreativesUnitTest {

	static final String TARGET = "https://vendor.example.com/antivirus";

	static String banner(String head, String body) {
		return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"ad.size\" content=\"width=300,height=250\">"
				+ head + "<title>Spring sale</title></head><body>" + body + "</body></html>";
	}

	static String pngData() {
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(Uploads.png(30, 20));
	}

	static UploadChecks.Checked check(String html) {
		return HtmlCreatives.check(html.getBytes(StandardCharsets.UTF_8), TARGET);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			script element          | |<p>Buy</p><script>alert(document.cookie)</script>                       | enablement.html.script
			script in head          | <script src="https://evil.example/x.js"></script> | <p>Buy</p>                   | enablement.html.script
			onerror handler         | |<img src="x" onerror="alert(1)">                                         | enablement.html.eventHandler
			onclick on a link       | |<a href="#" onclick="steal()">Buy</a>                                    | enablement.html.eventHandler
			javascript link         | |<a href="javascript:alert(1)">Buy</a>                                    | enablement.html.javascriptUrl
			obfuscated javascript   | |<a href=" jav&#x09;ascript:alert(1)">Buy</a>                             | enablement.html.javascriptUrl
			meta refresh            | <meta http-equiv="refresh" content="0;url=https://evil.example/"> | <p>Buy</p>   | enablement.html.metaRefresh
			iframe                  | |<iframe src="https://evil.example/"></iframe>                            | enablement.html.frame
			object                  | |<object data="x.swf"></object>                                           | enablement.html.frame
			form                    | |<form action="https://evil.example/"><input name="card"></form>          | enablement.html.form
			button                  | |<button>Buy</button>                                                     | enablement.html.form
			external style sheet    | <link rel="stylesheet" href="https://evil.example/a.css"> | <p>Buy</p>           | enablement.html.external
			css import              | <style>@import url(https://evil.example/a.css);</style> | <p>Buy</p>              | enablement.html.external
			external font           | <style>@font-face{font-family:x;src:url(https://evil.example/f.woff)}</style> | <p>Buy</p> | enablement.html.external
			external css image      | <style>body{background:url('https://evil.example/t.png')}</style> | <p>Buy</p>    | enablement.html.external
			escaped css             | <style>body{background:u\\72l(https://evil.example/t.png)}</style> | <p>Buy</p>   | enablement.html.external
			external image          | |<img src="https://evil.example/pixel.gif" alt="">                        | enablement.html.external
			srcset                  | |<img src="x" srcset="https://evil.example/a.png 2x" alt="">              | enablement.html.external
			base element            | <base href="https://evil.example/"> | <p>Buy</p>                                  | enablement.html.external
			video                   | |<video src="https://evil.example/v.mp4"></video>                         | enablement.html.external
			inline svg              | |<svg><script>alert(1)</script></svg>                                     | enablement.html.script
			inline svg plain        | |<svg width="10" height="10"><rect width="10" height="10"/></svg>         | enablement.html.svg
			css expression          | |<p style="width:expression(alert(1))">Buy</p>                            | enablement.html.javascriptUrl
			html as image           | |<img src="data:text/html;base64,PHNjcmlwdD4=" alt="">                    | enablement.html.javascriptUrl
			broken image            | |<img src="data:image/png;base64,iVBORw0KGgo=" alt="">                    | enablement.html.image
			""")
	void refusesActiveOrOutsideContentNamingTheProblem(String what, String head, String body, String problem) {
		String html = banner(head == null ? "" : head, body);
		assertThatThrownBy(() -> check(html)).isInstanceOfSatisfying(ApiProblem.class, refused -> {
			assertThat(refused.status().value()).isEqualTo(422);
			assertThat(refused.messageKey()).isEqualTo(problem);
			assertThat(refused.errors()).singleElement().satisfies(error -> {
				assertThat(error.field()).isEqualTo("file");
				assertThat(error.message()).isEqualTo(problem);
			});
		});
	}

	@Test
	void refusesABannerWithoutItsSize() {
		String html = "<!DOCTYPE html><html><head><title>x</title></head><body><p>Buy</p></body></html>";
		assertThatThrownBy(() -> check(html)).isInstanceOfSatisfying(ApiProblem.class,
				refused -> assertThat(refused.messageKey()).isEqualTo("enablement.html.size"));
	}

	@Test
	void keepsWhatIsOnTheListLinksToTheTargetAndDropsTheRest() {
		String image = pngData();
		String html = banner("<style>.offer{color:#c00;background:url(" + image + ")}</style>",
				"<div class=\"offer\" data-track=\"x\" id=\"main\"><h1>Spring sale</h1>"
						+ "<img src=\"" + image + "\" alt=\"Box\" width=\"30\" height=\"20\">"
						+ "<a href=\"https://elsewhere.example/\" target=\"_top\">Buy now</a><marquee>-50%</marquee></div>");
		UploadChecks.Checked checked = check(html);
		String clean = new String(checked.bytes(), StandardCharsets.UTF_8);
		assertThat(checked.contentType()).isEqualTo("text/html");
		assertThat(checked.width()).isEqualTo(300);
		assertThat(checked.height()).isEqualTo(250);
		assertThat(checked.sha256()).isEqualTo(UploadChecks.sha256(checked.bytes()));
		assertThat(clean).contains("<h1>Spring sale</h1>", "class=\"offer\"", image, ".offer{color:#c00",
				"<a href=\"" + TARGET + "\" target=\"_blank\" rel=\"noopener\">Buy now</a>", "-50%")
			.doesNotContain("data-track", "id=\"main\"", "marquee", "elsewhere.example", "_top");
	}

	@Test
	void makesEveryLinkThePartnersTrackingLinkAndWrapsABannerWithoutLinks() {
		String link = "https://partners.example.test/r/abc123";
		UploadChecks.Checked withLinks = check(banner("", "<p><a href=\"https://x.example/\">One</a> <a href=\"https://y.example/\">Two</a></p>"));
		String served = new String(HtmlCreatives.forPartner(withLinks.bytes(), link), StandardCharsets.UTF_8);
		assertThat(served.split("href=\"" + link + "\"", -1)).hasSize(3);
		assertThat(served).doesNotContain(TARGET);

		UploadChecks.Checked withoutLinks = check(banner("", "<p>Protect your PC</p>"));
		String wrapped = new String(HtmlCreatives.forPartner(withoutLinks.bytes(), link), StandardCharsets.UTF_8);
		assertThat(wrapped).contains("<a style=\"display:block;width:100%;height:100%;text-decoration:none;color:inherit\" href=\""
				+ link + "\" target=\"_blank\" rel=\"noopener\"><p>Protect your PC</p></a>");
	}

}
