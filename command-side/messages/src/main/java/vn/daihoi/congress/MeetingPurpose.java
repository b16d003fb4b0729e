package vn.daihoi.congress;

/** Why a committee meeting is held. */
public enum MeetingPurpose {
    /** the new committee's first meeting, which elects its officers and the inspection committee. */
    FIRST_MEETING("Hội nghị lần thứ nhất Ban Chấp hành", "the committee's first meeting"),
    /** a by-election during the term. */
    BY_ELECTION("Hội nghị bầu bổ sung", "by-election meeting"),
    /** a mid-term conference that holds a confidence vote. */
    CONFIDENCE_VOTE("Hội nghị lấy phiếu tín nhiệm", "confidence-vote conference"),
    OTHER("Hội nghị Ban Chấp hành", "other committee meeting");

    private final String vietnamese;
    private final String english;

    MeetingPurpose(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() { return vietnamese; }
    public String english() { return english; }
}
