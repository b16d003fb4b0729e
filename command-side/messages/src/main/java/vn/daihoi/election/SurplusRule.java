package vn.daihoi.election;

import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.RuleProfile;

import java.util.Optional;

/**
 * a multi-seat list is longer than the seats by the profile's minimum surplus, unless the congress accepted
 * a list without surplus by recorded vote; a profile may cap the surplus (30 % of seats rounded down, never
 * below the minimum; and a fixed cap for committees of 3–5 seats). A single seat may have one candidate.
 * It sits in the message API beside {@link RuleProfile}, a pure function of its numbers, so that the election
 * aggregate applies it at the approval and the organiser's console shows its verdict before the submit — one rule,
 * never copied into the web layer.
 */
public final class SurplusRule {
    private SurplusRule() {}

    /** Refuses the list when the rule is not met (the approval, R-22). */
    public static void check(int candidates, int seats, RuleProfile profile, boolean noSurplusAccepted) {
        Optional<RuleViolation> broken = verdict(candidates, seats, profile, noSurplusAccepted);
        if (broken.isPresent()) throw broken.get();
    }

    /**
     * The rule's verdict without acting on it: empty when a list of {@code candidates} for {@code seats} may be
     * approved, else the refusal the approval would give. The organiser's console shows it before he submits.
     */
    public static Optional<RuleViolation> verdict(int candidates, int seats, RuleProfile profile, boolean noSurplusAccepted) {
        if (candidates < seats && seats > 1 || candidates == 0) {
            return Optional.of(RuleViolation.conflict("too-few-candidates", "R-22", "listDecisionId", candidates, seats));
        }
        int surplus = candidates - seats;
        if (seats > 1 && surplus < profile.minimumSurplus() && !noSurplusAccepted) {
            return Optional.of(RuleViolation.conflict("surplus-too-small", "R-22", "listDecisionId", profile.minimumSurplus()));
        }
        if (profile.surplusCapShare() != null && seats > 1) {
            long cap = Math.max(profile.surplusCapShare().floorOf(seats), profile.minimumSurplus());
            if (profile.smallCommitteeSurplusCap() != null && seats >= 3 && seats <= 5) cap = profile.smallCommitteeSurplusCap();
            if (surplus > cap) {
                return Optional.of(RuleViolation.conflict("surplus-too-large", "R-22", "listDecisionId", surplus, cap));
            }
        }
        return Optional.empty();
    }
}
