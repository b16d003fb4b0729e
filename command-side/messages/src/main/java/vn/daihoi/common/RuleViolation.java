package vn.daihoi.common;

import java.util.Objects;

/**
 * A command broke a rule of the domain guide. Carries everything an HTTP problem needs, so that the
 * web layer maps it without knowing the rule: a stable type slug, the rule id (R-nn) where a rule of
 * the guide applies, Vietnamese and English text, the offending field and the kind of failure.
 */
public class RuleViolation extends RuntimeException {

    /** How the failure reads to a client: the HTTP layer turns each into one status code. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final String type;
    private final String ruleId;
    private final String vietnamese;
    private final String english;
    private final String field;
    private final Kind kind;

    public RuleViolation(Kind kind, String type, String ruleId, String field, String vietnamese, String english) {
        super(english);
        this.kind = Objects.requireNonNull(kind);
        this.type = Objects.requireNonNull(type);
        this.ruleId = ruleId;
        this.field = field;
        this.vietnamese = Objects.requireNonNull(vietnamese);
        this.english = Objects.requireNonNull(english);
    }

    public static RuleViolation invalid(String type, String ruleId, String field, String vi, String en) {
        return new RuleViolation(Kind.INVALID, type, ruleId, field, vi, en);
    }

    public static RuleViolation conflict(String type, String ruleId, String field, String vi, String en) {
        return new RuleViolation(Kind.CONFLICT, type, ruleId, field, vi, en);
    }

    public static RuleViolation notFound(String type, String field, String vi, String en) {
        return new RuleViolation(Kind.NOT_FOUND, type, null, field, vi, en);
    }

    public String type() { return type; }
    public String ruleId() { return ruleId; }
    public String vietnamese() { return vietnamese; }
    public String english() { return english; }
    public String field() { return field; }
    public Kind kind() { return kind; }
}
