package vn.daihoi.congress;

/**
 * The numeric settings of the domain guide, named and sourced. A congress is convened under one profile and
 * its events carry the whole profile, so a replay years later counts with the rules of its day.
 *
 * @param quorum                  : share of those summoned who must be present (reached: ≥)
 * @param showOfHandsMajority      R-15: share of those present a show-of-hands decision must exceed (>)
 * @param minimumSurplus           R-22: candidates beyond the seats on a multi-seat list
 * @param surplusCapShare          R-22: cap on the surplus as a share of the seats (rounded down, never below
 *                                 the minimum), or null for no cap
 * @param smallCommitteeSurplusCap R-22: cap on the surplus for committees of 3–5 seats, or null
 * @param electionThreshold        R-26: share of ballots collected a candidate must exceed (>)
 * @param tieRoundThreshold        R-27: the same for a tie round
 * @param strikeAllValid           R-24: a ballot that strikes every name is valid
 * @param doubleEntry              R-29: paper ballots entered twice by two committee members
 * @param confidenceReview         R-64: share of low confidence, on ballots collected, that flags review (>)
 * @param confidenceDismissal      R-64: share that flags dismissal (≥)
 * @param confidenceQuorum         R-61: share of those summoned who must be present to open a confidence round (≥)
 * @param branchAdditionsCap       R-50: additions during a term, branch unions (share of seats, rounded down)
 * @param higherAdditionsCap       R-50: the same at higher levels
 * @param maxTermShiftMonths       R-02: how far the upper level may shift a unit's term
 * @param sealedBallotMonths       R-31: how long paper ballots stay sealed
 * @param countingShares           R-23, R-29 (ADR 0017): share of the counting committee whose key shares open an
 *                                 electronic ballot box (more than this share: 1/2 is a majority)
 */
public record RuleProfile(String id, String nameVi, String nameEn, String source,
                          Fraction quorum, Fraction showOfHandsMajority,
                          int minimumSurplus, Fraction surplusCapShare, Integer smallCommitteeSurplusCap,
                          Fraction electionThreshold, Fraction tieRoundThreshold, boolean strikeAllValid,
                          boolean doubleEntry, Fraction confidenceReview, Fraction confidenceDismissal,
                          Fraction branchAdditionsCap, Fraction higherAdditionsCap,
                          int maxTermShiftMonths, int sealedBallotMonths, Fraction confidenceQuorum,
                          Fraction countingShares) {

    /** defaults, for profiles stored before these settings existed (events are never rewritten). */
    public static final Fraction DEFAULT_CONFIDENCE_REVIEW = new Fraction(1, 2);
    public static final Fraction DEFAULT_CONFIDENCE_DISMISSAL = new Fraction(2, 3);
    public static final Fraction DEFAULT_CONFIDENCE_QUORUM = new Fraction(2, 3);
    /** ADR 0017: a majority of the counting committee opens the box, unless a profile says otherwise. */
    public static final Fraction DEFAULT_COUNTING_SHARES = new Fraction(1, 2);

    public RuleProfile {
        if (confidenceReview == null) confidenceReview = DEFAULT_CONFIDENCE_REVIEW;
        if (confidenceDismissal == null) confidenceDismissal = DEFAULT_CONFIDENCE_DISMISSAL;
        if (confidenceQuorum == null) confidenceQuorum = DEFAULT_CONFIDENCE_QUORUM;
        if (countingShares == null) countingShares = DEFAULT_COUNTING_SHARES;
        if (branchAdditionsCap == null) branchAdditionsCap = new Fraction(2, 3);
        if (higherAdditionsCap == null) higherAdditionsCap = new Fraction(1, 2);
    }

    /** The shape before R-61 had its own setting: the confidence quorum takes its default. */
    public RuleProfile(String id, String nameVi, String nameEn, String source,
                       Fraction quorum, Fraction showOfHandsMajority,
                       int minimumSurplus, Fraction surplusCapShare, Integer smallCommitteeSurplusCap,
                       Fraction electionThreshold, Fraction tieRoundThreshold, boolean strikeAllValid,
                       boolean doubleEntry, Fraction confidenceReview, Fraction confidenceDismissal,
                       Fraction branchAdditionsCap, Fraction higherAdditionsCap,
                       int maxTermShiftMonths, int sealedBallotMonths) {
        this(id, nameVi, nameEn, source, quorum, showOfHandsMajority, minimumSurplus, surplusCapShare, smallCommitteeSurplusCap,
                electionThreshold, tieRoundThreshold, strikeAllValid, doubleEntry, confidenceReview, confidenceDismissal,
                branchAdditionsCap, higherAdditionsCap, maxTermShiftMonths, sealedBallotMonths, null, null);
    }

    /** The shape before the counting committee held key shares (ADR 0017): a majority opens the box. */
    public RuleProfile(String id, String nameVi, String nameEn, String source,
                       Fraction quorum, Fraction showOfHandsMajority,
                       int minimumSurplus, Fraction surplusCapShare, Integer smallCommitteeSurplusCap,
                       Fraction electionThreshold, Fraction tieRoundThreshold, boolean strikeAllValid,
                       boolean doubleEntry, Fraction confidenceReview, Fraction confidenceDismissal,
                       Fraction branchAdditionsCap, Fraction higherAdditionsCap,
                       int maxTermShiftMonths, int sealedBallotMonths, Fraction confidenceQuorum) {
        this(id, nameVi, nameEn, source, quorum, showOfHandsMajority, minimumSurplus, surplusCapShare, smallCommitteeSurplusCap,
                electionThreshold, tieRoundThreshold, strikeAllValid, doubleEntry, confidenceReview, confidenceDismissal,
                branchAdditionsCap, higherAdditionsCap, maxTermShiftMonths, sealedBallotMonths, confidenceQuorum, null);
    }

    /**
     * a show-of-hands decision passes when the votes for exceed the profile's share of those present. The one
     * place this arithmetic lives: the congress aggregate decides with it, the console's session page shows it as
     * the organiser types the counts.
     */
    public boolean showOfHandsPasses(long votesFor, long present) {
        return showOfHandsMajority.exceededBy(votesFor, present);
    }

    /** the fewest votes for that pass a decision with {@code present} voting delegates in the hall. */
    public long showOfHandsVotesNeeded(long present) {
        return showOfHandsMajority.floorOf(present) + 1;
    }

    /** ADR 0017: how many of a committee of {@code members} must present their shares — more than the profile's share. */
    public int sharesToOpen(int members) {
        return (int) Math.min(members, countingShares.floorOf(members) + 1);
    }
}
