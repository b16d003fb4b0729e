package vn.daihoi.election.rules;

import vn.daihoi.congress.Assemblies;
import vn.daihoi.congress.CongressKind;
import vn.daihoi.congress.CongressStatus;
import vn.daihoi.congress.DecisionSubject;
import vn.daihoi.congress.MeetingPurpose;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.Term;
import vn.daihoi.delegate.DelegateCategory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The assembly lookup as the congress's events would leave it, held in memory: one delegate congress in session whose
 * roll, decisions and counting committee a test sets. The JDBC lookup is proven through the API on PostgreSQL.
 */
public final class InMemoryAssemblies implements Assemblies {

    private final Map<String, Assembly> assemblies = new HashMap<>();
    private final Map<String, List<Seat>> rolls = new HashMap<>();
    private final Map<String, Map<String, Decision>> decisions = new HashMap<>();
    private final Map<String, List<String>> countingCommittees = new HashMap<>();

    /** A delegate congress in session under {@code profile} that announced (or approved, R-15) {@code seats} seats. */
    public InMemoryAssemblies congressInSession(String congressId, RuleProfile profile, int seats) {
        assemblies.put(congressId, new Assembly(congressId, "snv", CongressKind.DELEGATE, null, null, CongressStatus.IN_SESSION,
                profile, seats, new Term(2023, 2028), LocalDate.of(2023, 4, 14)));
        return this;
    }

    /** A committee meeting of the congress {@code ofCongressId}, in session. */
    public InMemoryAssemblies meetingInSession(String meetingId, String ofCongressId, MeetingPurpose purpose, RuleProfile profile, int seats) {
        assemblies.put(meetingId, new Assembly(meetingId, "snv", CongressKind.COMMITTEE_MEETING, purpose, ofCongressId,
                CongressStatus.IN_SESSION, profile, seats, new Term(2023, 2028), LocalDate.of(2023, 4, 14)));
        return this;
    }

    public InMemoryAssemblies status(String congressId, CongressStatus status) {
        Assembly a = assemblies.get(congressId);
        assemblies.put(congressId, new Assembly(a.congressId(), a.unitId(), a.kind(), a.purpose(), a.ofCongressId(), status,
                a.profile(), a.seatsToFill(), a.term(), a.date()));
        return this;
    }

    /** A voting delegate on the roll, present or not. */
    public InMemoryAssemblies delegate(String congressId, String delegateId, String personId, boolean present) {
        return seat(congressId, new Seat(delegateId, personId, DelegateCategory.DELEGATE, false, false, false, present));
    }

    public InMemoryAssemblies seat(String congressId, Seat seat) {
        List<Seat> roll = rolls.computeIfAbsent(congressId, k -> new ArrayList<>());
        roll.removeIf(s -> s.delegateId().equals(seat.delegateId()));
        roll.add(seat);
        roll.sort(Comparator.comparing(Seat::delegateId));
        return this;
    }

    /** a delegate checks in (or out) after the fact. */
    public InMemoryAssemblies present(String congressId, String delegateId, boolean present) {
        Seat s = rolls.get(congressId).stream().filter(x -> x.delegateId().equals(delegateId)).findFirst().orElseThrow();
        return seat(congressId, new Seat(s.delegateId(), s.personId(), s.category(), s.replaced(), s.replacing(), s.rejected(), present));
    }

    /** A show-of-hands decision the congress recorded, passed or not. */
    public InMemoryAssemblies decision(String congressId, String decisionId, DecisionSubject subject, List<String> personIds, boolean passed) {
        decisions.computeIfAbsent(congressId, k -> new HashMap<>()).put(decisionId, new Decision(subject, List.copyOf(personIds), passed));
        if (subject == DecisionSubject.COUNTING_COMMITTEE && passed) {
            countingCommittees.put(congressId, personIds.stream().sorted().toList());
        }
        return this;
    }

    /** the congress has not (yet) named its counting committee. */
    public InMemoryAssemblies noCountingCommittee(String congressId) {
        countingCommittees.remove(congressId);
        return this;
    }

    @Override
    public Optional<Assembly> find(String congressId) {
        return Optional.ofNullable(assemblies.get(congressId));
    }

    @Override
    public List<Seat> roll(String congressId) {
        return List.copyOf(rolls.getOrDefault(congressId, List.of()));
    }

    @Override
    public Optional<Decision> decision(String congressId, String decisionId) {
        return Optional.ofNullable(decisions.getOrDefault(congressId, Map.of()).get(decisionId));
    }

    @Override
    public List<String> countingCommittee(String congressId) {
        return countingCommittees.getOrDefault(congressId, List.of());
    }
}
