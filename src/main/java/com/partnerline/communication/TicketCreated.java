package com.partnerline.communication;

import java.util.UUID;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;

/** Published in the transaction that opened a support ticket. */
public record TicketCreated(VendorId vendorId, PartnerId partnerId, UUID ticketId, String category) {
}
