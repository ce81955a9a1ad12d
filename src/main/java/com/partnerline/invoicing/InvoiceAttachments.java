package com.partnerline.invoicing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.partnerline.catalog.CatalogManagement;
import com.partnerline.commissions.Statement;
import com.partnerline.commissions.StatementAttachments;
import com.partnerline.kernel.VendorId;
import com.partnerline.notifications.Attachment;
import com.partnerline.notifications.AttachmentSource;

import org.springframework.stereotype.Component;

/**
 * The self-billed invoice of a payable statement, attached to the statement's mail: the
 * outbox keeps the reference {@code <vendor id>:<number>} and the PDF is rendered when the
 * mail is sent, in the mail's language.
 */
@Component
class InvoiceAttachments implements StatementAttachments, AttachmentSource {

	static final String SOURCE = "invoice";

	private final SelfBilling selfBilling;

	private final InvoicePdf pdf;

	private final CatalogManagement catalog;

	InvoiceAttachments(SelfBilling selfBilling, InvoicePdf pdf, CatalogManagement catalog) {
		this.selfBilling = selfBilling;
		this.pdf = pdf;
		this.catalog = catalog;
	}

	@Override
	public List<Attachment> forStatement(Statement statement) {
		return selfBilling.invoiceOfStatement(statement.vendorId(), statement.id())
			.map(invoice -> List.of(new Attachment(
					invoice.filename(catalog.findVendor(statement.vendorId()).map(v -> v.slug()).orElse("vendor")),
					"application/pdf", SOURCE, invoice.vendorId().value() + ":" + invoice.number())))
			.orElse(List.of());
	}

	@Override
	public String name() {
		return SOURCE;
	}

	@Override
	public Optional<byte[]> render(String reference, Locale locale) {
		String[] parts = reference.split(":");
		if (parts.length != 2) {
			return Optional.empty();
		}
		return selfBilling.invoice(new VendorId(Long.parseLong(parts[0])), Long.parseLong(parts[1]))
			.map(invoice -> pdf.render(invoice, locale));
	}

}
