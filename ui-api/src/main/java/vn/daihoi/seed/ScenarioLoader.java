package vn.daihoi.seed;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.daihoi.account.Secrets;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.common.Text;
import vn.daihoi.confidence.ConfidenceLevel;
import vn.daihoi.confidence.ListedOfficial;
import vn.daihoi.confidence.RatingLine;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.congress.ConveneCongressCommand;
import vn.daihoi.congress.DecisionSubject;
import vn.daihoi.congress.OpenCongressSessionCommand;
import vn.daihoi.congress.RecordShowOfHandsDecisionCommand;
import vn.daihoi.delegate.CheckInDelegateCommand;
import vn.daihoi.delegate.DelegateCategory;
import vn.daihoi.delegate.ImportDelegatesCommand;
import vn.daihoi.delegate.IssuedCredential;
import vn.daihoi.election.ApproveCandidateListCommand;
import vn.daihoi.election.BallotOrder;
import vn.daihoi.election.CastBallotCommand;
import vn.daihoi.election.CloseRoundCommand;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionProjection;
import vn.daihoi.election.NominateCandidateCommand;
import vn.daihoi.election.OpenElectionCommand;
import vn.daihoi.election.OpenRoundCommand;
import vn.daihoi.election.TakeKeyShareCommand;
import vn.daihoi.infra.ProjectionSync;
import vn.daihoi.organisation.RegisterUnitCommand;
import vn.daihoi.organisation.UnitProjection;
import vn.daihoi.organisation.UnitQueries;
import vn.daihoi.person.PersonProjection;
import vn.daihoi.person.PersonalData;
import vn.daihoi.person.RegisterPersonCommand;
import vn.daihoi.term.EndOfficeCommand;
import vn.daihoi.term.FillVacancyByElectionCommand;
import vn.daihoi.term.ImportTermCommand;
import vn.daihoi.term.RecogniseLeadershipCommand;
import vn.daihoi.term.SubmitForRecognitionCommand;
import vn.daihoi.term.TermProjection;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Loads a {@link Scenario} by sending the same commands the HTTP API sends, in process and without an account:
 * the seed is data an operator chose to load, not a request to authorise. Every id is derived from the
 * scenario, and every step first asks the event store whether its aggregate already exists, so loading a file
 * again adds nothing. The event store, not a read model, answers that question: read models catch up
 * asynchronously and may lag right after start-up, which is exactly when a seed runs.
 */
@Component
public class ScenarioLoader {

    private static final Logger log = LoggerFactory.getLogger(ScenarioLoader.class);

    /** The kinds of step a report counts, in loading order. */
    public enum Step {
        UNITS("units"), PEOPLE("people"), CONGRESSES("congresses"), DELEGATES("delegates"), CHECK_INS("check-ins"),
        SESSIONS("sessions opened"), DECISIONS("decisions"), ELECTIONS("elections"), CONFIDENCE_VOTES("confidence votes"),
        BALLOTS("ballots"), TERMS("terms"), TERM_CHANGES("term changes");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Tally(int created, int skipped) {
        Tally plus(int moreCreated, int moreSkipped) {
            return new Tally(created + moreCreated, skipped + moreSkipped);
        }
    }

    /** What one load did: per step, how many were created and how many were already there. */
    public record Report(String scenario, Map<Step, Tally> steps) {
        public Report {
            Map<Step, Tally> copy = new EnumMap<>(Step.class);
            copy.putAll(steps);
            steps = Collections.unmodifiableMap(copy);
        }

        public Tally of(Step step) {
            return steps.getOrDefault(step, new Tally(0, 0));
        }

        public int created() {
            return steps.values().stream().mapToInt(Tally::created).sum();
        }

        public int skipped() {
            return steps.values().stream().mapToInt(Tally::skipped).sum();
        }

