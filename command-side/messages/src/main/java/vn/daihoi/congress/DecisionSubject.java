package vn.daihoi.congress;

/** What a show-of-hands decision settles. */
public enum DecisionSubject {
    PRESIDIUM, SECRETARIAT, CREDENTIALS_COMMITTEE, COUNTING_COMMITTEE, COMMITTEE_SIZE, CANDIDATE_LIST,
    LIST_WITHOUT_SURPLUS, AGENDA, OTHER;

    /** The bodies that run the congress: their members are people. */
    public boolean electsBody() {
        return this == PRESIDIUM || this == SECRETARIAT || this == CREDENTIALS_COMMITTEE || this == COUNTING_COMMITTEE;
    }
}
