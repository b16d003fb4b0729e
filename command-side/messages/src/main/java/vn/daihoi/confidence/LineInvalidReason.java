package vn.daihoi.confidence;

/** why one rating line of a confidence ballot does not count. The other lines of the ballot still do. */
public enum LineInvalidReason {
    NO_LEVEL("Không đánh dấu mức nào", "no level ticked"),
    SEVERAL_LEVELS("Đánh dấu nhiều hơn một mức", "more than one level ticked"),
    NAME_STRUCK("Gạch tên người được lấy phiếu", "the printed name is struck out");

    private final String vietnamese;
    private final String english;

    LineInvalidReason(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() { return vietnamese; }
    public String english() { return english; }
}
