package com.partnerline.communication;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import com.partnerline.partners.PartnerType;
import org.jspecify.annotations.Nullable;

/**
 * A partner's support ticket to a vendor.
 *
 * @param partnerType the partner's type when it opened the ticket, which set its target
 * @param assigneeId the manager's account it is assigned to, if any
 * @param firstResponseDue when the first reply of a manager is due (the program's target)
 * @param firstResponseAt when a manager first replied; {@literal null} until then
 */
record Ticket(UUID id, VendorId vendorId, PartnerId partnerId, PartnerType partnerType, String subject,
		TicketCategory category, TicketStatus status, @Nullable UUID assigneeId, Instant createdAt, Instant updatedAt,
		Instant firstResponseDue, @Nullable Instant firstResponseAt) {

	/** Still waiting for its first reply at {@code at}: it counts against the target. */
	boolean awaitsFirstResponse() {
		return firstResponseAt == null && status.isActive();
	}

	/** The first reply came late, or has not come and the target has passed. */
	boolean breachedAt(Instant at) {
		return firstResponseAt != null ? firstResponseAt.isAfter(firstResponseDue)
				: status.isActive() && at.isAfter(firstResponseDue);
	}

	/** Time left until the target while the first reply is awaited; negative once breached; null when answered. */
	@Nullable Duration timeLeftAt(Instant at) {
		return awaitsFirstResponse() ? Duration.between(at, firstResponseDue) : null;
	}

}
