package com.partnerline.commissions;

import java.util.List;

import com.partnerline.notifications.Attachment;

/**
 * Files to attach to the mail that tells a partner its statement is ready, such as the
 * self-billed invoice of a payable statement. A module that makes such documents
 * implements it (commissions cannot depend on it, since it listens to commissions'
 * events), as {@code partners.AccountingPeriods} is implemented by commissions.
 */
public interface StatementAttachments {

	/** The attachments of the statement's mail; empty when there is none. Must not be {@literal null}. */
	List<Attachment> forStatement(Statement statement);

}
