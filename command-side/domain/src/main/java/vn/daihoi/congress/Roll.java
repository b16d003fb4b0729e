package vn.daihoi.congress;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import vn.daihoi.delegate.DelegateCategory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The congress's roll as the aggregate needs it to decide: who votes and who is present.
 * Counting is over voting delegates only, never alternates who replaced nobody, never guests.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
final class Roll {

    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    static final class Seat {
        String personId;
        DelegateCategory category;
        boolean replaced;
        boolean replacing;
        boolean rejected;
        boolean present;
        String credentialId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Seat s && java.util.Objects.equals(personId, s.personId) && category == s.category
                    && replaced == s.replaced && replacing == s.replacing && rejected == s.rejected
                    && present == s.present && java.util.Objects.equals(credentialId, s.credentialId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(personId, category, replaced, replacing, rejected, present, credentialId);
        }

        boolean present() {
            return present;
        }

        boolean votes() {
            return RollRules.votes(category, replaced, replacing, rejected);
        }
    }

    final Map<String, Seat> seats = new HashMap<>();
    final Set<String> codes = new HashSet<>();
    final Set<String> persons = new HashSet<>();

    static String codeKey(String code) {
        return code.toUpperCase(Locale.ROOT);
    }

    Seat seat(String delegateId) {
        return seats.get(delegateId);
    }

    Attendance attendance(Fraction quorum) {
        return attendanceWithout(Set.of(), quorum);
    }

    /** Attendance once the credentials of {@code rejected} are refused. */
    Attendance attendanceWithout(Set<String> rejected, Fraction quorum) {
        int summoned = 0;
        int present = 0;
        for (Map.Entry<String, Seat> e : seats.entrySet()) {
            if (!e.getValue().votes() || rejected.contains(e.getKey())) continue;
            summoned++;
            if (e.getValue().present) present++;
        }
        return Attendance.judged(summoned, present, quorum);
    }

    Collection<Seat> all() {
        return seats.values();
    }
}
