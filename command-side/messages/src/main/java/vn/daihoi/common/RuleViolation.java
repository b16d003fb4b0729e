package vn.daihoi.common;

import java.util.Objects;

/**
 * A command broke a rule of the domain guide. Carries everything an HTTP problem needs, so that the web layer
 * maps it without knowing the rule: the kind of failure, a stable type slug, the rule id (R-nn) where a rule of
 * the guide applies, the offending field, and the key of its text with the values the text shows. The words
 * themselves live in the message bundles of the application (ADR 0020), never here: the domain says what went
 * wrong, the reader's language is the web layer's business.
 * <p>
 * The key is {@code problem.<type>}; a type whose refusals say different things gives each its own text with
 * {@link #variant(String)}: {@code problem.<type>.<variant>}. Arguments are plain values (numbers, strings,
 * dates, and {@link Bilingual} names, which are shown in the reader's language), never personal data.
 */
public class RuleViolation extends RuntimeException {

    /** How the failure reads to a client: the HTTP layer turns each into one status code. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    /** Every problem text's key starts so. */
    public static final String KEY_PREFIX = "problem.";

    private static final Object[] NONE = {};

    private final Kind kind;
    private final String type;
    private final String ruleId;
    private final String field;
    private final String messageKey;
    private final Object[] arguments;

    public RuleViolation(Kind kind, String type, String ruleId, String field, String messageKey, Object... arguments) {
        super(describe(type, ruleId, field));
        this.kind = Objects.requireNonNull(kind);
        this.type = Objects.requireNonNull(type);
        this.ruleId = ruleId;
        this.field = field;
        this.messageKey = Objects.requireNonNull(messageKey);
        this.arguments = arguments == null ? NONE : arguments.clone();
    }

    public static RuleViolation invalid(String type, String ruleId, String field, Object... arguments) {
        return new RuleViolation(Kind.INVALID, type, ruleId, field, KEY_PREFIX + type, arguments);
    }

    public static RuleViolation conflict(String type, String ruleId, String field, Object... arguments) {
        return new RuleViolation(Kind.CONFLICT, type, ruleId, field, KEY_PREFIX + type, arguments);
    }

    public static RuleViolation notFound(String type, String field, Object... arguments) {
        return new RuleViolation(Kind.NOT_FOUND, type, null, field, KEY_PREFIX + type, arguments);
    }

    /** The same violation told by its own text, {@code problem.<type>.<variant>}: the type and rule stay what clients rely on. */
    public RuleViolation variant(String variant) {
        return new RuleViolation(kind, type, ruleId, field, KEY_PREFIX + type + "." + Objects.requireNonNull(variant), arguments);
    }

    /** The same violation, its text and all, shown next to another field (a page's own field for an API refusal). */
    public RuleViolation atField(String otherField) {
        return new RuleViolation(kind, type, ruleId, otherField, messageKey, arguments);
    }

    /** For logs and test reports: the type, rule and field, which carry no personal data; the arguments stay out. */
    private static String describe(String type, String ruleId, String field) {
        return type + (ruleId == null ? "" : " (" + ruleId + ")") + (field == null ? "" : " at " + field);
    }

    public Kind kind() { return kind; }
    public String type() { return type; }
    public String ruleId() { return ruleId; }
    public String field() { return field; }
    public String messageKey() { return messageKey; }
    public Object[] arguments() { return arguments.clone(); }
}
