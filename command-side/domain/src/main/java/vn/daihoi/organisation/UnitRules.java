package vn.daihoi.organisation;

import vn.daihoi.common.RuleViolation;
import vn.daihoi.common.Text;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** Checks on the fields of one command, before any unit is consulted. */
final class UnitRules {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final int MAX_NAME = 255;

    private UnitRules() {}

    static void requireId(String id, String field) {
        if (Text.isBlank(id)) {
            throw RuleViolation.invalid("missing-field", null, field, field);
        }
    }

    /** a unit has a code; ASCII so it can be typed anywhere, up to 40 characters. */
    static void requireCode(String code, String field) {
        requireId(code, field);
        if (!CODE.matcher(code).matches()) {
            throw RuleViolation.invalid("invalid-unit-code", "R-01", field);
        }
    }

    /** a unit has a Vietnamese name. */
    static void requireName(String name, String field) {
        if (Text.isBlank(name)) {
            throw RuleViolation.invalid("empty-unit-name", "R-01", field);
        }
        if (name.length() > MAX_NAME) {
            throw RuleViolation.invalid("unit-name-too-long", "R-01", field, MAX_NAME);
        }
    }

    static void requireKind(UnitKind kind, String field) {
        if (kind == null) {
            throw RuleViolation.invalid("missing-field", null, field).variant("unit-kind");
        }
    }

    /** Every change carries its effective date and the decision that made it. */
    static void requireDated(LocalDate effectiveOn, Decision decision) {
        if (effectiveOn == null) {
            throw RuleViolation.invalid("missing-field", null, "effectiveOn").variant("effective-on");
        }
        if (decision == null || Text.isBlank(decision.number())) {
            throw RuleViolation.invalid("missing-decision", "R-01", "decision.number");
        }
    }
}
