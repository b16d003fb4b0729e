package vn.daihoi.election;

import vn.daihoi.common.Bilingual;

/** What an election fills. Each is its own election on the same engine. */
public enum ElectedBody implements Bilingual {
    EXECUTIVE_COMMITTEE("Ban Chấp hành", "executive committee"),
    CHAIR("Chủ tịch", "chair"),
    VICE_CHAIRS("Phó Chủ tịch", "vice-chairs"),
    STANDING_COMMITTEE("Ban Thường vụ", "standing committee"),
    INSPECTION_COMMITTEE("Ủy ban Kiểm tra", "inspection committee"),
    INSPECTION_CHAIR("Chủ nhiệm Ủy ban Kiểm tra", "chair of the inspection committee"),
    /** elected by the inspection committee's own members. */
    INSPECTION_VICE_CHAIR("Phó Chủ nhiệm Ủy ban Kiểm tra", "vice-chair of the inspection committee"),
    UPPER_CONGRESS_DELEGATES("Đại biểu chính thức dự đại hội cấp trên", "delegates to the upper-level congress"),
    UPPER_CONGRESS_ALTERNATES("Đại biểu dự khuyết dự đại hội cấp trên", "alternate delegates to the upper-level congress"),
    /** not an election of a body but a rating of each listed official, on the same engine. */
    CONFIDENCE_VOTE("Lấy phiếu tín nhiệm", "confidence vote");

    private final String vietnamese;
    private final String english;

    ElectedBody(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() { return vietnamese; }
    public String english() { return english; }
}
