package vn.daihoi.election;

/** What a round decided for one candidate. */
public enum Outcome {
    /** More than the threshold of ballots collected, and within the seats. */
    ELECTED,
    /** Above the threshold but tied at the last seat with more candidates than seats left: a tie round decides. */
    TIED_FOR_LAST_SEAT,
    /** Above the threshold, but the seats were filled by candidates with more votes. */
    NO_SEAT_LEFT,
    /** Not more than the threshold of ballots collected, whatever his share of valid ballots. */
    BELOW_THRESHOLD
}
