package vn.daihoi.election.rules;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import vn.daihoi.congress.DecisionSubject;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.election.ApproveCandidateListCommand;
import vn.daihoi.election.BallotOrder;
import vn.daihoi.election.CloseRoundCommand;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionAggregate;
import vn.daihoi.election.EnterPaperBallotCommand;
import vn.daihoi.election.InvalidReason;
import vn.daihoi.election.NominateCandidateCommand;
import vn.daihoi.election.NominationSource;
import vn.daihoi.election.OpenElectionCommand;
import vn.daihoi.election.OpenRoundCommand;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static vn.daihoi.election.rules.Refusals.recordedInto;

/**
 * One executive-committee election at a delegate congress in session, for the rule fixture tests: the congress as its
 * lookup shows it (a roll of delegates {@code d01…}, all present unless a test says otherwise; a counting committee of
 * three, R-14), the people registered, the in-memory ballot box, and an {@link AggregateTestFixture} with them all
 * injected. Commands are built here so that each test reads as the congress's steps.
 */
public final class Scenario {

    public static final String E = "e-bch";
    public static final String C = "dh-snv-x";
    public static final Instant OPENED_AT = Instant.parse("2023-04-14T02:00:00Z");
    public static final Instant CLOSED_AT = Instant.parse("2023-04-14T03:15:00Z");
    /** the counting committee the congress named by show of hands (person ids, sorted). */
    public static final List<String> COUNTING = List.of("p-kp1", "p-kp2", "p-kp3");

    public final InMemoryAssemblies assemblies = new InMemoryAssemblies();
    public final InMemoryPersons persons = new InMemoryPersons();
    public final InMemoryElectedPeople elected = new InMemoryElectedPeople();
    public final InMemoryBallotBox box = new InMemoryBallotBox();
    public final AggregateTestFixture<ElectionAggregate> fixture = new AggregateTestFixture<>(ElectionAggregate.class);
    /** The history a test built up to the command it tests, when it needs ballots cast between given commands. */
    public TestExecutor<ElectionAggregate> given;
    private final Map<String, String> names = new LinkedHashMap<>();
    private int listDecisions;

    /** A congress under {@code profile} with {@code seats} approved seats and {@code delegates} voting delegates, {@code present} of them present. */
    public Scenario(RuleProfile profile, int seats, int delegates, int present) {
        assemblies.congressInSession(C, profile, seats);
        for (int i = 1; i <= delegates; i++) {
            assemblies.delegate(C, delegate(i), "p-" + delegate(i), i <= present);
            persons.register("p-" + delegate(i));
        }
        persons.register(COUNTING.toArray(String[]::new));
        assemblies.decision(C, "kp-1", DecisionSubject.COUNTING_COMMITTEE, COUNTING, true);
        fixture.registerInjectableResource(assemblies);
        fixture.registerInjectableResource(persons);
        fixture.registerInjectableResource(elected);
        fixture.registerInjectableResource(box);
    }

    /** The default union profile, nine delegates all present, {@code seats} seats. */
    public static Scenario union(int seats) {
        return new Scenario(RuleProfiles.UNION_DEFAULT, seats, 9, 9);
    }

    public static String delegate(int i) {
        return "d%02d".formatted(i);
    }

    /** The person a candidate id stands for. */
    public static String person(String candidateId) {
        return "p-" + candidateId;
    }

    /** A registered person who will be nominated as {@code candidateId}, printed on the ballot as {@code name}. */
    public Scenario candidate(String candidateId, String name) {
        names.put(candidateId, name);
        persons.register(person(candidateId));
        return this;
    }

