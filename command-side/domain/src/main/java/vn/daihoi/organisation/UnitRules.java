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
            throw RuleViolation.invalid("missing-field", null, field,
                    "Thiếu trường bắt buộc \"" + field + "\".", "The field \"" + field + "\" is required.");
        }
    }

    /** a unit has a code; ASCII so it can be typed anywhere, up to 40 characters. */
    static void requireCode(String code, String field) {
        requireId(code, field);
        if (!CODE.matcher(code).matches()) {
            throw RuleViolation.invalid("invalid-unit-code", "R-01", field,
                    "Mã đơn vị chỉ gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới (tối đa 40 ký tự).",
                    "A unit code has only unaccented letters, digits, '.', '-' and '_' (at most 40 characters).");
        }
    }

    /** a unit has a Vietnamese name. */
    static void requireName(String name, String field) {
        if (Text.isBlank(name)) {
            throw RuleViolation.invalid("empty-unit-name", "R-01", field,
                    "Tên đơn vị không được để trống.", "The unit name must not be empty.");
        }
        if (name.length() > MAX_NAME) {
            throw RuleViolation.invalid("unit-name-too-long", "R-01", field,
                    "Tên đơn vị dài quá " + MAX_NAME + " ký tự.", "The unit name is longer than " + MAX_NAME + " characters.");
        }
    }

    static void requireKind(UnitKind kind, String field) {
        if (kind == null) {
            throw RuleViolation.invalid("missing-field", null, field,
                    "Thiếu loại đơn vị.", "The unit kind is required.");
        }
    }

    /** Every change carries its effective date and the decision that made it. */
    static void requireDated(LocalDate effectiveOn, Decision decision) {
        if (effectiveOn == null) {
            throw RuleViolation.invalid("missing-field", null, "effectiveOn",
                    "Thiếu ngày có hiệu lực.", "The effective date is required.");
        }
        if (decision == null || Text.isBlank(decision.number())) {
            throw RuleViolation.invalid("missing-decision", "R-01", "decision.number",
                    "Mỗi thay đổi cần số quyết định.", "Every change needs the number of the decision that made it.");
        }
    }
}