        public String toText() {
            StringBuilder b = new StringBuilder("Seed " + scenario + ": " + created() + " created, " + skipped()
                    + " already there (skipped)\n");
            for (Step step : Step.values()) {
                Tally t = of(step);
                if (t.created() + t.skipped() == 0) continue;
                b.append(String.format("  %-16s created %4d   skipped %4d%n", step.label(), t.created(), t.skipped()));
            }
            return b.toString();
        }
    }

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final EventStore events;
    private final ProjectionSync sync;
    private final Secrets secrets;
    private final vn.daihoi.election.infra.JdbcBallotBox box;
    private final vn.daihoi.delegate.infra.JdbcVotingCredentials credentials;

    public ScenarioLoader(CommandGateway commands, QueryGateway queries, EventStore events, ProjectionSync sync,
                          Secrets secrets, vn.daihoi.election.infra.JdbcBallotBox box,
                          vn.daihoi.delegate.infra.JdbcVotingCredentials credentials) {
        this.box = box;
        this.credentials = credentials;
        this.commands = commands;
        this.queries = queries;
        this.events = events;
        this.sync = sync;
        this.secrets = secrets;
    }

    /** Loads the scenario, then waits (bounded) until the read models show it. */
    public Report load(Scenario scenario) {
        List<String> problems = scenario.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("scenario " + scenario.scenario() + ":\n  - " + String.join("\n  - ", problems));
        }
        Run run = new Run(scenario);
        scenario.units().forEach(run::unit);
        scenario.people().forEach(run::person);
        scenario.congresses().forEach(run::congress);
        scenario.terms().forEach(run::term);
        run.awaitReadModels();
        Report report = new Report(scenario.scenario(), run.tallies);
        log.atInfo().addKeyValue("scenario", scenario.scenario()).addKeyValue("created", report.created())
                .addKeyValue("skipped", report.skipped()).log("seed scenario loaded");
        return report;
    }

    // ---- ids -------------------------------------------------------------------------------------------

    /**
     * A unit's id hangs on its code alone, not on the scenario: codes are unique forever, and the same
     * province appears in several files that must each load alone.
     */
    static String unitId(String code) {
        return uuid("seed:unit:" + Scenario.codeKey(code));
    }

    static String id(Scenario scenario, String kind, String key) {
        return uuid("seed:" + scenario.scenario() + ":" + kind + ":" + key);
    }

