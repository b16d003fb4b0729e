package vn.daihoi.election.rules;

import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.axonframework.eventhandling.EventMessage;
import vn.daihoi.common.RuleViolation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Matchers for fixture tests: a refusal by its stable type and rule id (what clients rely on), and the events applied. */
public final class Refusals {
    private Refusals() {}

    /** A rule violation of this type under this rule (null: no rule id). */
    public static Matcher<RuleViolation> refusal(String type, String ruleId) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation v) {
                return v.type().equals(type) && Objects.equals(v.ruleId(), ruleId);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("rule violation " + type + " (" + ruleId + ")");
            }
        };
    }

    /** The same, showing exactly these values. */
    public static Matcher<RuleViolation> refusal(String type, String ruleId, Object... arguments) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation v) {
                return v.type().equals(type) && Objects.equals(v.ruleId(), ruleId) && Arrays.equals(v.arguments(), arguments);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("rule violation " + type + " (" + ruleId + ") " + Arrays.toString(arguments));
            }
        };
    }

    /**
     * Keeps the payloads of the events a command applied in {@code into}, for assertions on one field of a large
     * event (a count, a flag) where spelling out the whole event would hide what the test is about.
     */
    public static Matcher<List<EventMessage<?>>> recordedInto(List<Object> into) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object item) {
                into.clear();
                if (!(item instanceof List<?> list)) return false;
                for (Object m : list) into.add(((EventMessage<?>) m).getPayload());
                return true;
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("any events (recorded)");
            }
        };
    }

    /** The one event of this type among {@code events}. */
    public static <T> T only(List<Object> events, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Object e : events) if (type.isInstance(e)) found.add(type.cast(e));
        if (found.size() != 1) throw new AssertionError("expected one " + type.getSimpleName() + " in " + events);
        return found.get(0);
    }
}
