package com.digitdesk.api.routing;

/**
 * When a field may skip the clerk.
 *
 * @param digitThreshold every written digit's calibrated probability must
 *        reach this
 * @param maxResidualPoints a page registered worse than this sends all its
 *        fields to review
 * @param maxProposalDigits how many of the least certain digits a sum-rule
 *        proposal may change, at most
 * @param ruleCheckedDigitThreshold the threshold for the digits of fields
 *        whose values a template rule confirms (e.g. amounts that add up to
 *        their total); the lower of the two applies
 */
public record RoutingPolicy(double digitThreshold, double maxResidualPoints, int maxProposalDigits,
		double ruleCheckedDigitThreshold) {

	public RoutingPolicy {
		if (!(digitThreshold >= 0 && digitThreshold <= 1)) {
			throw new IllegalArgumentException("the digit threshold must be in [0,1], was " + digitThreshold);
		}
		if (!(maxResidualPoints > 0)) {
			throw new IllegalArgumentException("the residual limit must be positive, was " + maxResidualPoints);
		}
		if (!(ruleCheckedDigitThreshold >= 0 && ruleCheckedDigitThreshold <= 1)) {
			throw new IllegalArgumentException(
					"the rule-checked digit threshold must be in [0,1], was " + ruleCheckedDigitThreshold);
		}
		if (maxProposalDigits < 0) {
			throw new IllegalArgumentException("maxProposalDigits must not be negative");
		}
	}

	/** The same policy at another digit threshold. */
	public RoutingPolicy withThreshold(double threshold) {
		return new RoutingPolicy(threshold, maxResidualPoints, maxProposalDigits, ruleCheckedDigitThreshold);
	}

	/** The same policy with another threshold for rule-checked digits. */
	public RoutingPolicy withRuleCheckedThreshold(double threshold) {
		return new RoutingPolicy(digitThreshold, maxResidualPoints, maxProposalDigits, threshold);
	}
}