    /** The HTTP API's own formula, so a seeded delegate is the one the API would add. */
    static String delegateId(String congressId, String code) {
        return vn.daihoi.delegate.DelegateController.delegateId(congressId, code);
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    // ---- one load ----------------------------------------------------------------------------------------

    /** The state of one load: ids resolved so far and the tallies. */
    private final class Run {
        private final Scenario scenario;
        private final Map<String, String> unitIds = new HashMap<>();
        private final Map<String, String> personIds = new HashMap<>();
        private final Set<String> congressIds = new LinkedHashSet<>();
        private final Set<String> electionIds = new LinkedHashSet<>();
        private final Set<String> termIds = new LinkedHashSet<>();
        private final Map<String, String> fullNames = new HashMap<>();
        private final Map<Step, Tally> tallies = new EnumMap<>(Step.class);

        Run(Scenario scenario) {
            this.scenario = scenario;
        }

        void unit(Scenario.Unit u) {
            String code = Scenario.codeKey(u.code());
            String id = unitId(u.code());
            if (exists(id)) {
                unitIds.put(code, id);
                count(Step.UNITS, 0, 1);
                return;
            }
            // The code may belong to a unit registered by hand, under an id of its own: then that unit is the one.
            Optional<String> registered = unitByCode(u.code(), u.effectiveOn());
            if (registered.isPresent()) {
                unitIds.put(code, registered.get());
                count(Step.UNITS, 0, 1);
                return;
            }
            String parentId = u.parent() == null || u.parent().isBlank() ? null : resolveUnit(u.parent(), u.effectiveOn());
            try {
                commands.sendAndWait(new RegisterUnitCommand(id, u.code(), u.name(), u.kind(), parentId, u.effectiveOn(), u.decision()));
                unitIds.put(code, id);
                count(Step.UNITS, 1, 0);
            } catch (RuntimeException e) {
                if (!violation(e).map(v -> v.type().equals("unit-code-taken")).orElse(false)) throw e;
                // Taken by a unit the unit read model has not shown yet: wait for it rather than fail.
                unitIds.put(code, awaitUnitByCode(u.code(), u.effectiveOn()));
                count(Step.UNITS, 0, 1);
            }
        }

        void person(Scenario.Person p) {
            String id = id(scenario, "person", p.key());
            personIds.put(p.key(), id);
            fullNames.put(p.key(), p.fullName());
            if (exists(id)) {
                count(Step.PEOPLE, 0, 1);
                return;
            }
            commands.sendAndWait(new RegisterPersonCommand(id, new PersonalData(p.fullName(), p.birthDate(), p.gender(), null, null)));
            count(Step.PEOPLE, 1, 0);
        }

        /**
         * A congress that exists is left alone with everything after it (roll, attendance, session, decisions):
         * a seed never touches a congress that organisers may have carried on with by hand.
         */
        void congress(Scenario.Congress c) {
            String congressId = id(scenario, "congress", c.key());
            congressIds.add(congressId);
            if (exists(congressId)) {
                count(Step.CONGRESSES, 0, 1);
                count(Step.DELEGATES, 0, c.delegates().size());
                count(Step.CHECK_INS, 0, c.checkIns().size());
                count(Step.SESSIONS, 0, c.openSession() ? 1 : 0);
                count(Step.DECISIONS, 0, c.decisions().size());
                count(Step.ELECTIONS, 0, c.elections().size());
                count(Step.CONFIDENCE_VOTES, 0, c.confidenceVotes().size());
                count(Step.BALLOTS, 0, c.elections().stream().flatMap(e -> e.rounds().stream()).flatMap(r -> r.ballots().stream())
                        .mapToInt(Scenario.BallotLine::count).sum()
                        + c.confidenceVotes().stream().flatMap(v -> v.rounds().stream()).flatMap(r -> r.ballots().stream())
                        .mapToInt(Scenario.RatingBallots::count).sum());
                return;
            }
            String unitId = resolveUnit(c.unit(), c.date());
            String chooser = c.pilot() ? resolveUnit(c.pilotChosenBy(), c.date()) : null;
            String ofCongress = Text.isBlank(c.ofCongress()) ? null : id(scenario, "congress", c.ofCongress());
            String convener = Text.isBlank(c.convener()) ? null : personIds.get(c.convener());
            commands.sendAndWait(new ConveneCongressCommand(congressId, unitId, c.meeting() ? 0 : c.ordinal(), c.term(), c.kind(),
                    c.pilot(), chooser, c.date(), c.venue(), c.meeting() ? 0 : c.announcedSeats(), c.profileId(), c.termShift(),
                    c.decision(), c.purpose(), ofCongress, convener));
            count(Step.CONGRESSES, 1, 0);

            if (!c.delegates().isEmpty()) {
                List<ImportDelegatesCommand.Row> rows = new ArrayList<>();
                for (int i = 0; i < c.delegates().size(); i++) {
                    Scenario.Delegate d = c.delegates().get(i);
                    rows.add(new ImportDelegatesCommand.Row(i + 1, delegateId(congressId, d.code()), personIds.get(d.person()),
                            null, d.code(), d.category(), d.basis(), d.position()));
                }
                ImportDelegatesCommand.Result r = commands.sendAndWait(new ImportDelegatesCommand(congressId, rows));
                count(Step.DELEGATES, r.addedLines().size(), r.alreadyOnRollLines().size());
            }

            for (String code : c.checkIns()) {
                // Seeds never vote: the code is hashed like a real slip's and then forgotten, so nobody can use it.
                IssuedCredential credential = new IssuedCredential(id(scenario, "credential", c.key() + "/" + Scenario.codeKey(code)),
                        secrets.hashVotingCode(secrets.newVotingCode()));
                credentials.issuing(credential, congressId, delegateId(congressId, code),
                        () -> commands.sendAndWait(new CheckInDelegateCommand(congressId, delegateId(congressId, code), credential)));
                count(Step.CHECK_INS, 1, 0);
            }

            if (c.openSession()) {
                commands.sendAndWait(new OpenCongressSessionCommand(congressId));
                count(Step.SESSIONS, 1, 0);
            }

            for (int i = 0; i < c.decisions().size(); i++) {
                Scenario.ShowOfHands d = c.decisions().get(i);
                List<String> people = d.people().stream().map(personIds::get).collect(Collectors.toList());
                commands.sendAndWait(new RecordShowOfHandsDecisionCommand(congressId,
                        id(scenario, "decision", c.key() + "/" + (i + 1)), d.subject(), d.title(), people, d.seats(),
                        d.votesFor(), d.votesAgainst(), d.abstentions()));
                count(Step.DECISIONS, 1, 0);
            }

            for (Scenario.Election e : c.elections()) {
                election(c, congressId, e);
            }
            for (Scenario.ConfidenceVote v : c.confidenceVotes()) {
                confidenceVote(c, congressId, v);
            }
        }

        /** on the election engine: the listed officials, the list decision, rounds of rating ballots. */
        private void confidenceVote(Scenario.Congress c, String congressId, Scenario.ConfidenceVote v) {
            String voteId = id(scenario, "election", c.key() + "/" + v.key());
            Map<String, String> candidateOf = new LinkedHashMap<>();
            List<ListedOfficial> officials = new ArrayList<>();
            for (Scenario.Official o : v.officials()) {
                String candidateId = id(scenario, "candidate", c.key() + "/" + v.key() + "/" + o.person());
                candidateOf.put(o.person(), candidateId);
                officials.add(new ListedOfficial(candidateId, personIds.get(o.person()), o.office()));
            }
            commands.sendAndWait(new OpenElectionCommand(voteId, congressId, ElectedBody.CONFIDENCE_VOTE, v.title(), null, officials));
            commands.sendAndWait(new ApproveCandidateListCommand(voteId, listDecision(c, candidateOf.keySet()), null,
                    List.copyOf(candidateOf.values()), Map.of()));
            castRounds(voteId, votersPresent(c, congressId), v.rounds().stream()
                    .map(r -> r.ballots().stream().map(line -> {
                        List<RatingLine> ratings = new ArrayList<>();
                        // A person the line leaves out is not sent: the ballot box records his line as unrated.
                        candidateOf.forEach((person, candidateId) -> {
                            ConfidenceLevel level = line.ratings().get(person);
                            if (level != null) ratings.add(RatingLine.rated(candidateId, level));
                        });
                        return new SeedLine(line.count(), List.of(), ratings);
                    }).toList())
                    .toList(), c.date(), v.rounds().stream().map(r -> new java.time.LocalTime[] {r.opened(), r.closed()}).toList());
            electionIds.add(voteId);
            count(Step.CONFIDENCE_VOTES, 1, 0);
        }

        private static java.time.Instant at(LocalDate day, java.time.LocalTime time) {
            return day.atTime(time).atZone(vn.daihoi.infra.EventStoreConfiguration.VIETNAM).toInstant();
        }

        /** {@code count} ballots of one content: the names kept (an election) or the ratings (a confidence vote). */
        private record SeedLine(int count, List<String> kept, List<RatingLine> ratings) {}

        /** Each round opened, its ballots cast by the voters present in roll order, then closed and counted. */
        private void castRounds(String electionId, List<String> voters, List<List<SeedLine>> rounds, LocalDate day,
                                List<java.time.LocalTime[]> times) {
            for (int r = 0; r < rounds.size(); r++) {
                int round = r + 1;
                // ADR 0022: the round opens and closes at the congress day's times the file states, not at loading time.
                commands.sendAndWait(new OpenRoundCommand(electionId, round, null, null, null, at(day, times.get(r)[0])));
                // ADR 0017: the invented counting committee takes its key shares (sealing the box) and presents them at close.
                List<String> shares = new ArrayList<>();
                for (String holder : box.holders(electionId, round)) {
                    vn.daihoi.election.KeyShareSlip slip = commands.sendAndWait(new TakeKeyShareCommand(electionId, round, holder));
                    shares.add(slip.shareCode());
                }
                int voter = 0;
                for (SeedLine line : rounds.get(r)) {
                    for (int b = 0; b < line.count(); b++) {
                        commands.sendAndWait(new CastBallotCommand(electionId, round, voters.get(voter++), UUID.randomUUID().toString(),
                                line.kept(), line.ratings()));
                        count(Step.BALLOTS, 1, 0);
                    }
                }
                commands.sendAndWait(new CloseRoundCommand(electionId, round, shares, at(day, times.get(r)[1])));
            }
        }

        private String listDecision(Scenario.Congress c, Set<String> personKeys) {
            int listDecision = -1;
            for (int i = 0; i < c.decisions().size(); i++) {
                Scenario.ShowOfHands d = c.decisions().get(i);
                if (d.subject() == DecisionSubject.CANDIDATE_LIST && Set.copyOf(d.people()).equals(personKeys)) listDecision = i;
            }
            return id(scenario, "decision", c.key() + "/" + (listDecision + 1));
        }

        /** The voters checked in, in roll order: they cast the file's invented ballots. */
        private List<String> votersPresent(Scenario.Congress c, String congressId) {
            Set<String> checked = c.checkIns().stream().map(Scenario::codeKey).collect(Collectors.toSet());
            return c.delegates().stream()
                    .filter(d -> d.category() == DelegateCategory.DELEGATE && checked.contains(Scenario.codeKey(d.code())))
                    .map(d -> delegateId(congressId, d.code())).toList();
        }

        /**
         * through the election's own commands: nominations, the list approved by the congress's
         * decision naming exactly the candidates (ballot order by R-24), then each round opened, cast and counted.
         */
        private void election(Scenario.Congress c, String congressId, Scenario.Election e) {
            String electionId = id(scenario, "election", c.key() + "/" + e.key());
            commands.sendAndWait(new OpenElectionCommand(electionId, congressId, e.body(), e.title(), e.seats()));
            Map<String, String> candidateOf = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            for (Scenario.Nominee n : e.candidates()) {
                String candidateId = id(scenario, "candidate", c.key() + "/" + e.key() + "/" + n.person());
                String nominator = Text.isBlank(n.nominatedBy()) ? null : delegateId(congressId, n.nominatedBy());
                commands.sendAndWait(new NominateCandidateCommand(electionId, candidateId, personIds.get(n.person()), n.source(),
                        nominator, n.application()));
                candidateOf.put(n.person(), candidateId);
                names.put(candidateId, fullNames.get(n.person()));
            }
            commands.sendAndWait(new ApproveCandidateListCommand(electionId, listDecision(c, candidateOf.keySet()), null,
                    BallotOrder.of(names), names));
            castRounds(electionId, votersPresent(c, congressId), e.rounds().stream()
                    .map(r -> r.ballots().stream()
                            .map(line -> new SeedLine(line.count(), line.kept().stream().map(candidateOf::get).toList(), null))
                            .toList())
                    .toList(), c.date(), e.rounds().stream().map(r -> new java.time.LocalTime[] {r.opened(), r.closed()}).toList());
            electionIds.add(electionId);
            count(Step.ELECTIONS, 1, 0);
        }

        /**
         * ADR 0011: a leadership imported from a past term's decisions, or submitted from this file's counted
         * elections; then recognised; then changed during the term. An existing leadership is skipped with all that
         * follows it, as a congress is.
         */
        void term(Scenario.Leadership l) {
            String leadershipId = id(scenario, "term", l.key());
            int changes = (l.recognised() == null ? 0 : 1) + l.changes().size();
            if (exists(leadershipId)) {
                count(Step.TERMS, 0, 1);
                count(Step.TERM_CHANGES, 0, changes);
                return;
            }
            String unitId = resolveUnit(l.unit(), null);
            if (l.imported() != null) {
                Scenario.PastTerm t = l.imported();
                List<ImportTermCommand.PastHolding> holdings = t.holdings().stream()
                        .map(h -> new ImportTermCommand.PastHolding(personIds.get(h.person()), h.office(), h.from(), null, h.to(),
                                h.ended(), h.endDecision()))
                        .toList();
                String by = Text.isBlank(t.importedBy()) ? null : resolveUnit(t.importedBy(), t.recognisedOn());
                commands.sendAndWait(new ImportTermCommand(leadershipId, unitId, t.term(), t.congressOrdinal(), t.congressDate(),
                        t.seats(), t.termShift(), t.recognisedOn(), t.recognition(), holdings, by));
            } else {
                Scenario.Submission sub = l.submitted();
                Scenario.Congress congress = scenario.congresses().stream().filter(c -> c.key().equals(sub.congress())).findFirst().orElseThrow();
                List<String> elections = sub.elections().stream().map(e -> id(scenario, "election", e)).toList();
                commands.sendAndWait(new SubmitForRecognitionCommand(leadershipId, unitId, congress.term(), congress.ordinal(),
                        elections, sub.on()));
            }
            count(Step.TERMS, 1, 0);
            if (l.recognised() != null) {
                Scenario.Recognition r = l.recognised();
                commands.sendAndWait(new RecogniseLeadershipCommand(leadershipId, r.on(), r.decision(), resolveUnit(r.by(), r.on())));
                count(Step.TERM_CHANGES, 1, 0);
            }
            for (Scenario.Change ch : l.changes()) {
                if (ch.endOffice() != null) {
                    Scenario.OfficeEnding e = ch.endOffice();
                    commands.sendAndWait(new EndOfficeCommand(leadershipId, personIds.get(e.person()), e.office(), e.how(), e.on(), e.decision()));
                } else {
                    Scenario.ByElection b = ch.byElection();
                    commands.sendAndWait(new FillVacancyByElectionCommand(leadershipId, id(scenario, "election", b.election()), b.on(),
                            b.decision(), b.consent(), Text.isBlank(b.consentBy()) ? null : resolveUnit(b.consentBy(), b.on())));
                }
                count(Step.TERM_CHANGES, 1, 0);
            }
            termIds.add(leadershipId);
        }

        /** A code of this file, or of a unit already registered (a file may hang its units under one it does not list). */
        private String resolveUnit(String code, LocalDate day) {
            String id = unitIds.get(Scenario.codeKey(code));
            if (id != null) return id;
            return unitByCode(code, day).orElseThrow(() -> new IllegalStateException(
                    "scenario " + scenario.scenario() + ": unit " + code + " is neither in the file nor registered"));
        }

        private void count(Step step, int created, int skipped) {
            tallies.merge(step, new Tally(created, skipped), (a, b) -> a.plus(b.created(), b.skipped()));
        }

        /** So that whoever reads the API right after a load (a test, an organiser) sees the whole scenario. */
        void awaitReadModels() {
            awaitGroup(UnitProjection.PROCESSING_GROUP, unitIds.values());
            awaitGroup(PersonProjection.PROCESSING_GROUP, personIds.values());
            awaitGroup(CongressProjection.PROCESSING_GROUP, congressIds);
            awaitGroup(ElectionProjection.PROCESSING_GROUP, electionIds);
            awaitGroup(TermProjection.PROCESSING_GROUP, termIds);
        }

        private void awaitGroup(String group, Collection<String> ids) {
            // A load runs once, at start or for a test: it may wait on its own thread (bounded by the same limit).
            sync.after(group, List.copyOf(ids)).join().fold(() -> null, () -> {
                log.atWarn().addKeyValue("processingGroup", group).log("read model still catching up after the seed");
                return null;
            });
        }
    }

    private boolean exists(String aggregateId) {
        return events.lastSequenceNumberFor(aggregateId).isPresent();
    }

    private Optional<String> unitByCode(String code, LocalDate day) {
        return queries.query(new UnitQueries.UnitByCode(code, day), ResponseTypes.optionalInstanceOf(String.class)).join();
    }

    private String awaitUnitByCode(String code, LocalDate day) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<String> id = unitByCode(code, day);
            if (id.isPresent()) return id.get();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("unit code " + code + " is taken, but no unit with it shows in the registry");
    }

    /** Axon hands a handler's exception back as it was thrown, or wrapped when it crossed a boundary. */
    static Optional<RuleViolation> violation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RuleViolation v) return Optional.of(v);
        }
        return Optional.empty();
    }
}
