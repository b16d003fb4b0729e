package vn.daihoi.term;

/** the only grounds for an extraordinary congress. */
public enum ExtraordinaryGrounds {
    MORE_THAN_HALF_SEATS_VACANT("Khuyết quá một nửa số ủy viên Ban Chấp hành", "more than half the committee seats vacant"),
    TASKS_CHANGED("Nhiệm vụ của đại hội thay đổi cơ bản", "the congress's tasks changed fundamentally");

    private final String vietnamese;
    private final String english;

    ExtraordinaryGrounds(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() { return vietnamese; }
    public String english() { return english; }
}
