package vn.daihoi.term;

/** when the upper level appoints a provisional committee. */
public enum ProvisionalReason {
    FOUNDING("Thành lập mới", "founding"),
    MERGER("Hợp nhất, sáp nhập", "merger"),
    SPLIT("Chia tách", "split"),
    COMMITTEE_DISSOLVED("Giải tán Ban Chấp hành", "committee dissolved"),
    NO_CONGRESS_POSSIBLE("Không tổ chức được đại hội", "no congress can be held");

    private final String vietnamese;
    private final String english;

    ProvisionalReason(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() { return vietnamese; }
    public String english() { return english; }
}
