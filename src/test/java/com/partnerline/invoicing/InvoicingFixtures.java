package com.partnerline.invoicing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.partnerline.kernel.HmacSignature;
import com.partnerline.support.Api;
import com.partnerline.support.Fixtures;
import com.partnerline.support.Fixtures.TestPartner;
import com.partnerline.support.Fixtures.TestVendor;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders, closes, legal details and agreements through the API, and PDFs read back with PDFBox. */
final class InvoicingFixtures {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private final Api api;

	private final Api admin;

	private final int port;

	InvoicingFixtures(Api api, Api admin, int port) {
		this.api = api;
		this.admin = admin;
		this.port = port;
	}

	/** A signed order of one {@code PROD} at {@code price} attributed to the partner, from a customer of its own. */
	void order(TestVendor vendor, TestPartner partner, String orderId, String at, String price) {
		String body = """
				{"orderId":"%s","occurredAt":"%s","currency":"USD","customer":{"email":"%s@customer.example","country":"DE"},
				 "items":[{"sku":"PROD","quantity":1,"unitPrice":"%s"}],"referral":{"partnerId":"%s"}}"""
			.formatted(orderId, at, orderId, price, partner.id());
		Api.Response response = api
			.header(HmacSignature.HEADER, HmacSignature.header(vendor.processorSecret(), Instant.now().getEpochSecond(),
					body.getBytes(StandardCharsets.UTF_8)))
			.send("POST", "/api/v1/vendors/" + vendor.slug() + "/orders", body, "application/json");
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	JsonNode close(TestVendor vendor, String month) {
		Api.Response response = admin.post("/api/v1/admin/vendors/" + vendor.slug() + "/periods/" + month + "/close",
				null);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	void vendorDetails(TestVendor vendor, String name, String address, String country, String vatId) {
		Api.Response response = admin.put("/api/v1/admin/vendors/" + vendor.slug() + "/legal-details",
				Fixtures.map("legalName", name, "address", address, "country", country, "vatId", vatId));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	/** The partner's legal details saved and self-billing agreed with the vendor. */
	void selfBilling(TestPartner partner, TestVendor vendor, String name, String address, String country,
			String vatId) {
		Api.Response details = partner.api()
			.put("/api/v1/partner/legal-details",
					Fixtures.map("legalName", name, "address", address, "country", country, "vatId", vatId));
		assertThat(details.status()).as(details.toString()).isEqualTo(200);
		Api.Response agreed = partner.api()
			.post("/api/v1/partner/programs/" + vendor.slug() + "/self-billing", Fixtures.map("termsVersion", "SB-1"));
		assertThat(agreed.status()).as(agreed.toString()).isEqualTo(200);
	}

	/** The partner's invoices (API). */
	JsonNode invoices(TestPartner partner) {
		Api.Response response = partner.api().get("/api/v1/partner/invoices");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	/** GET with the bearer token; the body as bytes. */
	HttpResponse<byte[]> download(String token, String path, String language) {
		try {
			return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Authorization", "Bearer " + token)
				.header("Accept-Language", language)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The invoice's PDF as the partner downloads it, as text. */
	String invoiceText(TestPartner partner, TestVendor vendor, String number, String language) {
		HttpResponse<byte[]> response = download(partner.token(),
				"/api/v1/partner/programs/" + vendor.slug() + "/invoices/" + number, language);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		return text(response.body());
	}

	static String text(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
