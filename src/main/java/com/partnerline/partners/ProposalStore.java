package com.partnerline.partners;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.partnerline.kernel.PartnerId;
import com.partnerline.kernel.VendorId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of proposals and contracts; every query names its vendor. */
@Repository
class ProposalStore {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ProposalStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(UUID id, VendorId vendorId, PartnerId partnerId, ProposalForm form, Instant now) {
		jdbc.sql("""
				INSERT INTO proposals (id, vendor_id, partner_id, status, company_profile, sales_plan, marketing_plan,
				                       monthly_commitment, submitted_at)
				VALUES (?, ?, ?, 'SUBMITTED', CAST(? AS JSONB), CAST(? AS JSONB), CAST(? AS JSONB), ?, ?)""")
			.params(id, vendorId.value(), partnerId.value(), json.writeValueAsString(form.companyProfile()),
					json.writeValueAsString(form.salesPlan()), json.writeValueAsString(form.marketingPlan()),
					form.salesPlan().monthlyCommitment(), Timestamp.from(now))
			.update();
	}

	void resubmit(UUID id, ProposalForm form, Instant now) {
		jdbc.sql("""
				UPDATE proposals SET status = 'SUBMITTED', company_profile = CAST(? AS JSONB),
				       sales_plan = CAST(? AS JSONB), marketing_plan = CAST(? AS JSONB), monthly_commitment = ?,
				       submitted_at = ?
				WHERE id = ?""")
			.params(json.writeValueAsString(form.companyProfile()), json.writeValueAsString(form.salesPlan()),
					json.writeValueAsString(form.marketingPlan()), form.salesPlan().monthlyCommitment(),
					Timestamp.from(now), id)
			.update();
	}

	void decide(UUID id, ProposalStatus status, @Nullable String comment, String actor, Instant now) {
		jdbc.sql("UPDATE proposals SET status = ?, vendor_comment = ?, decided_at = ?, decided_by = ? WHERE id = ?")
			.params(status.name(), comment, Timestamp.from(now), actor, id)
			.update();
	}

	/** The proposal, locked for a decision or a resubmission. */
	Optional<Proposal> lock(VendorId vendorId, UUID id) {
		return jdbc.sql("SELECT * FROM proposals WHERE vendor_id = ? AND id = ? FOR UPDATE")
			.params(vendorId.value(), id)
			.query(this::proposal)
			.optional();
	}

	Optional<Proposal> find(VendorId vendorId, UUID id) {
		return jdbc.sql("SELECT * FROM proposals WHERE vendor_id = ? AND id = ?")
			.params(vendorId.value(), id)
			.query(this::proposal)
			.optional();
	}

	Optional<Long> vendorOf(UUID id) {
		return jdbc.sql("SELECT vendor_id FROM proposals WHERE id = ?").param(id).query(Long.class).optional();
	}

	List<Proposal> ofPartner(VendorId vendorId, PartnerId partnerId) {
		return jdbc.sql("SELECT * FROM proposals WHERE vendor_id = ? AND partner_id = ? ORDER BY submitted_at DESC")
			.params(vendorId.value(), partnerId.value())
			.query(this::proposal)
			.list();
	}

	boolean hasOpen(VendorId vendorId, PartnerId partnerId) {
		return jdbc.sql("""
				SELECT count(*) FROM proposals WHERE vendor_id = ? AND partner_id = ?
				AND status IN ('SUBMITTED', 'CHANGES_REQUESTED')""")
			.params(vendorId.value(), partnerId.value())
			.query(Long.class)
			.single() > 0;
	}

	/** One page of a review queue over some vendors, with the total for the pager. */
	QueuePage queue(List<Long> vendorIds, @Nullable ProposalStatus status, QueueSort sort, boolean ascending, int page,
			int size) {
		if (vendorIds.isEmpty()) {
			return new QueuePage(List.of(), 0);
		}
		String where = " FROM proposals p JOIN partners pa ON pa.id = p.partner_id WHERE p.vendor_id IN ("
				+ String.join(",", vendorIds.stream().map(v -> "?").toList()) + ")"
				+ (status == null ? "" : " AND p.status = ?");
		List<Object> params = new java.util.ArrayList<>(vendorIds);
		if (status != null) {
			params.add(status.name());
		}
		long total = jdbc.sql("SELECT count(*)" + where).params(params).query(Long.class).single();
		// The sort column comes from an enum, never from the request's text.
		String order = sort.column + (ascending ? " ASC" : " DESC") + ", p.id";
		List<Object> pageParams = new java.util.ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		List<QueueRow> rows = jdbc.sql("SELECT p.*, pa.name AS partner_name, pa.company AS partner_company" + where
				+ " ORDER BY " + order + " LIMIT ? OFFSET ?")
			.params(pageParams)
			.query((rs, n) -> new QueueRow(proposal(rs, n), rs.getString("partner_name"), rs.getString("partner_company")))
			.list();
		return new QueuePage(rows, total);
	}

