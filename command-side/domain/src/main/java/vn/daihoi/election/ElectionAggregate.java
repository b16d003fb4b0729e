package vn.daihoi.election;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.common.Text;
import vn.daihoi.confidence.ConfidenceBallotRules;
import vn.daihoi.confidence.ConfidenceRoundCounted;
import vn.daihoi.confidence.ConfidenceTally;
import vn.daihoi.confidence.ListedOfficial;
import vn.daihoi.confidence.OfficialListed;
import vn.daihoi.confidence.RatingLine;
import vn.daihoi.congress.Assemblies;
import vn.daihoi.congress.Attendance;
import vn.daihoi.congress.CongressStatus;
import vn.daihoi.congress.DecisionSubject;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.person.PersonDirectory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One election of one body at one congress: its candidates, the approved list, and its numbered
 * ballot rounds with their counts. Ballots themselves never pass through it (ADR 0008). A confidence vote (R-60 to
 * R-64, ADR 0010) is an election of {@link ElectedBody#CONFIDENCE_VOTE}: listed officials instead of nominations,
 * no surplus, its own quorum, rating ballots and its own count; everything else is the same engine.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
@org.axonframework.serialization.Revision("2") // its snapshots' shape (common.infra.Snapshots); 2: R-31 seal of paper ballots
public class ElectionAggregate {

    @AggregateIdentifier
    private String electionId;
    private String congressId;
    private String unitId;
    private ElectedBody body;
    private int seats;
    private RuleProfile profile;
    private final Map<String, Candidate> candidates = new LinkedHashMap<>();
    private final Set<String> withdrawn = new HashSet<>();
    private List<String> approvedOrder;
    private final Map<Integer, Round> rounds = new HashMap<>();
    private final List<String> elected = new ArrayList<>();
    /** the candidates tied at the last seat by the latest counted round, and the seats the tie is for. */
    private List<String> tied = List.of();
    private int tieSeats;

    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    static final class Round {
        List<String> candidates;
        int seats;
        Set<String> voters = new HashSet<>();
        boolean closed;
        boolean counted;
        boolean voided;
        /** The public link its results were published under, once published. */
        String resultsLink;
        Set<String> paperVoters = new HashSet<>();
        int spoiled;
        Integer notReturned;
        /** sheet → member → his current entry */
        Map<Integer, Map<String, PaperBallotEntered>> entries = new java.util.TreeMap<>();
        /** The counting committee named by the congress's decision when the round opened: the box's share holders (person ids). */
        List<String> countingCommittee;
        /** a tie round among the tied of the round before (its own threshold). */
        boolean tie;
        /** the first day its paper ballots may be destroyed; null when the round was counted without paper ballots. */
        java.time.LocalDate sealedUntil;
        /** its paper ballots were destroyed. */
        boolean paperDestroyed;

        /**
         * A counted round decides nothing more about its voters or paper sheets: what only an open round needs is
         * let go, so that an election of many rounds of 1,100 voters stays small in memory and in its snapshots.
         */
        void settle() {
            voters = new HashSet<>();
            paperVoters = new HashSet<>();
            entries = new java.util.TreeMap<>();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Round r && Objects.equals(candidates, r.candidates) && seats == r.seats
                    && voters.equals(r.voters) && closed == r.closed && counted == r.counted && voided == r.voided && Objects.equals(resultsLink, r.resultsLink)
                    && paperVoters.equals(r.paperVoters)
                    && spoiled == r.spoiled && Objects.equals(notReturned, r.notReturned) && entries.equals(r.entries)
                    && Objects.equals(countingCommittee, r.countingCommittee)
                    && Objects.equals(sealedUntil, r.sealedUntil) && paperDestroyed == r.paperDestroyed;
        }

        @Override
        public int hashCode() {
            return Objects.hash(candidates, seats, voters, closed, counted, paperVoters, spoiled, notReturned, entries);
        }
    }

    protected ElectionAggregate() {
        // for event sourcing
    }

    /**
     * Opens an election at a congress or committee meeting in session. What it needs of the congress — its unit,
     * rule profile, the committee size it approved, whether it is a first meeting — it reads from
     * the assembly lookup and keeps in {@link ElectionOpened}; it never loads the congress.
     */
    @CommandHandler
    public ElectionAggregate(OpenElectionCommand cmd, Assemblies assemblies, PersonDirectory persons, ElectedPeople elected) {
        if (Text.isBlank(cmd.electionId()) || cmd.body() == null) {
            throw RuleViolation.invalid("missing-field", null, "body").variant("elected-body");
        }
        Assemblies.Assembly at = assemblies.find(cmd.congressId())
                .orElseThrow(() -> RuleViolation.notFound("unknown-congress", "congressId"));
        if (at.status() != CongressStatus.IN_SESSION) {
            throw RuleViolation.conflict("congress-not-in-session", "R-15", "congressId");
        }
        new LeadershipElectionPolicy(elected::of).checkOpening(cmd.body(), LeadershipElectionPolicy.Assembly.of(at));
        boolean confidence = cmd.body() == ElectedBody.CONFIDENCE_VOTE;
        if (confidence) {
            checkOfficials(cmd.officials());
            // a confidence vote rates each listed official; its "seats" are the lines of the ballot.
            for (ListedOfficial o : cmd.officials()) {
                if (!persons.exists(o.personId())) {
                    throw RuleViolation.invalid("unknown-person", "R-60", "officials").variant("official");
                }
            }
        } else if (!cmd.officials().isEmpty()) {
            throw RuleViolation.invalid("officials-only-for-confidence-votes", "R-20", "officials");
        }
        int seats = seatsOf(cmd, at);
        String unitId = at.unitId();
        RuleProfile profile = at.profile();
        if (seats < 1 || seats > 200) {
            throw RuleViolation.invalid("invalid-seats", "R-15", "seats").variant("election");
        }
        if (cmd.title() != null && cmd.title().length() > 200) {
            throw RuleViolation.invalid("title-too-long", null, "title");
        }
        String title = !Text.isBlank(cmd.title()) ? cmd.title() : confidence ? cmd.body().vietnamese() : "Bầu " + cmd.body().vietnamese();
        apply(new ElectionOpened(cmd.electionId(), cmd.congressId(), unitId, cmd.body(), title, seats, profile));
        for (ListedOfficial o : cmd.officials()) {
            apply(new OfficialListed(cmd.electionId(), o.candidateId(), o.personId(), o.office()));
        }
    }

    /**
     * the executive committee is elected for the number of seats the congress approved by show of hands (the
     * number announced when convening until it decides one); a command cannot elect for another number.:
     * a chair is one seat; other bodies take the seats the meeting gives, by default the committee size.
     */
    private static int seatsOf(OpenElectionCommand cmd, Assemblies.Assembly at) {
        if (cmd.body() == ElectedBody.CONFIDENCE_VOTE) return Math.max(1, cmd.officials().size());
        if (cmd.body() == ElectedBody.EXECUTIVE_COMMITTEE && !at.meeting()) {
            if (cmd.seats() != null && cmd.seats() != at.seatsToFill()) {
                throw RuleViolation.conflict("seats-not-approved", "R-15", "seats", at.seatsToFill());
            }
            return at.seatsToFill();
        }
        boolean single = cmd.body() == ElectedBody.CHAIR || cmd.body() == ElectedBody.INSPECTION_CHAIR;
        return cmd.seats() != null ? cmd.seats() : single ? 1 : at.seatsToFill();
    }

    /** a confidence vote names at least one official, each once, each with the office he holds. */
    private static void checkOfficials(List<ListedOfficial> officials) {
        if (officials.isEmpty() || officials.size() > 200) {
            throw RuleViolation.invalid("officials-missing", "R-60", "officials");
        }
        Set<String> persons = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (ListedOfficial o : officials) {
            if (o == null || Text.isBlank(o.personId()) || Text.isBlank(o.candidateId()) || !ids.add(o.candidateId())) {
                throw RuleViolation.invalid("missing-field", "R-60", "officials").variant("official-person-id");
            }
            if (!persons.add(o.personId())) {
                throw RuleViolation.invalid("official-listed-twice", "R-60", "officials");
            }
            if (Text.isBlank(o.office()) || o.office().length() > 200) {
                throw RuleViolation.invalid("office-missing", "R-60", "officials");
            }
        }
    }

    /** The kind of ballot this election runs: strike-out among candidates, or a confidence rating (ADR 0010). */
    private BallotKind kind() {
        return BallotKind.of(body);
    }

    // ---- nominations (R-20, R-21) ---------------------------------------------------------------

    /**
     * a nomination of a registered person, by its source; R-41: at a first meeting, from the body the post
     * belongs to; R-28: after the vote started, only for a further round the congress decided may take new names.
     */
    @CommandHandler
    public void handle(NominateCandidateCommand cmd, PersonDirectory persons, Assemblies assemblies, ElectedPeople people) {
        if (!kind().takesNominations()) {
            throw RuleViolation.conflict("confidence-vote-takes-no-nominations", "R-60", "electionId");
        }
        if (cmd.personId() == null || !persons.exists(cmd.personId())) {
            throw RuleViolation.invalid("unknown-person", "R-20", "personId").variant("nominee");
        }
        Assemblies.Assembly at = assemblies.find(congressId).orElseThrow();
        new LeadershipElectionPolicy(people::of).checkCandidate(body, LeadershipElectionPolicy.Assembly.of(at), cmd.personId());
        if (cmd.source() == NominationSource.DELEGATE && (cmd.nominatedByDelegateId() == null
                || assemblies.roll(congressId).stream().noneMatch(seat -> seat.delegateId().equals(cmd.nominatedByDelegateId())))) {
            throw RuleViolation.invalid("nominator-not-a-delegate", "R-20", "nominatedByDelegateId");
        }
        if (Text.isBlank(cmd.candidateId()) || candidates.containsKey(cmd.candidateId())) {
            throw RuleViolation.invalid("candidate-id-taken", null, "candidateId");
        }
        if (cmd.source() == null) {
            throw RuleViolation.invalid("missing-field", "R-20", "source").variant("nomination-source");
        }
        if (cmd.source() == NominationSource.SELF && Text.isBlank(cmd.applicationReference())) {
            throw RuleViolation.invalid("self-candidacy-needs-application", "R-20", "applicationReference");
        }
        if (candidates.values().stream().anyMatch(c -> c.personId().equals(cmd.personId()) && !withdrawn.contains(c.candidateId()))) {
            throw RuleViolation.conflict("already-a-candidate", "R-20", "personId");
        }
        if (rounds.size() > 0) {
            // the congress may decide that a further round takes new names; never while a round is open.
            if (Text.isBlank(cmd.furtherRoundDecision())) {
                throw RuleViolation.conflict("voting-started", "R-28", "electionId");
            }
            if (rounds.values().stream().anyMatch(r -> !r.counted)) {
                throw RuleViolation.conflict("round-open", "R-28", "electionId").variant("nomination");
            }
            if (elected.size() >= seats) {
                throw RuleViolation.conflict("no-seat-left", "R-28", "electionId");
            }
        }
        apply(new CandidateNominated(electionId, new Candidate(cmd.candidateId(), cmd.personId(), cmd.source(),
                cmd.nominatedByDelegateId(), cmd.applicationReference())));
        if (approvedOrder != null) {
            apply(new CandidateListApprovalLapsed(electionId, "nomination after approval"));
        }
    }

    @CommandHandler
    public void handle(DecideWithdrawalCommand cmd) {
        Candidate c = candidates.get(cmd.candidateId());
        if (c == null || withdrawn.contains(cmd.candidateId())) {
            throw RuleViolation.notFound("unknown-candidate", "candidateId");
        }
        if (Text.isBlank(cmd.decisionReference())) {
            throw RuleViolation.invalid("missing-field", "R-21", "decisionReference").variant("withdrawal-decision");
        }
        if (rounds.values().stream().anyMatch(r -> !r.counted)) {
            throw RuleViolation.conflict("round-open", "R-21", "candidateId").variant("withdrawal");
        }
        apply(new WithdrawalDecided(electionId, cmd.candidateId(), cmd.granted(), cmd.decisionReference()));
        if (cmd.granted() && approvedOrder != null) {
            // R-21, edge case 1: the approved list no longer stands; it stays on record, a new approval is needed.
            apply(new CandidateListApprovalLapsed(electionId, "withdrawal of " + cmd.candidateId()));
        }
    }

    /**
     * the list the congress approved by show of hands must be the standing candidates, with the
     * surplus the profile demands, in the ballot order of R-24 over the names the ballot prints.
     */
    @CommandHandler
    public void handle(ApproveCandidateListCommand cmd, Assemblies assemblies) {
        Assemblies.Decision list = assemblies.decision(congressId, cmd.listDecisionId())
                .filter(d -> d.subject() == DecisionSubject.CANDIDATE_LIST && d.passed())
                .orElseThrow(() -> RuleViolation.invalid("list-decision-missing", "R-15", "listDecisionId"));
        boolean noSurplusAccepted = cmd.noSurplusDecisionId() != null && assemblies.decision(congressId, cmd.noSurplusDecisionId())
                .filter(d -> d.subject() == DecisionSubject.LIST_WITHOUT_SURPLUS && d.passed()).isPresent();
        List<String> approvedPersonIds = list.personIds();
        List<String> standing = standing();
        Set<String> persons = new HashSet<>();
        standing.forEach(id -> persons.add(candidates.get(id).personId()));
        if (!persons.equals(new HashSet<>(approvedPersonIds)) || approvedPersonIds.size() != standing.size()) {
            throw RuleViolation.conflict("list-does-not-match", "R-15", "listDecisionId");
        }
        if (!new HashSet<>(cmd.ballotOrder()).equals(new HashSet<>(standing)) || cmd.ballotOrder().size() != standing.size()) {
            throw RuleViolation.invalid("ballot-order-invalid", "R-24", "ballotOrder");
        }
        if (kind().choosesAmongNames()) {
            // by given name, then the rest of the name, in Vietnamese collation — checked here, not trusted.
            java.util.Map<String, String> names = new LinkedHashMap<>();
            for (String id : standing) {
                String name = cmd.printedNames().get(id);
                if (Text.isBlank(name)) {
                    throw RuleViolation.invalid("missing-field", "R-24", "printedNames").variant("printed-name");
                }
                names.put(id, name);
            }
            if (!BallotOrder.of(names).equals(cmd.ballotOrder())) {
                throw RuleViolation.invalid("ballot-order-not-alphabetical", "R-24", "ballotOrder");
            }
            // R-22 over what is still to be filled: after a round, the seats left and the candidates not yet elected.
            SurplusRule.check(standing.size() - elected.size(), seats - elected.size(), profile, noSurplusAccepted);
        }
        // a confidence vote rates everyone on its list, in the order the organisers listed (no surplus, R-22).
        apply(new CandidateListApproved(electionId, cmd.listDecisionId(), cmd.noSurplusDecisionId(), cmd.ballotOrder()));
    }

    // ---- rounds (R-13, R-26 to R-28) -----------------------------------------------------------------

    /**
     * the round's roll of voters is frozen from the congress's roll as it stands (read from the assembly lookup,
     * never by loading the congress) and recorded in {@link RoundOpened}; the quorum is checked on it. R-14: the
     * counting committee the congress named holds the box's key shares.: a later round is the tie round
     * among the tied only, or a further round among the candidates not elected, by the congress's recorded decision.
     */
    @CommandHandler
    public void handle(OpenRoundCommand cmd, Assemblies assemblies, ElectedPeople people, BallotBox box) {
        Assemblies.Assembly at = assemblies.find(congressId).orElseThrow();
        if (at.status() != CongressStatus.IN_SESSION) {
            throw RuleViolation.conflict("congress-not-in-session", "R-13", "electionId");
        }
        LeadershipElectionPolicy.RoundRoll roll = new LeadershipElectionPolicy(people::of)
                .roundRoll(body, LeadershipElectionPolicy.Assembly.of(at), assemblies.roll(congressId), profile);
        List<String> voters = roll.voterDelegateIds();
        Attendance attendance = roll.attendance();
        List<String> countingCommittee = assemblies.countingCommittee(congressId);
        if (approvedOrder == null) {
            throw RuleViolation.conflict("list-not-approved", "R-15", "electionId");
        }
        if (rounds.values().stream().anyMatch(r -> !r.counted)) {
            throw RuleViolation.conflict("round-open", "R-28", "round").variant("previous-round");
        }
        if (cmd.round() != rounds.size() + 1) {
            throw RuleViolation.invalid("round-number", "R-28", "round", (rounds.size() + 1));
        }
        // each kind of vote has its own quorum setting, over the same voters summoned and present.
        attendance = kind().judged(attendance, profile);
        if (!attendance.quorumMet()) {
            throw RuleViolation.conflict("quorum-not-met", kind().quorumRule(), "attendance", attendance.present(),
                    attendance.summoned()).variant("ballot");
        }
        int remaining = seats - elected.size();
        List<String> roundCandidates;
        int roundSeats;
        Round voided = rounds.get(cmd.round() - 1);
        boolean repeat = voided != null && voided.voided && (cmd.candidateIds() == null || cmd.candidateIds().isEmpty());
        if (repeat && Text.isBlank(cmd.decisionReference())) {
            throw RuleViolation.invalid("missing-field", "R-28", "decisionReference").variant("revote-decision");
        }
        if (cmd.round() == 1) {
            roundCandidates = approvedOrder;
            roundSeats = seats;
        } else if (repeat) {
            // ADR 0017: a round void for lost key shares is held again with the same list and seats.
            roundCandidates = voided.candidates;
            roundSeats = voided.seats;
        } else {
            if (Text.isBlank(cmd.decisionReference())) {
                throw RuleViolation.invalid("missing-field", "R-28", "decisionReference").variant("further-round-decision");
            }
            roundCandidates = approvedOrder.stream().filter(cmd.candidateIds()::contains).toList();
            if (roundCandidates.size() != new HashSet<>(cmd.candidateIds()).size() || roundCandidates.isEmpty()
                    || roundCandidates.stream().anyMatch(elected::contains)) {
                throw RuleViolation.invalid("round-candidates-invalid", "R-28", "candidateIds");
            }
            if (kind().choosesAmongNames() && !tied.isEmpty()) {
                // after a tie at the last seat the congress re-votes among the tied candidates only, for the tied seats.
                if (!new HashSet<>(roundCandidates).equals(new HashSet<>(tied))) {
                    throw RuleViolation.invalid("tie-round-among-tied-only", "R-27", "candidateIds", String.join(", ", tied));
                }
                if (cmd.seats() != null && cmd.seats() != tieSeats) {
                    throw RuleViolation.invalid("invalid-seats", "R-27", "seats", tieSeats).variant("tie-round");
                }
            }
            roundSeats = !kind().choosesAmongNames() ? roundCandidates.size() : !tied.isEmpty() ? tieSeats : cmd.seats() == null ? remaining : cmd.seats();
        }
        if (roundSeats < 1 || roundSeats > remaining) {
            throw RuleViolation.invalid("invalid-seats", "R-28", "seats", remaining).variant("remaining");
        }
        if (countingCommittee.isEmpty()) {
            throw RuleViolation.conflict("counting-committee-missing", "R-14", "round");
        }
        BallotBox.KeyFacts key = box.prepare(electionId, cmd.round(), roundCandidates, roundSeats, profile.strikeAllValid(), kind(), voters,
                countingCommittee, profile.sharesToOpen(countingCommittee.size()));
        apply(new RoundOpened(electionId, cmd.round(), roundCandidates, roundSeats, voters, attendance, cmd.decisionReference(), cmd.openedAt()));
        apply(new BallotBoxPrepared(electionId, cmd.round(), key.fingerprint(), key.publicKey(), key.holders(), key.sharesNeeded()));
    }

    /** ADR 0017: a member of the counting committee takes his key share; the last one seals the box. */
    @CommandHandler
    public KeyShareSlip handle(TakeKeyShareCommand cmd, BallotBox box) {
        Round r = rounds.get(cmd.round());
        if (r == null || r.closed) {
            throw RuleViolation.conflict("round-not-open", "R-23", "round");
        }
        BallotBox.ShareSlip slip = box.takeShare(electionId, cmd.round(), cmd.holderPersonId());
        if (slip.rekeyed() != null) {
            BallotBox.KeyFacts k = slip.rekeyed();
            apply(new BallotBoxPrepared(electionId, cmd.round(), k.fingerprint(), k.publicKey(), k.holders(), k.sharesNeeded()));
        }
        apply(new KeyShareTaken(electionId, cmd.round(), cmd.holderPersonId(), slip.index(), slip.fingerprint()));
        if (slip.sealedNow()) apply(new BallotBoxSealed(electionId, cmd.round(), slip.fingerprint()));
        return new KeyShareSlip(slip.holderPersonId(), slip.index(), slip.holders(), slip.sharesNeeded(), slip.fingerprint(), slip.code(),
                slip.sealedNow());
    }

    /**
     * R-28, ADR 0017: too few members can present their shares, and the congress decides the round is void: the box
     * is closed, its ballots destroyed unopened, and the next round holds the vote again.
     */
    @CommandHandler
    public void handle(VoidRoundCommand cmd, BallotBox box) {
        Round r = rounds.get(cmd.round());
        if (r == null || r.closed) {
            throw RuleViolation.conflict("round-not-open", "R-28", "round");
        }
        if (Text.isBlank(cmd.reason())) {
            throw RuleViolation.invalid("missing-field", "R-28", "reason").variant("void-reason");
        }
        if (Text.isBlank(cmd.decisionReference())) {
            throw RuleViolation.invalid("missing-field", "R-28", "decisionReference").variant("void-decision");
        }
        int voted = box.discard(electionId, cmd.round());
        apply(new RoundVoided(electionId, cmd.round(), cmd.reason().strip(), cmd.decisionReference().strip(), voted));
    }

    /** a voter who arrives after the round opened joins its roll by a recorded decision, if he could have been on it. */
    @CommandHandler
    public void handle(AddLateVoterCommand cmd, Assemblies assemblies, ElectedPeople people, BallotBox box) {
        Round r = rounds.get(cmd.round());
        if (r == null || r.closed) {
            throw RuleViolation.conflict("round-not-open", "R-13", "round");
        }
        Assemblies.Assembly at = assemblies.find(congressId).orElseThrow();
        if (!new LeadershipElectionPolicy(people::of).mayJoinRound(body, LeadershipElectionPolicy.Assembly.of(at),
                assemblies.roll(congressId), cmd.delegateId())) {
            throw RuleViolation.conflict("not-a-present-voter", "R-13", "delegateId");
        }
        if (r.voters.contains(cmd.delegateId())) {
            throw RuleViolation.conflict("already-on-round-roll", "R-13", "delegateId");
        }
        if (Text.isBlank(cmd.decisionReference())) {
            throw RuleViolation.invalid("missing-field", "R-13", "decisionReference").variant("late-voter-decision");
        }
        box.addVoter(electionId, cmd.round(), cmd.delegateId());
        apply(new LateVoterAdded(electionId, cmd.round(), cmd.delegateId(), cmd.decisionReference()));
    }

    // ---- paper ballots (R-25, R-29) --------------------------------------------------------------------

    private Round openRound(int round) {
        Round r = rounds.get(round);
        if (r == null || r.closed) {
            throw RuleViolation.conflict("round-not-open", "R-29", "round");
        }
        return r;
    }

    @CommandHandler
    public void handle(IssuePaperBallotCommand cmd, BallotBox box) {
        Round r = openRound(cmd.round());
        if (!r.voters.contains(cmd.delegateId())) {
            throw RuleViolation.conflict("not-on-round-roll", "R-13", "delegateId");
        }
        if (r.paperVoters.contains(cmd.delegateId())) {
            throw RuleViolation.conflict("paper-already-issued", "R-29", "delegateId");
        }
        box.markPaper(electionId, cmd.round(), cmd.delegateId());
        apply(new PaperBallotIssued(electionId, cmd.round(), cmd.delegateId()));
    }

    @CommandHandler
    public void handle(ReplaceSpoiledPaperBallotCommand cmd) {
        Round r = openRound(cmd.round());
        if (!r.paperVoters.contains(cmd.delegateId())) {
            throw RuleViolation.conflict("no-paper-issued", "R-29", "delegateId");
        }
        apply(new PaperBallotSpoiled(electionId, cmd.round(), cmd.delegateId()));
    }

    /**
     * only the people named in the congress's counting-committee decision count paper ballots — the same
     * people who hold the round's key shares (ADR 0017). A COUNTING grant alone is not enough.
     */
    private static void requireCountingMember(Round r, String personId) {
        if (Text.isBlank(personId)) {
            throw RuleViolation.conflict("not-on-counting-committee", "R-29", "personId").variant("account");
        }
        if (r.countingCommittee == null || !r.countingCommittee.contains(personId)) {
            throw RuleViolation.conflict("not-on-counting-committee", "R-29", "personId");
        }
    }

    @CommandHandler
    public void handle(EnterPaperBallotCommand cmd) {
        Round r = rounds.get(cmd.round());
        if (r == null || r.counted) {
            throw RuleViolation.conflict("round-not-countable", "R-29", "round");
        }
        requireCountingMember(r, cmd.memberPersonId());
        if (cmd.sheet() < 1 || Text.isBlank(cmd.enteredBy())) {
            throw RuleViolation.invalid("invalid-sheet", "R-29", "sheet");
        }
        if (kind().ratesEach()) {
            List<RatingLine> lines = ConfidenceBallotRules.paper(cmd.ratings(), cmd.invalid(), r.candidates);
            if (!cmd.keptCandidateIds().isEmpty()) {
                throw RuleViolation.invalid("invalid-entry", "R-62", "keptCandidateIds").variant("confidence-keeps-names");
            }
            requireNewOrCorrected(r, cmd);
            apply(new PaperBallotEntered(electionId, cmd.round(), cmd.sheet(), cmd.enteredBy(), List.of(), cmd.invalid(),
                    cmd.correctionReason(), lines));
            return;
        }
        if (cmd.ratings() != null) {
            throw RuleViolation.invalid("invalid-entry", "R-25", "ratings").variant("election-ratings");
        }
        if (cmd.invalid() == null) {
            BallotRules.check(cmd.keptCandidateIds(), Set.copyOf(r.candidates), r.seats, profile.strikeAllValid()).ifPresent(reason -> {
                throw RuleViolation.invalid("paper-ballot-is-invalid", "R-25", "invalid", reason);
            });
        } else if (!cmd.keptCandidateIds().isEmpty() && cmd.invalid() != InvalidReason.TOO_MANY_NAMES) {
            throw RuleViolation.invalid("invalid-entry", "R-25", "keptCandidateIds");
        }
        requireNewOrCorrected(r, cmd);
        List<String> kept = cmd.invalid() == null ? r.candidates.stream().filter(cmd.keptCandidateIds()::contains).toList() : List.of();
        apply(new PaperBallotEntered(electionId, cmd.round(), cmd.sheet(), cmd.enteredBy(), kept, cmd.invalid(), cmd.correctionReason()));
    }

    /** an entry error is corrected by a recorded correction with its reason, never silently. */
    private static void requireNewOrCorrected(Round r, EnterPaperBallotCommand cmd) {
        PaperBallotEntered previous = r.entries.getOrDefault(cmd.sheet(), Map.of()).get(cmd.enteredBy());
        if (previous != null && Text.isBlank(cmd.correctionReason())) {
            throw RuleViolation.conflict("entry-exists", "R-29", "correctionReason", cmd.sheet());
        }
    }

    @CommandHandler
    public void handle(RecordPaperAccountingCommand cmd) {
        Round r = openRound(cmd.round());
        if (cmd.memberPersonId() != null) requireCountingMember(r, cmd.memberPersonId());
        if (cmd.notReturned() < 0) {
            throw RuleViolation.invalid("invalid-count", "R-29", "notReturned");
        }
        apply(new PaperAccountingRecorded(electionId, cmd.round(), cmd.notReturned()));
    }

    /** the agreed paper ballots, or a refusal naming the sheets whose two entries differ or are missing. */
    private List<PublishedBallot> agreedPaper(Round r) {
        List<PublishedBallot> out = new ArrayList<>();
        List<Integer> unsettled = new ArrayList<>();
        for (Map.Entry<Integer, Map<String, PaperBallotEntered>> sheet : r.entries.entrySet()) {
            List<PaperBallotEntered> entries = new ArrayList<>(sheet.getValue().values());
            PaperBallotEntered first = entries.get(0);
            boolean agree = entries.stream().allMatch(e -> e.keptCandidateIds().equals(first.keptCandidateIds()) && e.invalid() == first.invalid()
                    && Objects.equals(e.ratings(), first.ratings()));
            if (!agree || (profile.doubleEntry() && entries.size() < 2)) {
                unsettled.add(sheet.getKey());
                continue;
            }
            out.add(new PublishedBallot("P%04d".formatted(sheet.getKey()), first.keptCandidateIds(), first.invalid(), true, first.ratings()));
        }
        if (!unsettled.isEmpty()) {
            throw RuleViolation.conflict("paper-entries-unsettled", "R-29", "sheet", unsettled);
        }
        return out;
    }

    @CommandHandler
    public void handle(CloseRoundCommand cmd, BallotBox box) {
        Round r = rounds.get(cmd.round());
        if (r == null || r.closed) {
            throw RuleViolation.conflict("round-not-open", "R-29", "round");
        }
        List<PublishedBallot> paper = agreedPaper(r);
        int paperIssued = r.paperVoters.size() + r.spoiled;
        if (!r.paperVoters.isEmpty() || !paper.isEmpty()) {
            if (!new PaperBalance(paperIssued, paper.size(), r.spoiled, r.notReturned).balances()) {
                throw RuleViolation.conflict("paper-accounting-unbalanced", "R-29", "notReturned", paperIssued, paper.size(), r.spoiled,
                        (r.notReturned == null ? "?" : r.notReturned));
            }
        }
        BallotBox.Closed closed = box.close(electionId, cmd.round(), cmd.shares());
        if (!closed.presentedBy().isEmpty()) apply(new BallotBoxOpened(electionId, cmd.round(), closed.presentedBy()));
        List<PublishedBallot> all = new ArrayList<>(closed.ballots());
        all.addAll(paper);
        all.sort(PublishedBallot.CONTENT_ORDER);
        int electronicEnabled = closed.rollSize() - r.paperVoters.size();
        int notReturned = (r.notReturned == null ? 0 : r.notReturned) + electronicEnabled - closed.participants().size();
        BallotAccounting accounting = new BallotAccounting(closed.rollSize() + r.spoiled, all.size(), r.spoiled, notReturned,
                paperIssued, paper.size(), electronicEnabled, closed.ballots().size());
        // who voted is stored by id, never in an order a box might keep (the order they voted in).
        List<String> participants = closed.participants().stream().sorted().toList();
        apply(new RoundClosed(electionId, cmd.round(), participants, closed.ballots().size(), paper.size(), accounting, cmd.closedAt()));
        if (kind().ratesEach()) {
            // one count per listed person, flags by the profile's shares of ballots collected.
            List<ConfidenceTally.Ballot> rated = all.stream()
                    .map(b -> b.invalid() != null ? ConfidenceTally.Ballot.notIssued() : ConfidenceTally.Ballot.of(b.ratings())).toList();
            apply(new ConfidenceRoundCounted(electionId, cmd.round(),
                    ConfidenceTally.count(r.candidates, accounting.issued(), rated, profile.confidenceReview(), profile.confidenceDismissal()), all));
            return;
        }
        List<vn.daihoi.election.Tally.Ballot> ballots = all.stream()
                .map(b -> b.invalid() != null ? Tally.Ballot.invalid(b.invalid()) : Tally.Ballot.valid(Set.copyOf(b.keptCandidateIds())))
                .toList();
        RoundResult result = Tally.count(r.candidates, r.seats, ballots, r.tie ? profile.tieRoundThreshold() : profile.electionThreshold());
        apply(new RoundCounted(electionId, cmd.round(), result, all));
    }

    private List<String> standing() {
        return candidates.keySet().stream().filter(id -> !withdrawn.contains(id)).toList();
    }

    // ---- state --------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ElectionOpened e) {
        electionId = e.electionId();
        congressId = e.congressId();
        unitId = e.unitId();
        body = e.body();
        seats = e.seats();
        profile = e.profile();
    }

    @EventSourcingHandler
    void on(OfficialListed e) {
        candidates.put(e.candidateId(), new Candidate(e.candidateId(), e.personId(), null, null, null));
    }

    @EventSourcingHandler
    void on(ConfidenceRoundCounted e) {
        rounds.get(e.round()).counted = true;
        rounds.get(e.round()).settle();
    }

    @EventSourcingHandler
    void on(CandidateNominated e) {
        candidates.put(e.candidate().candidateId(), e.candidate());
    }

    @EventSourcingHandler
    void on(WithdrawalDecided e) {
        if (e.granted()) withdrawn.add(e.candidateId());
    }

    @EventSourcingHandler
    void on(CandidateListApproved e) {
        approvedOrder = e.ballotOrder();
    }

    @EventSourcingHandler
    void on(CandidateListApprovalLapsed e) {
        approvedOrder = null;
    }

    @EventSourcingHandler
    void on(RoundOpened e) {
        Round r = new Round();
        r.candidates = e.candidateIds();
        r.seats = e.seats();
        r.voters.addAll(e.voterDelegateIds());
        // the round after a tie, among exactly the tied, is the tie round; any later round clears the tie.
        r.tie = !tied.isEmpty() && new HashSet<>(e.candidateIds()).equals(new HashSet<>(tied));
        rounds.put(e.round(), r);
    }

    @EventSourcingHandler
    void on(BallotBoxPrepared e) {
        rounds.get(e.round()).countingCommittee = List.copyOf(e.shareHolderPersonIds());
    }

    @EventSourcingHandler
    void on(LateVoterAdded e) {
        rounds.get(e.round()).voters.add(e.delegateId());
    }

    @EventSourcingHandler
    void on(PaperBallotIssued e) {
        rounds.get(e.round()).paperVoters.add(e.delegateId());
    }

    @EventSourcingHandler
    void on(PaperBallotSpoiled e) {
        rounds.get(e.round()).spoiled++;
    }

    @EventSourcingHandler
    void on(PaperBallotEntered e) {
        rounds.get(e.round()).entries.computeIfAbsent(e.sheet(), k -> new LinkedHashMap<>()).put(e.enteredBy(), e);
    }

    @EventSourcingHandler
    void on(PaperAccountingRecorded e) {
        rounds.get(e.round()).notReturned = e.notReturned();
    }

    /** Results go public only once counted (never interim results), and under one link per round. */
    @CommandHandler
    public void handle(PublishResultsCommand cmd) {
        Round r = rounds.get(cmd.round());
        if (r == null || !r.counted || r.voided) {
            throw RuleViolation.conflict("round-not-counted", "R-30", "round");
        }
        if (r.resultsLink != null) {
            throw RuleViolation.conflict("results-already-published", null, "round");
        }
        if (cmd.linkId() == null || cmd.linkId().length() < 20) {
            throw RuleViolation.invalid("missing-field", null, "linkId").variant("results-link");
        }
        apply(new RoundResultsPublished(electionId, cmd.round(), cmd.linkId()));
    }

    @EventSourcingHandler
    void on(RoundResultsPublished e) {
        rounds.get(e.round()).resultsLink = e.linkId();
    }

    @EventSourcingHandler
    void on(RoundVoided e) {
        Round r = rounds.get(e.round());
        r.closed = true;
        r.counted = true; // done: the next round may open
        r.voided = true;
        r.settle();
    }

    @EventSourcingHandler
    void on(RoundClosed e, @org.axonframework.eventhandling.Timestamp java.time.Instant at) {
        Round r = rounds.get(e.round());
        r.closed = true;
        if (e.paperBallots() > 0) r.sealedUntil = PaperBallotSeal.sealedUntil(e.closedAt() != null ? e.closedAt() : at, profile);
    }

    @EventSourcingHandler
    void on(RoundCounted e) {
        rounds.get(e.round()).counted = true;
        rounds.get(e.round()).settle();
        elected.addAll(e.result().electedCandidateIds());
        tied = e.result().tiedCandidateIds() == null ? List.of() : List.copyOf(e.result().tiedCandidateIds());
        tieSeats = e.result().tieSeats();
    }

    // ---- the seal on paper ballots (R-31) ---------------------------------------------------------------

    /** the paper ballots of a counted round; refused for a round that had none, or whose ballots are gone. */
    private Round sealedPaper(int round) {
        Round r = rounds.get(round);
        if (r == null || !r.closed || r.voided || r.sealedUntil == null) {
            throw RuleViolation.conflict("no-paper-ballots", "R-31", "round");
        }
        if (r.paperDestroyed) {
            throw RuleViolation.conflict("paper-ballots-destroyed", "R-31", "round");
        }
        return r;
    }

    /** only the presidium or the executive committee opens sealed paper ballots, by a recorded decision; answers the day they stay sealed until. */
    @CommandHandler
    public java.time.LocalDate handle(OpenSealedPaperBallotsCommand cmd) {
        Round r = sealedPaper(cmd.round());
        if (cmd.authority() == null) {
            throw RuleViolation.invalid("seal-authority-required", "R-31", "authority");
        }
        if (Text.isBlank(cmd.decisionReference())) {
            throw RuleViolation.invalid("missing-field", "R-31", "decisionReference").variant("seal-decision");
        }
        if (Text.isBlank(cmd.reason()) || cmd.openedOn() == null) {
            throw RuleViolation.invalid("missing-field", "R-31", "reason").variant("seal-opening");
        }
        apply(new SealedPaperBallotsOpened(electionId, cmd.round(), cmd.authority(), cmd.decisionReference().strip(),
                Text.clean(cmd.reason()), cmd.openedOn(), r.sealedUntil));
        return r.sealedUntil;
    }

    /** paper ballots are destroyed only once the profile's sealed period has run out, by a recorded decision. */
    @CommandHandler
    public java.time.LocalDate handle(DestroyPaperBallotsCommand cmd) {
        Round r = sealedPaper(cmd.round());
        if (cmd.destroyedOn() == null || Text.isBlank(cmd.decisionReference())) {
            throw RuleViolation.invalid("missing-field", "R-31", "decisionReference").variant("destruction-decision");
        }
        if (cmd.destroyedOn().isBefore(r.sealedUntil)) {
            throw RuleViolation.conflict("ballots-still-sealed", "R-31", "destroyedOn", r.sealedUntil);
        }
        apply(new PaperBallotsDestroyed(electionId, cmd.round(), cmd.destroyedOn(), cmd.decisionReference().strip(), r.sealedUntil));
        return r.sealedUntil;
    }

    @EventSourcingHandler
    void on(PaperBallotsDestroyed e) {
        rounds.get(e.round()).paperDestroyed = true;
    }
}
