package vn.daihoi.organisation;

import vn.daihoi.common.Bilingual;

/**
 * The levels of R-01. A unit sits strictly below its parent's level; the level, not the kind, decides that,
 * since a provincial federation and a national sector union stand side by side.
 */
public enum UnitKind implements Bilingual {
    CONFEDERATION(0, "Tổng Liên đoàn Lao động Việt Nam", "confederation"),
    PROVINCIAL_FEDERATION(1, "Liên đoàn Lao động tỉnh, thành phố", "provincial federation"),
    NATIONAL_SECTOR_UNION(1, "Công đoàn ngành Trung ương", "national sector union"),
    UPPER_LEVEL_UNION(2, "Công đoàn cấp trên trực tiếp cơ sở", "upper-level union"),
    BRANCH_UNION(3, "Công đoàn cơ sở", "branch union"),
    SECTION(4, "Công đoàn bộ phận", "section"),
    GROUP(5, "Tổ công đoàn", "group");

    private final int level;
    private final String vietnamese;
    private final String english;

    UnitKind(int level, String vietnamese, String english) {
        this.level = level;
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public int level() { return level; }
    public String vietnamese() { return vietnamese; }
    public String english() { return english; }

    /** "a branch union", "an upper-level union". */
    public String withArticle() {
        return ("aeiou".indexOf(english.charAt(0)) >= 0 ? "an " : "a ") + english;
    }

    /** a child stands on a lower level than its parent. */
    public boolean mayStandUnder(UnitKind parent) {
        return level > parent.level;
    }

    /** Only the top two levels may stand without a parent: a federation may adopt the system alone. */
    public boolean mayBeRoot() {
        return level <= 1;
    }
}
