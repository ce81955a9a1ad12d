package com.partnerline.partners;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.partnerline.catalog.Vendor;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The whole Internet Partner route in one call, for data loaders (the demo): the partner
 * submits its proposal, the vendor approves it with a contract, the partner accepts it.
 * Each step is the same call the panel, the console and the API make, with their
 * validation, audit entries and mails.
 */
@Component
public class InternetPartnerRoute {

	private final Proposals proposals;

	InternetPartnerRoute(Proposals proposals) {
		this.proposals = proposals;
	}

	/**
	 * @param rate the negotiated rate, or {@literal null} for the band rate
	 * @return the accepted contract, in force from {@code startsOn} (a day of a month the vendor has not closed)
	 */
	public Contract applyAndSign(Partner partner, Vendor vendor, Application application, String reviewer,
			@Nullable BigDecimal rate, OrderProcessing processing, LocalDate startsOn) {
		ProposalForm form = new ProposalForm(
				new ProposalForm.CompanyProfile(application.company(), application.website(), application.country(),
						application.employees(), application.description()),
				new ProposalForm.SalesPlan(application.monthlyCommitment(),
						application.lines().entrySet().stream().map(e -> new ProposalForm.Line(e.getKey(), e.getValue())).toList()),
				new ProposalForm.MarketingPlan(application.channels(), application.marketing()));
		Proposal proposal = proposals.submit(partner, vendor, form);
		proposals.decide(vendor, proposal.id(), new Proposals.Decision("APPROVE", application.reviewComment(),
				new Proposals.ContractTerms(rate, processing.name(), startsOn.toString(), false)), reviewer);
		return proposals.acceptContract(partner, vendor, null);
	}

	/** What the partner's proposal says. */
	public record Application(String company, String website, String country, int employees, String description,
			BigDecimal monthlyCommitment, Map<String, Integer> lines, List<String> channels, String marketing,
			String reviewComment) {
	}

}
