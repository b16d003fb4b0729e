package vn.daihoi.congress;

/**
 * đại hội toàn thể (every member summoned) or đại hội đại biểu (delegates summoned); R-41: a meeting of the
 * executive committee (hội nghị Ban Chấp hành), held on the same machinery of roll, quorum and ballots (ADR 0009).
 */
public enum CongressKind {
    ALL_MEMBER("Đại hội toàn thể", "all-member congress"),
    DELEGATE("Đại hội đại biểu", "delegate congress"),
    COMMITTEE_MEETING("Hội nghị Ban Chấp hành", "executive committee meeting");

    private final String vietnamese;
    private final String english;

    CongressKind(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() { return vietnamese; }
    public String english() { return english; }

    /** A meeting of the committee rather than a congress: no ordinal, no seats announced, not one per term. */
    public boolean isMeeting() {
        return this == COMMITTEE_MEETING;
    }
}
