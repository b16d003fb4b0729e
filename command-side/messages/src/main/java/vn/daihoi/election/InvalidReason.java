package vn.daihoi.election;

import vn.daihoi.common.Bilingual;

/** why a ballot is invalid. Invalid ballots still count as collected. */
public enum InvalidReason implements Bilingual {
    NOT_ISSUED("Phiếu không do Ban kiểm phiếu phát hành hoặc không đóng dấu", "not issued or not stamped by the counting committee"),
    TOO_MANY_NAMES("Phiếu giữ lại nhiều tên hơn số lượng cần bầu", "keeps more names than there are seats"),
    NAME_ADDED("Phiếu ghi thêm tên người ngoài danh sách", "adds a name not on the list"),
    IDENTIFYING_MARK("Phiếu có dấu hiệu nhận biết", "carries an identifying mark"),
    UNCLEAR("Phiếu gạch xoá không rõ ràng", "strikes are unclear"),
    NOTHING_KEPT("Phiếu gạch hết tên (không hợp lệ theo bộ quy tắc)", "strikes every name, which the rule profile does not accept");

    private final String vietnamese;
    private final String english;

    InvalidReason(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() { return vietnamese; }
    public String english() { return english; }
}
