package vn.daihoi.organisation;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import vn.daihoi.common.RuleViolation;

/** Matches a rule violation by its stable type and rule id, the two things clients rely on. */
final class Violations {
    private Violations() {}

    static Matcher<RuleViolation> violation(String type, String ruleId) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation v) {
                return v.type().equals(type) && java.util.Objects.equals(v.ruleId(), ruleId);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("rule violation " + type + " (" + ruleId + ")");
            }
        };
    }
}