	void insertContract(Contract contract) {
		jdbc.sql("""
				INSERT INTO contracts (id, vendor_id, partner_id, proposal_id, commission_rate, cap_override,
				                       order_processing, starts_on, status, offered_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(contract.id(), contract.vendorId().value(), contract.partnerId().value(), contract.proposalId(),
					contract.commissionRate(), contract.capOverride(), contract.orderProcessing().name(),
					Date.valueOf(contract.startsOn()), contract.status(), Timestamp.from(contract.offeredAt()))
			.update();
	}

	/** Marks the partner's contracts in {@code from} status as {@code to}. */
	void changeContracts(VendorId vendorId, PartnerId partnerId, String from, String to) {
		jdbc.sql("UPDATE contracts SET status = ? WHERE vendor_id = ? AND partner_id = ? AND status = ?")
			.params(to, vendorId.value(), partnerId.value(), from)
			.update();
	}

	void acceptContract(UUID id, Instant now) {
		jdbc.sql("UPDATE contracts SET status = 'ACCEPTED', accepted_at = ? WHERE id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	Optional<Contract> contract(VendorId vendorId, PartnerId partnerId, String status) {
		return jdbc.sql("""
				SELECT * FROM contracts WHERE vendor_id = ? AND partner_id = ? AND status = ?
				ORDER BY offered_at DESC LIMIT 1""")
			.params(vendorId.value(), partnerId.value(), status)
			.query(ProposalStore::contract)
			.optional();
	}

	/**
	 * The contract that governed the partner's orders on {@code day}: of the accepted ones (in force
	 * or superseded since) that had started by then, the one accepted last, since each accepted
	 * contract replaces the one before from its start.
	 */
	Optional<Contract> contractOn(VendorId vendorId, PartnerId partnerId, LocalDate day) {
		return jdbc.sql("""
				SELECT * FROM contracts WHERE vendor_id = ? AND partner_id = ? AND status IN ('ACCEPTED', 'SUPERSEDED')
				  AND starts_on <= ?
				ORDER BY accepted_at DESC LIMIT 1""")
			.params(vendorId.value(), partnerId.value(), day)
			.query(ProposalStore::contract)
			.optional();
	}

	/** Whether the partner ever accepted a contract with the vendor. */
	boolean hasAcceptedContract(VendorId vendorId, PartnerId partnerId) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM contracts WHERE vendor_id = ? AND partner_id = ?
				  AND status IN ('ACCEPTED', 'SUPERSEDED'))""")
			.params(vendorId.value(), partnerId.value())
			.query(Boolean.class)
			.single();
	}

	Optional<Contract> contractOf(UUID proposalId) {
		return jdbc.sql("SELECT * FROM contracts WHERE proposal_id = ? ORDER BY offered_at DESC LIMIT 1")
			.param(proposalId)
			.query(ProposalStore::contract)
			.optional();
	}

	private Proposal proposal(ResultSet rs, int row) throws SQLException {
		ProposalForm form = new ProposalForm(
				json.readValue(rs.getString("company_profile"), ProposalForm.CompanyProfile.class),
				json.readValue(rs.getString("sales_plan"), ProposalForm.SalesPlan.class),
				json.readValue(rs.getString("marketing_plan"), ProposalForm.MarketingPlan.class));
		Timestamp decided = rs.getTimestamp("decided_at");
		return new Proposal(rs.getObject("id", UUID.class), new VendorId(rs.getLong("vendor_id")),
				new PartnerId(rs.getObject("partner_id", UUID.class)), ProposalStatus.valueOf(rs.getString("status")),
				form, rs.getString("vendor_comment"), rs.getTimestamp("submitted_at").toInstant(),
				decided == null ? null : decided.toInstant(), rs.getString("decided_by"));
	}

	private static Contract contract(ResultSet rs, int row) throws SQLException {
		BigDecimal rate = rs.getBigDecimal("commission_rate");
		Timestamp accepted = rs.getTimestamp("accepted_at");
		return new Contract(rs.getObject("id", UUID.class), new VendorId(rs.getLong("vendor_id")),
				new PartnerId(rs.getObject("partner_id", UUID.class)), rs.getObject("proposal_id", UUID.class),
				rate == null ? null : rate.stripTrailingZeros(), OrderProcessing.valueOf(rs.getString("order_processing")),
				rs.getDate("starts_on").toLocalDate(), rs.getString("status"), rs.getBoolean("cap_override"),
				rs.getTimestamp("offered_at").toInstant(), accepted == null ? null : accepted.toInstant());
	}

	/** Sortable columns of the review queue. */
	enum QueueSort {

		SUBMITTED("p.submitted_at"), COMMITMENT("p.monthly_commitment"), STATUS("p.status");

		final String column;

		QueueSort(String column) {
			this.column = column;
		}

	}

	record QueueRow(Proposal proposal, String partnerName, @Nullable String partnerCompany) {
	}

	record QueuePage(List<QueueRow> rows, long total) {
	}

}
