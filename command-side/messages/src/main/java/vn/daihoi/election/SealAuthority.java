package vn.daihoi.election;

/**
 * the bodies that may break the seal on a counted round's paper ballots before they are destroyed — the
 * congress's presidium (Đoàn Chủ tịch) while it sits, and the executive committee (Ban Chấp hành) it elected
 * afterwards. Nobody else: not an organiser, not the counting committee, not an auditor.
 */
public enum SealAuthority {
    /** Đoàn Chủ tịch đại hội. */
    PRESIDIUM,
    /** Ban Chấp hành công đoàn. */
    EXECUTIVE_COMMITTEE;

    /** The authority a client named, or null when it names none of these (the domain then refuses it, R-31). */
    public static SealAuthority named(String name) {
        if (name == null) return null;
        for (SealAuthority a : values()) if (a.name().equals(name.strip())) return a;
        return null;
    }
}
