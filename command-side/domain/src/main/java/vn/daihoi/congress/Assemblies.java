package vn.daihoi.congress;

import vn.daihoi.delegate.DelegateCategory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What other aggregates may know of a congress or committee meeting (an "assembly"), read from a command-side lookup
 * table that the congress's own events keep in the transaction that records them (ADR 0024). An election never loads
 * the congress aggregate: it asks here, and what it needs to keep (the roll a round freezes, the counting committee)
 * it records in its own events.
 */
public interface Assemblies {

    /** The assembly as convened and as it stands now, or empty when there is none with this id. */
    Optional<Assembly> find(String congressId);

    /** Every line of its roll (voters, alternates, guests), in delegate id order. */
    List<Seat> roll(String congressId);

    /** A show-of-hands decision it recorded, passed or not. */
    Optional<Decision> decision(String congressId, String decisionId);

    /** the people its latest passed counting-committee decision named, sorted by person id. */
    List<String> countingCommittee(String congressId);

    /** The facts of a congress or meeting an election or a term needs. */
    record Assembly(String congressId, String unitId, CongressKind kind, MeetingPurpose purpose, String ofCongressId,
                    CongressStatus status, RuleProfile profile, int seatsToFill, Term term, LocalDate date) {

        public boolean meeting() {
            return kind != null && kind.isMeeting();
        }

        public boolean firstMeeting() {
            return meeting() && purpose == MeetingPurpose.FIRST_MEETING;
        }
    }

    /** A show-of-hands decision as an election reads it. */
    record Decision(DecisionSubject subject, List<String> personIds, boolean passed) {}

    /** One line of a roll, as the congress's events left it. */
    record Seat(String delegateId, String personId, DelegateCategory category, boolean replaced, boolean replacing,
                boolean rejected, boolean present) {

        /** a delegate votes unless rejected or replaced; an alternate only in the seat of one he replaced. */
        public boolean votes() {
            return RollRules.votes(category, replaced, replacing, rejected);
        }
    }

    /** the voters present now, the roll a ballot round freezes (delegate ids, sorted). */
    static List<String> presentVoters(List<Seat> roll) {
        return roll.stream().filter(s -> s.votes() && s.present()).map(Seat::delegateId).sorted().toList();
    }

    /** voting delegates summoned and present, and whether the quorum holds. */
    static Attendance attendance(List<Seat> roll, Fraction quorum) {
        int summoned = 0;
        int present = 0;
        for (Seat s : roll) {
            if (!s.votes()) continue;
            summoned++;
            if (s.present()) present++;
        }
        return Attendance.judged(summoned, present, quorum);
    }

    /**
     * the present seats (any category, guests included, but not rejected or replaced) whose person is one
     * of {@code personIds} — the roll of a vote held by a body's own members, such as the inspection committee.
     */
    static List<String> presentSeatsAmong(List<Seat> roll, Collection<String> personIds) {
        Set<String> people = new HashSet<>(personIds);
        return roll.stream().filter(s -> s.present() && !s.rejected() && !s.replaced() && people.contains(s.personId()))
                .map(Seat::delegateId).sorted().toList();
    }

    /** R-13 over a body's own members: all of them are summoned, those with a present seat are present. */
    static Attendance attendanceAmong(List<Seat> roll, Collection<String> personIds, Fraction quorum) {
        int summoned = new HashSet<>(personIds).size();
        int present = presentSeatsAmong(roll, personIds).size();
        return Attendance.judged(summoned, present, quorum);
    }
}
