package com.partnerline.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;

import javax.imageio.ImageIO;

import com.partnerline.catalog.Vendor;
import com.partnerline.enablement.EnablementManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The demo vendor's partner support library, made through the enablement module's own
 * services once (when the vendor has no material yet): banners drawn with Java2D in two
 * sizes and two languages, an HTML5 banner, text links, the pricing, trademark and
 * domain-name policies, company pages and an upcoming seminar for Internet Partners.
 */
@Component
class DemoMaterial {

	private static final Logger log = LoggerFactory.getLogger(DemoMaterial.class);

	private static final String ACTOR = "demo";

	private static final Color GREEN = new Color(0x00, 0x6d, 0x5c);

	private static final Color DARK = new Color(0x1d, 0x1d, 0x1b);

	private final EnablementManagement enablement;

	private final Clock clock;

	DemoMaterial(EnablementManagement enablement, Clock clock) {
		this.enablement = enablement;
		this.clock = clock;
	}

	void load(Vendor vendor) {
		if (enablement.hasMaterial(vendor)) {
			return;
		}
		String kav = "https://www.kaspersky.com/antivirus";
		String kis = "https://www.kaspersky.com/internet-security";
		banner(vendor, "Anti-Virus leaderboard (English)", "KAV", "en", kav, 728, 90, "Kaspersky Anti-Virus",
				"Award-winning protection. Try it free for 30 days.");
		banner(vendor, "Anti-Virus leaderboard (German)", "KAV", "de", kav, 728, 90, "Kaspersky Anti-Virus",
				"Ausgezeichneter Schutz. 30 Tage kostenlos testen.");
		banner(vendor, "Internet Security rectangle (English)", "KIS", "en", kis, 300, 250,
				"Kaspersky Internet Security", "Safe banking, shopping and browsing.");
		banner(vendor, "Internet Security rectangle (German)", "KIS", "de", kis, 300, 250,
				"Kaspersky Internet Security", "Sicher bezahlen, einkaufen und surfen.");
		enablement.uploadCreative(vendor, "Total Security HTML5 rectangle (English)", "BANNER",
				"https://www.kaspersky.com/total-security", "KTS", "en", "total-security.html",
				html(), ACTOR);
		enablement.saveTextLink(vendor, "kav-free-trial", "Kaspersky Anti-Virus: try it free for 30 days", kav, "KAV",
				"en");
		enablement.saveTextLink(vendor, "kis-de", "Kaspersky Internet Security: sicher im Netz", kis, "KIS", "de");

		enablement.publishPolicy(vendor, "PRICING", "Pricing policy", """
				Advertise Kaspersky products at the prices of the Kaspersky store or above.

				- No advertised discount beyond the **coupons** the program gives you.
				- Bundles with your own products must show the Kaspersky price on its own.
				- Prices in other currencies follow the program's exchange rates.""", ACTOR);
		enablement.publishPolicy(vendor, "TRADEMARK", "Trademark policy", """
				Use the Kaspersky names and logos only as the style guide shows them.

				- Do not bid on **Kaspersky** or product names in search advertising.
				- Do not change the logos or combine them with your own marks.
				- Say that you are an independent partner, not Kaspersky Lab.""", ACTOR);
		enablement.publishPolicy(vendor, "DOMAIN_NAMES", "Domain-name policy", """
				Do not register or use domain names that contain **kaspersky**, a product name or a misspelling of
				them. Sub-pages such as `your-site.example/kaspersky-review` are fine.""", ACTOR);

		enablement.savePage(vendor, "about", "About Kaspersky Lab", """
				Kaspersky Lab develops security software for homes and businesses and protects more than
				400 million users in 200 countries.

				Our online sales partner program pays you for every sale through your links, with monthly bands
				that raise your rate as your sales grow.""", ACTOR);
		enablement.savePage(vendor, "partner-contacts", "Partner team contacts", """
				Questions about the program, payouts or material: open a ticket in the support desk of your control
				panel. Internet Partners also reach their partner manager at
				[partners@kaspersky.example](mailto:partners@kaspersky.example).""", ACTOR);

		LocalDate day = LocalDate.now(clock.withZone(vendor.timeZone())).plusDays(9);
		enablement.scheduleSeminar(vendor, "Selling Kaspersky Total Security: features and arguments",
				day + "T11:00", 90, vendor.timeZone().getId(), 25, "ONLINE", "Web conference, link sent by mail");
		log.info("Demo partner support material loaded for vendor '{}'", vendor.slug());
	}

