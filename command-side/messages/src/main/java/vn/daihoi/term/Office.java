package vn.daihoi.term;

import vn.daihoi.common.Bilingual;

/** The offices a leadership holds. Every office but the inspection ones is held from within the committee. */
public enum Office implements Bilingual {
    COMMITTEE_MEMBER("Ủy viên Ban Chấp hành", "executive committee member"),
    STANDING_MEMBER("Ủy viên Ban Thường vụ", "standing committee member"),
    CHAIR("Chủ tịch", "chair"),
    VICE_CHAIR("Phó Chủ tịch", "vice-chair"),
    INSPECTION_MEMBER("Ủy viên Ủy ban Kiểm tra", "inspection committee member"),
    INSPECTION_CHAIR("Chủ nhiệm Ủy ban Kiểm tra", "inspection committee chair"),
    INSPECTION_VICE_CHAIR("Phó Chủ nhiệm Ủy ban Kiểm tra", "inspection committee vice-chair");

    private final String vietnamese;
    private final String english;

    Office(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() { return vietnamese; }
    public String english() { return english; }

    /** the standing committee, chair and vice-chairs are elected by the new committee from its own members. */
    public boolean heldFromTheCommittee() {
        return this == STANDING_MEMBER || this == CHAIR || this == VICE_CHAIR;
    }
}
