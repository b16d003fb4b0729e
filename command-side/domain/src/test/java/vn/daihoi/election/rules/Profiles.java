package vn.daihoi.election.rules;

import vn.daihoi.congress.Fraction;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.RuleProfiles;

/**
 * Rule profiles that differ from the shipped ones in one setting, so that a test shows the aggregate reads the
 * setting rather than a number written into the code.
 */
public final class Profiles {
    private Profiles() {}

    private static final RuleProfile U = RuleProfiles.UNION_DEFAULT;

    public static RuleProfile of(Fraction quorum, Fraction tieRoundThreshold, boolean doubleEntry, Fraction review, Fraction dismissal,
                                 Fraction confidenceQuorum) {
        return new RuleProfile(U.id() + "-test", U.nameVi(), U.nameEn(), U.source(), quorum, U.showOfHandsMajority(), U.minimumSurplus(),
                U.surplusCapShare(), U.smallCommitteeSurplusCap(), U.electionThreshold(), tieRoundThreshold, U.strikeAllValid(), doubleEntry,
                review, dismissal, U.branchAdditionsCap(), U.higherAdditionsCap(), U.maxTermShiftMonths(), U.sealedBallotMonths(),
                confidenceQuorum, U.countingShares());
    }

    /** the union profile with a cap on the surplus as a share of the seats and a cap for committees of 3–5 seats. */
    public static RuleProfile surplusCaps(Fraction share, Integer smallCommitteeCap) {
        return new RuleProfile(U.id() + "-test", U.nameVi(), U.nameEn(), U.source(), U.quorum(), U.showOfHandsMajority(), U.minimumSurplus(),
                share, smallCommitteeCap, U.electionThreshold(), U.tieRoundThreshold(), U.strikeAllValid(), U.doubleEntry(),
                U.confidenceReview(), U.confidenceDismissal(), U.branchAdditionsCap(), U.higherAdditionsCap(), U.maxTermShiftMonths(),
                U.sealedBallotMonths(), U.confidenceQuorum(), U.countingShares());
    }

    /** the union profile with another threshold for tie rounds. */
    public static RuleProfile tieRoundThreshold(Fraction f) {
        return of(U.quorum(), f, U.doubleEntry(), U.confidenceReview(), U.confidenceDismissal(), U.confidenceQuorum());
    }

    /** the union profile with single entry of paper ballots. */
    public static RuleProfile singleEntry() {
        return of(U.quorum(), U.tieRoundThreshold(), false, U.confidenceReview(), U.confidenceDismissal(), U.confidenceQuorum());
    }

    /** the union profile with another quorum for elections and for confidence votes. */
    public static RuleProfile quorums(Fraction quorum, Fraction confidenceQuorum) {
        return of(quorum, U.tieRoundThreshold(), U.doubleEntry(), U.confidenceReview(), U.confidenceDismissal(), confidenceQuorum);
    }

    /** the union profile with other review and dismissal shares. */
    public static RuleProfile confidenceFlags(Fraction review, Fraction dismissal) {
        return of(U.quorum(), U.tieRoundThreshold(), U.doubleEntry(), review, dismissal, U.confidenceQuorum());
    }
}
