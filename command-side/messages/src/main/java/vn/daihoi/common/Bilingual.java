package vn.daihoi.common;

/**
 * A value of the domain that has a name in both languages (an elected body, an office, a unit's level). Passed as
 * an argument of a {@link RuleViolation}, it is shown in the reader's language.
 */
public interface Bilingual {
    String vietnamese();

    String english();
}