	private void banner(Vendor vendor, String name, String product, String language, String target, int width,
			int height, String title, String claim) {
		enablement.uploadCreative(vendor, name, "BANNER", target, product, language,
				name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".png",
				image(width, height, title, claim), ACTOR);
	}

	/** A banner drawn with Java2D: a gradient, a shield, the product name and a claim (text only where fonts exist). */
	static byte[] image(int width, int height, String title, String claim) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setPaint(new GradientPaint(0, 0, GREEN, width, height, DARK));
			g.fillRect(0, 0, width, height);
			int shield = Math.min(height, width) * 6 / 10;
			int x = height < width / 3 ? 14 : (width - shield) / 2;
			int y = height < width / 3 ? (height - shield) / 2 : 18;
			g.setColor(Color.WHITE);
			g.fill(new RoundRectangle2D.Double(x, y, shield, shield * 0.8, shield / 3.0, shield / 3.0));
			g.fill(new Ellipse2D.Double(x, y + shield * 0.35, shield, shield * 0.65));
			g.setColor(GREEN);
			g.setStroke(new BasicStroke(Math.max(3, shield / 10f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
			g.drawLine(x + shield / 4, y + shield / 2, x + shield / 2 - 2, y + shield * 3 / 4);
			g.drawLine(x + shield / 2 - 2, y + shield * 3 / 4, x + shield * 3 / 4 + 4, y + shield / 4);
			text(g, width, height, x + shield, y + shield, title, claim);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	private static void text(Graphics2D g, int width, int height, int shieldRight, int shieldBottom, String title,
			String claim) {
		try {
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			boolean wide = height < width / 3;
			int left = wide ? shieldRight + 18 : 16;
			int top = wide ? height / 2 - 4 : shieldBottom + 6;
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, wide ? 24 : 20));
			g.drawString(title, left, top);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, wide ? 16 : 14));
			g.drawString(claim, left, top + (wide ? 26 : 24));
		}
		catch (RuntimeException | Error ex) {
			// a server without fonts still gets the banners, without their words
			log.warn("Demo banners are drawn without text: no font could be used ({})", ex.toString());
		}
	}

	/** An HTML5 banner: styled text and a Java2D image inside as a data: address, sized by its ad.size meta. */
	private static byte[] html() {
		String shield = Base64.getEncoder().encodeToString(image(80, 80, "", ""));
		return ("""
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8">
				<meta name="ad.size" content="width=300,height=250">
				<title>Kaspersky Total Security</title>
				<style>
				.ad{box-sizing:border-box;width:300px;height:250px;padding:18px;font-family:sans-serif;color:#fff;
				  background:linear-gradient(135deg,#006d5c,#1d1d1b)}
				.ad h1{font-size:22px;margin:10px 0 6px}
				.ad p{font-size:14px;margin:0 0 14px}
				.ad a{display:inline-block;padding:8px 14px;border-radius:4px;background:#fff;color:#006d5c;
				  font-weight:bold;text-decoration:none}
				</style></head>
				<body><div class="ad"><img src="data:image/png;base64,%s" width="48" height="48" alt="">
				<h1>Kaspersky Total Security</h1><p>Protection for every device in your home.</p>
				<a href="https://www.kaspersky.com/total-security">Buy now</a></div></body></html>
				""".formatted(shield)).getBytes(StandardCharsets.UTF_8);
	}

}
