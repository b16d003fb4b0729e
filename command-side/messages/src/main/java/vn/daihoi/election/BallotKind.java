package vn.daihoi.election;

import vn.daihoi.congress.Attendance;
import vn.daihoi.congress.Fraction;
import vn.daihoi.congress.RuleProfile;

/**
 * The two kinds of secret ballot the engine runs (ADR 0010): one decision per kind where the election, the ballot box
 * and the count used to ask "is this a confidence vote?".
 */
public enum BallotKind {

    /**
     * candidates nominated; the voter keeps names and strikes the others; a list longer
     * than the seats, in the order of given names; counted by names kept against the threshold.
     */
    STRIKE_OUT("R-13"),

    /**
     * officials listed, not nominated; one line per person rated high / confidence / low;
     * the list as the organisers gave it, no surplus; its own quorum; counted per person with flags.
     */
    RATING("R-61");

    private final String quorumRule;

    BallotKind(String quorumRule) {
        this.quorumRule = quorumRule;
    }

    public static BallotKind of(ElectedBody body) {
        return body == ElectedBody.CONFIDENCE_VOTE ? RATING : STRIKE_OUT;
    }

    /** whether people stand by nomination (or are listed when the vote is opened). */
    public boolean takesNominations() {
        return this == STRIKE_OUT;
    }

    /** whether the ballot is a choice among names — a surplus, the order of given names, seats to fill. */
    public boolean choosesAmongNames() {
        return this == STRIKE_OUT;
    }

    /** the share of those summoned who must be present to open a round of this kind. */
    public Fraction quorum(RuleProfile profile) {
        return this == RATING ? profile.confidenceQuorum() : profile.quorum();
    }

    /** The rule the quorum of this kind is checked under. */
    public String quorumRule() {
        return quorumRule;
    }

    /** The same people summoned and present, judged by this kind's quorum. */
    public Attendance judged(Attendance a, RuleProfile profile) {
        return Attendance.judged(a.summoned(), a.present(), quorum(profile));
    }

    /** Whether a ballot of this kind carries rating lines (and no names kept). */
    public boolean ratesEach() {
        return this == RATING;
    }
}