    /** Candidates {@code c1…cN} named so that their ballot order is their number. */
    public Scenario candidates(int n) {
        String[] given = {"An", "Bình", "Cúc", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Minh", "Nam", "Oanh", "Phúc", "Quang", "Sơn", "Tâm"};
        for (int i = 1; i <= n; i++) candidate("c" + i, "Nguyễn Văn " + given[i - 1]);
        return this;
    }

    public String name(String candidateId) {
        return names.get(candidateId);
    }

    // ---- commands ------------------------------------------------------------------------------------------

    public OpenElectionCommand openElection() {
        return new OpenElectionCommand(E, C, ElectedBody.EXECUTIVE_COMMITTEE, null, null);
    }

    public NominateCandidateCommand nominate(String candidateId) {
        return new NominateCandidateCommand(E, candidateId, person(candidateId), NominationSource.OUTGOING_COMMITTEE, null, null);
    }

    /** a nomination for a further round, by the congress's decision that new names may be added. */
    public NominateCandidateCommand nominateForFurtherRound(String candidateId, String decision) {
        return new NominateCandidateCommand(E, candidateId, person(candidateId), NominationSource.OUTGOING_COMMITTEE, null, null, decision);
    }

    /** the congress passes the candidate list of these candidates by show of hands; returns its decision id. */
    public String listDecision(String... candidateIds) {
        String id = "ds-" + (++listDecisions);
        assemblies.decision(C, id, DecisionSubject.CANDIDATE_LIST, List.of(candidateIds).stream().map(Scenario::person).toList(), true);
        return id;
    }

    /** The approval of exactly these candidates, in the order R-24 gives their printed names. */
    public ApproveCandidateListCommand approve(String... candidateIds) {
        return approve(listDecision(candidateIds), null, ballotOrder(candidateIds));
    }

    /** The approval by {@code listDecisionId}, with the ballot order given as it is and the printed names of those in it. */
    public ApproveCandidateListCommand approve(String listDecisionId, String noSurplusDecisionId, List<String> ballotOrder) {
        Map<String, String> printed = new LinkedHashMap<>();
        for (String id : ballotOrder) printed.put(id, names.get(id));
        return new ApproveCandidateListCommand(E, listDecisionId, noSurplusDecisionId, ballotOrder, printed);
    }

    /** R-24, as the console computes it for these candidates. */
    public List<String> ballotOrder(String... candidateIds) {
        Map<String, String> some = new LinkedHashMap<>();
        for (String id : candidateIds) some.put(id, names.get(id));
        return BallotOrder.of(some);
    }

    public OpenRoundCommand roundOne() {
        return new OpenRoundCommand(E, 1, List.of(), null, null, OPENED_AT);
    }

    /** A later round among these candidates, by the congress's recorded decision. */
    public OpenRoundCommand round(int round, String decision, Integer seats, String... candidateIds) {
        return new OpenRoundCommand(E, round, List.of(candidateIds), seats, decision, OPENED_AT.plusSeconds(3600L * (round - 1)));
    }

    /** Closing a round with the shares of the whole counting committee. */
    public CloseRoundCommand close(int round) {
        return new CloseRoundCommand(E, round, COUNTING.stream().map(p -> "share:" + p).toList(), CLOSED_AT.plusSeconds(3600L * (round - 1)));
    }

    /** Everything up to round 1 open: the election, the nominations, the approved list, the round. */
    public List<Object> roundOneOpen(String... candidateIds) {
        List<Object> commands = new ArrayList<>();
        commands.add(openElection());
        for (String c : candidateIds) commands.add(nominate(c));
        commands.add(approve(candidateIds));
        commands.add(roundOne());
        return commands;
    }

    /** a paper ballot keeping these names, entered by two members of the counting committee. */
    public List<Object> paperBallot(int round, int sheet, String... kept) {
        return List.of(entry(round, sheet, COUNTING.get(0), List.of(kept), null, null),
                entry(round, sheet, COUNTING.get(1), List.of(kept), null, null));
    }

    /** a paper ballot found invalid, entered by two members. */
    public List<Object> invalidPaperBallot(int round, int sheet, InvalidReason reason) {
        return List.of(entry(round, sheet, COUNTING.get(0), List.of(), reason, null),
                entry(round, sheet, COUNTING.get(1), List.of(), reason, null));
    }

    /** One member's entry of a sheet; his account is {@code acc-<person>}. */
    public EnterPaperBallotCommand entry(int round, int sheet, String member, List<String> kept, InvalidReason invalid, String correction) {
        return new EnterPaperBallotCommand(E, round, sheet, "acc-" + member, member, kept, invalid, correction);
    }

    /** The payloads of the events the command under test applied, after checking it succeeded. */
    public static List<Object> applied(ResultValidator<ElectionAggregate> result) {
        List<Object> events = new ArrayList<>();
        result.expectSuccessfulHandlerExecution().expectEventsMatching(recordedInto(events));
        return events;
    }
}
