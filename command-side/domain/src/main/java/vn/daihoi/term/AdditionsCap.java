package vn.daihoi.term;

import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.organisation.Decision;

/**
 * members added to the committee during a term (by-elections and appointments together) are capped at a
 * share of the seats, rounded down — the profile's branch share for a branch union (2/3: 3 of 5 seats), its
 * higher share above — beyond which the upper level's consent, a recorded decision, is needed.
 */
public final class AdditionsCap {
    private AdditionsCap() {}

    public static long cap(RuleProfile profile, boolean branchUnit, int seats) {
        return (branchUnit ? profile.branchAdditionsCap() : profile.higherAdditionsCap()).floorOf(seats);
    }

    public static void check(RuleProfile profile, boolean branchUnit, int seats, int additionsSoFar, int adding, Decision consent) {
        long cap = cap(profile, branchUnit, seats);
        if (additionsSoFar + adding > cap && (consent == null || consent.number() == null || consent.number().isBlank())) {
            throw RuleViolation.conflict("additions-cap-exceeded", "R-50", "consent", (additionsSoFar + adding), cap, seats);
        }
    }
}
