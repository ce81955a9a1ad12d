/**
 * Invoicing: self-billed invoices. Partners (Internet Partners and companies) keep their
 * legal name, address and VAT id here and agree, per vendor, that the vendor issues
 * invoices on their behalf; every payable statement of a month close then gets an
 * invoice with a number from the vendor's gapless sequence, VAT or the reverse-charge
 * note decided by the two countries, rendered as a PDF in four languages and attached
 * to the statement mail. Listens to commissions' {@code MonthClosed} inside the close's
 * transaction and implements {@code commissions.StatementAttachments} (ADR 0026).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Invoicing")
@org.jspecify.annotations.NullMarked
package com.partnerline.invoicing;
