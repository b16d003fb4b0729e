package vn.daihoi.term;

/** How an office began. */
public enum HoldingStart {
    ELECTED_AT_CONGRESS("Đại hội bầu", "elected at the congress"),
    ELECTED_AT_FIRST_MEETING("Hội nghị lần thứ nhất bầu", "elected at the committee's first meeting"),
    BY_ELECTION("Bầu bổ sung", "by-election"),
    APPOINTED("Cấp trên chỉ định", "appointed by the upper level"),
    IMPORTED("Nhập từ quyết định trước đây", "imported from past decisions"),
    PROVISIONAL("Chỉ định BCH lâm thời", "provisional committee");

    private final String vietnamese;
    private final String english;

    HoldingStart(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() { return vietnamese; }
    public String english() { return english; }
}
