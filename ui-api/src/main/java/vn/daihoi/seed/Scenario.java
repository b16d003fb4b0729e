package vn.daihoi.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import vn.daihoi.common.Text;
import vn.daihoi.confidence.ConfidenceLevel;
import vn.daihoi.congress.CongressKind;
import vn.daihoi.congress.DecisionSubject;
import vn.daihoi.congress.MeetingPurpose;
import vn.daihoi.congress.Term;
import vn.daihoi.congress.TermShift;
import vn.daihoi.delegate.DelegateBasis;
import vn.daihoi.delegate.DelegateCategory;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.NominationSource;
import vn.daihoi.organisation.Decision;
import vn.daihoi.organisation.UnitKind;
import vn.daihoi.term.HoldingEnd;
import vn.daihoi.term.Office;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One seed file (seeds/README.md describes the format). Units, people and congresses are listed in the order
 * they are loaded; people and units are referred to by their {@code key} and {@code code}, never by id, since
 * ids are derived from them when the scenario loads.
 *
 * @param scenario   the scenario's name; it goes into every derived id, so renaming it loads the file anew
 * @param fictional  every person in the file is invented; a file that names people must say so
 */
public record Scenario(String scenario, String title, boolean fictional, List<Unit> units, List<Person> people,
                       List<Congress> congresses, List<Leadership> terms) {

    public Scenario {
        units = units == null ? List.of() : List.copyOf(units);
        people = people == null ? List.of() : List.copyOf(people);
        congresses = congresses == null ? List.of() : List.copyOf(congresses);
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    /**
     * One unit's leadership for one term (ADR 0011), after the congresses: either {@code imported} from the
     * decisions of a past term, or {@code submitted} from counted elections of this file, then {@code recognised}
     * by the upper level, then its {@code changes} during the term, in order.
     */
    public record Leadership(String key, String unit, PastTerm imported, Submission submitted, Recognition recognised,
                             List<Change> changes) {
        public Leadership {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }

    /** A past term as its decisions recorded it; {@code importedBy}: the upper unit's code. */
    public record PastTerm(Term term, int congressOrdinal, LocalDate congressDate, int seats, TermShift termShift,
                           LocalDate recognisedOn, Decision recognition, String importedBy, List<PastOffice> holdings) {
        public PastTerm {
            holdings = holdings == null ? List.of() : List.copyOf(holdings);
        }
    }

    /** {@code from} empty: the recognition date; {@code to} empty: still held, or ended by the next recognition. */
    public record PastOffice(String person, Office office, LocalDate from, LocalDate to, HoldingEnd ended, Decision endDecision) {}

    /** {@code congress}: a congress key of this file; {@code elections}: "congress key/election key". */
    public record Submission(String congress, List<String> elections, LocalDate on) {
        public Submission {
            elections = elections == null ? List.of() : List.copyOf(elections);
        }
    }

    /** {@code by}: the recognising upper unit's code. */
    public record Recognition(LocalDate on, Decision decision, String by) {}

    /** Exactly one of the two. */
    public record Change(OfficeEnding endOffice, ByElection byElection) {}

    /** {@code office} empty: every office the person holds in the term. */
    public record OfficeEnding(String person, Office office, HoldingEnd how, LocalDate on, Decision decision) {}

    /**
     * {@code election}: "congress key/election key" of a counted by-election; {@code consent}: beyond the cap,
     * given by the unit of code {@code consentBy} — the unit directly above on {@code on}, or the leadership refuses it
     * (ADR 0029).
     */
    public record ByElection(String election, LocalDate on, Decision decision, Decision consent, String consentBy) {}

    /** {@code parent}: a code in this file or already registered; empty for a root. */
    public record Unit(String code, String name, UnitKind kind, String parent, LocalDate effectiveOn, Decision decision) {}

    public record Person(String key, String fullName, LocalDate birthDate, String gender) {}

    /**
     * {@code decision}: the outgoing committee's convening decision (optional); {@code openSession}: open the
     * session after the check-ins, which show-of-hands decisions need.
     */
    public record Congress(String key, String unit, int ordinal, Term term, CongressKind kind, boolean pilot,
                           String pilotChosenBy, LocalDate date, String venue, int announcedSeats, String profileId,
                           TermShift termShift, Decision decision, List<Delegate> delegates, List<String> checkIns,
                           boolean openSession, List<ShowOfHands> decisions, List<Election> elections,
                           MeetingPurpose purpose, String ofCongress, String convener,
                           List<ConfidenceVote> confidenceVotes) {
        public Congress {
            delegates = delegates == null ? List.of() : List.copyOf(delegates);
            checkIns = checkIns == null ? List.of() : List.copyOf(checkIns);
            decisions = decisions == null ? List.of() : List.copyOf(decisions);
            elections = elections == null ? List.of() : List.copyOf(elections);
            confidenceVotes = confidenceVotes == null ? List.of() : List.copyOf(confidenceVotes);
        }

        /**
         * A meeting of the committee (kind COMMITTEE_MEETING, ADR 0009) is listed like a congress, with its
         * {@code purpose}; a first meeting names {@code ofCongress}, the key of the congress in this file
         * that elected the committee, and {@code convener}, the key of the member the presidium named. It has no
         * ordinal and no announced seats.
         */
        public boolean meeting() {
            return kind == CongressKind.COMMITTEE_MEETING;
        }
    }

    /**
     * A secret-ballot election at the congress. Its list is approved by the congress's
     * CANDIDATE_LIST decision that names exactly its candidates; {@code seats} empty takes the approved size.
     */
    public record Election(String key, ElectedBody body, String title, Integer seats, List<Nominee> candidates,
                           List<BallotRound> rounds) {
        public Election {
            candidates = candidates == null ? List.of() : List.copyOf(candidates);
            rounds = rounds == null ? List.of() : List.copyOf(rounds);
        }
    }

    /** {@code person}: a person's key; {@code source}: R-20. */
    public record Nominee(String person, NominationSource source, String nominatedBy, String application) {}

    /**
     * One ballot round: lines of {@code count} ballots keeping the same names. The ballots are cast electronically
     * by the voters present, in roll order — the invented counts make the result, and the ballot box keeps no
     * link between a voter and his ballot, seeded or not. {@code opened} and {@code closed}: the times of
     * the congress day at which the round opened and closed (ADR 0022), which its minutes print.
     */
    public record BallotRound(java.time.LocalTime opened, java.time.LocalTime closed, List<BallotLine> ballots) {
        public BallotRound {
            ballots = ballots == null ? List.of() : List.copyOf(ballots);
        }
    }

    /**
     * A confidence vote on {@code officials}, approved by the assembly's CANDIDATE_LIST decision
     * naming exactly them; each round's lines are {@code count} ballots rating the same way.
     */
    public record ConfidenceVote(String key, String title, List<Official> officials, List<RatingRound> rounds) {
        public ConfidenceVote {
            officials = officials == null ? List.of() : List.copyOf(officials);
            rounds = rounds == null ? List.of() : List.copyOf(rounds);
        }
    }

    /** {@code person}: a person's key; {@code office}: as the list names it. */
    public record Official(String person, String office) {}

    /** {@code opened}, {@code closed}: as {@link BallotRound}. */
    public record RatingRound(java.time.LocalTime opened, java.time.LocalTime closed, List<RatingBallots> ballots) {
        public RatingRound {
            ballots = ballots == null ? List.of() : List.copyOf(ballots);
        }
    }

    /** {@code ratings}: person's key → level; a listed person left out is an invalid line. */
    public record RatingBallots(Map<String, ConfidenceLevel> ratings, int count) {
        public RatingBallots {
            ratings = ratings == null ? Map.of() : Map.copyOf(ratings);
        }
    }

    /** {@code kept}: persons' keys. */
    public record BallotLine(List<String> kept, int count) {
        public BallotLine {
            kept = kept == null ? List.of() : List.copyOf(kept);
        }
    }

    /** One line of the roll; {@code person} is a person's key. */
    public record Delegate(String code, String person, DelegateCategory category, DelegateBasis basis, String position) {}

    /** {@code people}: persons' keys (members of a body, or candidates); {@code seats}: for COMMITTEE_SIZE. */
    public record ShowOfHands(DecisionSubject subject, String title, List<String> people, Integer seats, int votesFor,
                              int votesAgainst, int abstentions) {
        public ShowOfHands {
            people = people == null ? List.of() : List.copyOf(people);
        }
    }

    // Unknown keys fail the parse: a misspelt "checkins" would otherwise be silently ignored.
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    public static Scenario read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        }
    }

    /** Parses and checks a scenario; {@code source} names it in error messages. */
    public static Scenario parse(InputStream in, String source) throws IOException {
        Scenario s = YAML.readValue(in, Scenario.class);
        if (s == null) throw new IllegalArgumentException(source + ": empty scenario file");
        List<String> problems = s.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(source + ":\n  - " + String.join("\n  - ", problems));
        }
        return s;
    }

    /**
     * What the file gets wrong before any command is sent, so that a typo in the last congress does not leave
     * half a scenario loaded. The aggregates still check every rule of the domain guide when it loads.
     */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (scenario == null || !NAME.matcher(scenario).matches()) {
            p.add("scenario: a name of lower-case letters, digits and '-' is required");
        }
        if (!people.isEmpty() && !fictional) {
            p.add("fictional: a scenario that names people must declare them invented (fictional: true)");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            String at = "units[" + i + "]";
            if (Text.isBlank(u.code())) p.add(at + ".code is required");
            else if (!codes.add(codeKey(u.code()))) p.add(at + ".code " + u.code() + " appears twice");
            if (Text.isBlank(u.name())) p.add(at + ".name is required");
            if (u.kind() == null) p.add(at + ".kind is required");
            if (u.effectiveOn() == null) p.add(at + ".effectiveOn is required");
            if (u.decision() == null || Text.isBlank(u.decision().number())) p.add(at + ".decision.number is required");
            if (!Text.isBlank(u.parent()) && !Text.isBlank(u.code()) && codeKey(u.parent()).equals(codeKey(u.code()))) {
                p.add(at + ".parent is the unit itself");
            }
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            String at = "people[" + i + "]";
            if (Text.isBlank(person.key())) p.add(at + ".key is required");
            else if (!keys.add(person.key())) p.add(at + ".key " + person.key() + " appears twice");
            if (Text.isBlank(person.fullName())) p.add(at + ".fullName is required");
        }
        Set<String> congressKeys = new HashSet<>();
        Set<String> electionKeys = new HashSet<>();
        for (int i = 0; i < congresses.size(); i++) {
            Congress c = congresses.get(i);
            congressProblems(c, "congresses[" + i + "]", keys, congressKeys, p);
            c.elections().forEach(e -> electionKeys.add(c.key() + "/" + e.key()));
        }
        Set<String> termKeys = new HashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            Leadership l = terms.get(i);
            String at = "terms[" + i + "]";
            if (Text.isBlank(l.key()) || !termKeys.add(l.key())) p.add(at + ".key is required and unique");
            if (Text.isBlank(l.unit())) p.add(at + ".unit is required");
            if ((l.imported() == null) == (l.submitted() == null)) p.add(at + ": exactly one of imported and submitted");
            if (l.imported() != null) {
                if (l.imported().term() == null || l.imported().recognisedOn() == null) p.add(at + ".imported needs term and recognisedOn");
                for (PastOffice o : l.imported().holdings()) {
                    if (!keys.contains(o.person())) p.add(at + ".imported.holdings: " + o.person() + " is not in people");
                    if (o.office() == null) p.add(at + ".imported.holdings: " + o.person() + " needs an office");
                }
            }
            if (l.submitted() != null) {
                if (!congressKeys.contains(l.submitted().congress())) p.add(at + ".submitted.congress is not a congress of this file");
                for (String e : l.submitted().elections()) {
                    if (!electionKeys.contains(e)) p.add(at + ".submitted.elections: " + e + " is not an election of this file");
                }
            }
            for (Change ch : l.changes()) {
                if ((ch.endOffice() == null) == (ch.byElection() == null)) p.add(at + ".changes: each is endOffice or byElection");
                if (ch.endOffice() != null && !keys.contains(ch.endOffice().person())) p.add(at + ".changes: " + ch.endOffice().person() + " is not in people");
                if (ch.byElection() != null && !electionKeys.contains(ch.byElection().election())) {
                    p.add(at + ".changes: " + ch.byElection().election() + " is not an election of this file");
                }
            }
        }
        return p;
    }

    private static void congressProblems(Congress c, String at, Set<String> personKeys, Set<String> congressKeys,
                                         List<String> p) {
        if (Text.isBlank(c.key())) p.add(at + ".key is required");
        else if (!congressKeys.add(c.key())) p.add(at + ".key " + c.key() + " appears twice");
        if (Text.isBlank(c.unit())) p.add(at + ".unit is required");
        if (c.meeting()) {
            if (c.purpose() == null) p.add(at + ".purpose is required for a committee meeting");
            if (c.purpose() == MeetingPurpose.FIRST_MEETING) {
                if (Text.isBlank(c.ofCongress()) || !congressKeys.contains(c.ofCongress())) {
                    p.add(at + ".ofCongress must name a congress listed before it");
                }
                if (!personKeys.contains(c.convener())) p.add(at + ".convener " + c.convener() + " is not in people");
            }
        } else if (c.ordinal() < 1) p.add(at + ".ordinal must be 1 or more");
        if (c.term() == null) p.add(at + ".term is required");
        if (c.kind() == null) p.add(at + ".kind is required");
        if (c.date() == null) p.add(at + ".date is required");
        if (Text.isBlank(c.venue())) p.add(at + ".venue is required");
        if (!c.meeting() && c.announcedSeats() < 1) p.add(at + ".announcedSeats must be 1 or more");
        if (c.pilot() && Text.isBlank(c.pilotChosenBy())) p.add(at + ".pilotChosenBy is required for a pilot congress");
        Map<String, DelegateCategory> roll = new HashMap<>();
        Set<String> onRoll = new HashSet<>();
        for (int j = 0; j < c.delegates().size(); j++) {
            Delegate d = c.delegates().get(j);
            String dat = at + ".delegates[" + j + "]";
            if (Text.isBlank(d.code())) p.add(dat + ".code is required");
            else if (roll.containsKey(codeKey(d.code()))) p.add(dat + ".code " + d.code() + " appears twice");
            else roll.put(codeKey(d.code()), d.category());
            if (d.category() == null) p.add(dat + ".category is required");
            if (!personKeys.contains(d.person())) p.add(dat + ".person " + d.person() + " is not in people");
            else if (!onRoll.add(d.person())) p.add(dat + ".person " + d.person() + " is on the roll twice");
        }
        Set<String> checked = new HashSet<>();
        int votersPresent = 0;
        for (String code : c.checkIns()) {
            if (code == null || !roll.containsKey(codeKey(code))) p.add(at + ".checkIns: " + code + " is not on the roll");
            else if (!checked.add(codeKey(code))) p.add(at + ".checkIns: " + code + " appears twice");
            else if (roll.get(codeKey(code)) == DelegateCategory.DELEGATE) votersPresent++;
        }
        if (!c.decisions().isEmpty() && !c.openSession()) {
            p.add(at + ".openSession must be true for decisions to be taken");
        }
        for (int j = 0; j < c.decisions().size(); j++) {
            ShowOfHands d = c.decisions().get(j);
            String dat = at + ".decisions[" + j + "]";
            if (d.subject() == null) p.add(dat + ".subject is required");
            for (String key : d.people()) {
                if (!personKeys.contains(key)) p.add(dat + ".people: " + key + " is not in people");
            }
            if (d.votesFor() < 0 || d.votesAgainst() < 0 || d.abstentions() < 0) p.add(dat + ": vote counts cannot be negative");
            // nobody raises a hand who is not in the hall; guests never vote.
            if (d.votesFor() + d.votesAgainst() + d.abstentions() > votersPresent) {
                p.add(dat + ": more votes than voting delegates checked in (" + votersPresent + ")");
            }
        }
        electionProblems(c, at, personKeys, votersPresent, p);
        for (int j = 0; j < c.confidenceVotes().size(); j++) {
            ConfidenceVote v = c.confidenceVotes().get(j);
            String vat = at + ".confidenceVotes[" + j + "]";
            if (Text.isBlank(v.key())) p.add(vat + ".key is required");
            Set<String> listed = new HashSet<>();
            for (Official o : v.officials()) {
                if (!personKeys.contains(o.person())) p.add(vat + ".officials: " + o.person() + " is not in people");
                else if (!listed.add(o.person())) p.add(vat + ".officials: " + o.person() + " appears twice");
            }
            if (c.decisions().stream().noneMatch(d -> d.subject() == DecisionSubject.CANDIDATE_LIST && new HashSet<>(d.people()).equals(listed))) {
                p.add(vat + ": no CANDIDATE_LIST decision names exactly its officials (R-15)");
            }
            if (v.rounds().isEmpty()) p.add(vat + ".rounds: at least one round is required");
            for (RatingRound r : v.rounds()) {
                timeProblems(r.opened(), r.closed(), vat + ".rounds", p);
                int ballots = 0;
                for (RatingBallots b : r.ballots()) {
                    ballots += b.count();
                    if (b.count() < 1) p.add(vat + ": a line needs a count of 1 or more");
                    for (String person : b.ratings().keySet()) {
                        if (!listed.contains(person)) p.add(vat + ": " + person + " is rated but not listed");
                    }
                }
                if (ballots > votersPresent) p.add(vat + ": more ballots than voting delegates checked in (" + votersPresent + ")");
            }
        }
    }

    /**
     * ADR 0022: a seeded round states when it opened and closed on the congress day; without it the minutes would
     * print the moment the seed was loaded.
     */
    private static void timeProblems(java.time.LocalTime opened, java.time.LocalTime closed, String at, List<String> p) {
        if (opened == null || closed == null) p.add(at + ": opened and closed (the congress day's times, \"09:30\") are required");
        else if (!closed.isAfter(opened)) p.add(at + ": closed must be after opened");
    }

    private static void electionProblems(Congress c, String at, Set<String> personKeys, int votersPresent, List<String> p) {
        Set<String> keys = new HashSet<>();
        for (int j = 0; j < c.elections().size(); j++) {
            Election e = c.elections().get(j);
            String eat = at + ".elections[" + j + "]";
            if (Text.isBlank(e.key()) || !keys.add(e.key())) p.add(eat + ".key is required and unique within the congress");
            if (e.body() == null) p.add(eat + ".body is required");
            Set<String> nominees = new HashSet<>();
            for (Nominee n : e.candidates()) {
                if (!personKeys.contains(n.person())) p.add(eat + ".candidates: " + n.person() + " is not in people");
                else if (!nominees.add(n.person())) p.add(eat + ".candidates: " + n.person() + " appears twice");
                if (n.source() == null) p.add(eat + ".candidates: " + n.person() + " needs a source (R-20)");
            }
            boolean listed = c.decisions().stream().anyMatch(d -> d.subject() == DecisionSubject.CANDIDATE_LIST
                    && new HashSet<>(d.people()).equals(nominees));
            if (!listed) p.add(eat + ": no CANDIDATE_LIST decision names exactly its candidates (R-15)");
            if (e.rounds().isEmpty()) p.add(eat + ".rounds: at least one round is required");
            for (int r = 0; r < e.rounds().size(); r++) {
                timeProblems(e.rounds().get(r).opened(), e.rounds().get(r).closed(), eat + ".rounds[" + r + "]", p);
                int ballots = 0;
                for (BallotLine line : e.rounds().get(r).ballots()) {
                    if (line.count() < 1) p.add(eat + ".rounds[" + r + "]: a line needs a count of 1 or more");
                    ballots += line.count();
                    for (String k : line.kept()) {
                        if (!nominees.contains(k)) p.add(eat + ".rounds[" + r + "]: " + k + " is not a candidate");
                    }
                }
                if (ballots > votersPresent) {
                    p.add(eat + ".rounds[" + r + "]: more ballots than voting delegates checked in (" + votersPresent + ")");
                }
            }
        }
    }

    /** Unit codes and roll codes compare case-insensitively, as the aggregates compare them. */
    static String codeKey(String code) {
        return Text.clean(code).toUpperCase(Locale.ROOT);
    }
}
