package vn.daihoi.term;

/** How an office ended. */
public enum HoldingEnd {
    SUCCEEDED_ON_RECOGNITION("Thôi khi BCH mới được công nhận", "succeeded when the new committee was recognised"),
    RESIGNATION("Xin thôi", "resignation"),
    DISMISSAL("Bãi nhiệm, cách chức", "dismissal"),
    TRANSFER("Chuyển công tác", "transfer"),
    TERM_END("Hết nhiệm kỳ", "end of term");

    private final String vietnamese;
    private final String english;

    HoldingEnd(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() { return vietnamese; }
    public String english() { return english; }

    /** what a person's own decision may end; succession is the system's doing, on recognition. */
    public boolean personal() {
        return this == RESIGNATION || this == DISMISSAL || this == TRANSFER;
    }
}
