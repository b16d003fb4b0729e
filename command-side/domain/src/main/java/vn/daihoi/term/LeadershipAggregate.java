package vn.daihoi.term;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.common.Text;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.Term;
import vn.daihoi.congress.TermShift;
import vn.daihoi.election.ElectionFacts;
import vn.daihoi.organisation.Decision;
import vn.daihoi.organisation.UnitDirectory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One unit's leadership for one term: the executive committee's seats and every office held in it, from the
 * submission for recognition through recognition and the changes of the term, or
 * imported from past decisions, or appointed as a provisional committee. Holding ids are numbered here
 * ({@code leadershipId/n}), so replays give the same ids.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class LeadershipAggregate {

    @AggregateIdentifier
    private String leadershipId;
    private String unitId;
    private Term term;
    private LeadershipStatus status;
    private int seats;
    private boolean branchUnit;
    private RuleProfile profile;
    private final Map<String, Holding> holdings = new LinkedHashMap<>();
    private final Set<String> elections = new HashSet<>();
    private int numbered;
    private int additions;
    private LocalDate startedOn;

    protected LeadershipAggregate() {
        // for event sourcing
    }

    LeadershipAggregate(SubmitForRecognitionCommand cmd, Slate slate, boolean branchUnit, RuleProfile profile) {
        apply(submitted(cmd.leadershipId(), cmd, slate, branchUnit, profile, 0));
    }

    /** a new submission replaces one not yet recognised (after a refusal, or a correction before the decision). */
    void resubmit(SubmitForRecognitionCommand cmd, Slate slate, boolean branchUnit, RuleProfile profile) {
        if (status != LeadershipStatus.SUBMITTED && status != LeadershipStatus.REFUSED) {
            throw RuleViolation.conflict("term-already-in-office", "R-03", "unitId", term.label());
        }
        apply(submitted(leadershipId, cmd, slate, branchUnit, profile, numbered));
    }

    private static LeadershipSubmitted submitted(String id, SubmitForRecognitionCommand cmd, Slate slate, boolean branchUnit,
                                                 RuleProfile profile, int numberedSoFar) {
        List<Holding> proposed = new ArrayList<>();
        int n = numberedSoFar;
        for (Holding h : slate.proposed()) {
            proposed.add(new Holding(id + "/" + (++n), h.personId(), h.office(), h.began(), null, null, h.electionId(), null, null, null));
        }
        return new LeadershipSubmitted(id, cmd.unitId(), cmd.term(), slate.congressId(), cmd.congressOrdinal(), slate.seats(),
                branchUnit, profile, slate.electionIds(), proposed, cmd.submittedOn());
    }

    LeadershipAggregate(ImportTermCommand cmd, boolean branchUnit, RuleProfile profile, LocalDate successorStartedOn) {
        requireDecision(cmd.recognition(), "recognition", "R-03");
        if (cmd.recognisedOn() == null || cmd.term() == null || cmd.term().endYear() <= cmd.term().startYear()) {
            throw RuleViolation.invalid("missing-field", "R-02", "term").variant("term-and-recognition-date");
        }
        requireSeats(cmd.seats());
        if (cmd.congressOrdinal() < 1 || cmd.congressOrdinal() >= 100) {
            throw RuleViolation.invalid("invalid-ordinal", "R-02", "congressOrdinal");
        }
        int fullTerm = (cmd.term().endYear() - cmd.term().startYear()) * 12;
        if (fullTerm != 60) {
            // a term that was not five years was shifted by a recorded decision, within the profile's limit.
            if (cmd.termShift() == null || cmd.termShift().decision() == null || Text.isBlank(cmd.termShift().decision().number())
                    || Math.abs(cmd.termShift().months()) > profile.maxTermShiftMonths()) {
                throw RuleViolation.invalid("term-shift-required", "R-02", "termShift", profile.maxTermShiftMonths());
            }
        }
        if (cmd.holdings() == null || cmd.holdings().isEmpty()) {
            throw RuleViolation.invalid("missing-field", "R-03", "holdings").variant("holdings");
        }
        List<Holding> out = new ArrayList<>();
        int n = 0;
        for (ImportTermCommand.PastHolding p : cmd.holdings()) {
            if (p == null || Text.isBlank(p.personId()) || p.office() == null) {
                throw RuleViolation.invalid("missing-field", "R-03", "holdings").variant("holding-line");
            }
            LocalDate from = p.from() == null ? cmd.recognisedOn() : p.from();
            LocalDate to = p.to();
            HoldingEnd ended = p.ended();
            Decision endDecision = p.endDecision();
            if (to == null && successorStartedOn != null && from.isBefore(successorStartedOn)) {
                // a later term already took office; this one ended that day.
                to = successorStartedOn;
                ended = HoldingEnd.SUCCEEDED_ON_RECOGNITION;
            }
            if (to != null && !to.isAfter(from) || to != null && ended == null) {
                throw RuleViolation.invalid("invalid-period", "R-51", "holdings");
            }
            out.add(new Holding(cmd.leadershipId() + "/" + (++n), p.personId(), p.office(), HoldingStart.IMPORTED, from,
                    p.startDecision() == null ? cmd.recognition() : p.startDecision(), null, to, ended, endDecision));
        }
        apply(new LeadershipImported(cmd.leadershipId(), cmd.unitId(), cmd.term(), cmd.congressOrdinal(), cmd.congressDate(),
                cmd.seats(), branchUnit, cmd.termShift(), cmd.recognisedOn(), cmd.recognition(), profile, out, cmd.importedByUnitId()));
    }

    LeadershipAggregate(AppointProvisionalCommitteeCommand cmd, boolean branchUnit, RuleProfile profile) {
        requireDecision(cmd.decision(), "decision", "R-52");
        if (cmd.reason() == null || cmd.appointedOn() == null || cmd.term() == null) {
            throw RuleViolation.invalid("missing-field", "R-52", "reason").variant("provisional-appointment");
        }
        requireSeats(cmd.seats());
        if (cmd.members() == null || cmd.members().isEmpty() || cmd.members().stream().filter(m -> m.office() == Office.COMMITTEE_MEMBER).count() > cmd.seats()) {
            throw RuleViolation.invalid("invalid-members", "R-52", "members");
        }
        List<Holding> out = new ArrayList<>();
        int n = 0;
        for (AppointProvisionalCommitteeCommand.Appointee a : cmd.members()) {
            if (a == null || Text.isBlank(a.personId()) || a.office() == null) {
                throw RuleViolation.invalid("missing-field", "R-52", "members").variant("provisional-member-line");
            }
            out.add(new Holding(cmd.leadershipId() + "/" + (++n), a.personId(), a.office(), HoldingStart.PROVISIONAL,
                    cmd.appointedOn(), cmd.decision(), null, null, null, null));
        }
        apply(new ProvisionalCommitteeAppointed(cmd.leadershipId(), cmd.unitId(), cmd.term(), cmd.reason(), cmd.appointedOn(),
                cmd.decision(), cmd.seats(), branchUnit, profile, out, cmd.appointedByUnitId()));
    }

    // ---- recognition (R-03, R-42) ----------------------------------------------------------------------

    void recognise(RecogniseLeadershipCommand cmd) {
        requireDecision(cmd.decision(), "decision", "R-03");
        if (cmd.recognisedOn() == null) {
            throw RuleViolation.invalid("missing-field", "R-42", "recognisedOn").variant("recognised-on");
        }
        if (status != LeadershipStatus.SUBMITTED) {
            throw RuleViolation.conflict("not-awaiting-recognition", "R-03", "leadershipId");
        }
        apply(new LeadershipRecognised(leadershipId, unitId, cmd.recognisedOn(), cmd.decision(), cmd.recognisedByUnitId()));
    }

    @CommandHandler
    public void handle(RefuseRecognitionCommand cmd) {
        if (Text.isBlank(cmd.reason()) || cmd.refusedOn() == null) {
            throw RuleViolation.invalid("missing-field", "R-03", "reason").variant("refusal");
        }
        if (status != LeadershipStatus.SUBMITTED) {
            throw RuleViolation.conflict("not-awaiting-recognition", "R-03", "leadershipId");
        }
        apply(new LeadershipRecognitionRefused(leadershipId, unitId, cmd.refusedOn(), Text.clean(cmd.reason()), cmd.refusedByUnitId()));
    }

    /** a successor took office on {@code day}; every office of this term still held that day ends then. */
    void succeededOn(LocalDate day, Decision decision, String successorId) {
        List<String> ending = holdings.values().stream()
                .filter(h -> h.open() && h.startedOn().isBefore(day)).map(Holding::holdingId).toList();
        if (!ending.isEmpty()) {
            apply(new OfficesEnded(leadershipId, unitId, null, ending, day, HoldingEnd.SUCCEEDED_ON_RECOGNITION, decision, successorId));
        }
    }

    // ---- during the term (R-50 to R-53) ------------------------------------------------------------------

    @CommandHandler
    public void handle(EndOfficeCommand cmd) {
        requireInOffice();
        requireDecision(cmd.decision(), "decision", "R-51");
        if (cmd.how() == null || !cmd.how().personal() || cmd.endedOn() == null || Text.isBlank(cmd.personId())) {
            throw RuleViolation.invalid("invalid-ending", "R-51", "how");
        }
        List<Holding> his = holdings.values().stream()
                .filter(h -> h.open() && h.personId().equals(cmd.personId()) && (cmd.office() == null || h.office() == cmd.office()))
                .toList();
        if (his.isEmpty()) {
            throw RuleViolation.notFound("no-such-office", "personId");
        }
        if (his.stream().anyMatch(h -> cmd.endedOn().isBefore(h.startedOn()))) {
            throw RuleViolation.invalid("ends-before-start", "R-51", "endedOn");
        }
        // Leaving the committee ends every office held from it.
        boolean leavesCommittee = his.stream().anyMatch(h -> h.office() == Office.COMMITTEE_MEMBER);
        List<String> ending = holdings.values().stream()
                .filter(h -> h.open() && h.personId().equals(cmd.personId())
                        && (his.contains(h) || leavesCommittee && h.office().heldFromTheCommittee()))
                .map(Holding::holdingId).toList();
        apply(new OfficesEnded(leadershipId, unitId, cmd.personId(), ending, cmd.endedOn(), cmd.how(), cmd.decision(), null));
    }

    /** the elected of a counted by-election of this unit take office. */
    void fillByElection(FillVacancyByElectionCommand cmd, ElectionFacts facts, UnitDirectory units) {
        requireInOffice();
        Office office = facts.body() == null ? null : Slate.officeOf(facts.body());
        if (!unitId.equals(facts.unitId())) {
            throw RuleViolation.conflict("election-of-another-unit", "R-50", "electionId");
        }
        if (office == null) {
            throw RuleViolation.invalid("not-an-office", "R-50", "electionId").variant("election");
        }
        if (facts.roundOpen() || facts.electedPersonIds().isEmpty()) {
            throw RuleViolation.conflict("election-not-counted", "R-50", "electionId");
        }
        if (elections.contains(facts.electionId())) {
            throw RuleViolation.conflict("election-already-used", "R-50", "electionId");
        }
        fill(facts.electedPersonIds(), office, HoldingStart.BY_ELECTION, cmd.startedOn(), cmd.decision(), facts.electionId(), cmd.consent(),
                cmd.consentedByUnitId(), units);
    }

    @CommandHandler
    public void handle(AppointToOfficeCommand cmd, UnitDirectory units) {
        requireInOffice();
        requireDecision(cmd.decision(), "decision", "R-50");
        if (Text.isBlank(cmd.personId()) || cmd.office() == null) {
            throw RuleViolation.invalid("missing-field", "R-50", "personId").variant("holding-person-and-office");
        }
        fill(List.of(cmd.personId()), cmd.office(), HoldingStart.APPOINTED, cmd.startedOn(), cmd.decision(), null, cmd.consent(),
                cmd.consentedByUnitId(), units);
    }

    private void fill(List<String> persons, Office office, HoldingStart how, LocalDate on, Decision decision, String electionId, Decision consent,
                      String consentedByUnitId, UnitDirectory units) {
        if (on == null) {
            throw RuleViolation.invalid("missing-field", "R-50", "startedOn").variant("started-on");
        }
        requireUpperLevel(consent, consentedByUnitId, on, units, "R-50");
        if (on.isBefore(startedOn)) {
            throw RuleViolation.invalid("starts-before-term", "R-50", "startedOn");
        }
        Set<String> members = openHolders(Office.COMMITTEE_MEMBER);
        for (String p : persons) {
            if (openHolders(office).contains(p)) {
                throw RuleViolation.conflict("already-holds-office", "R-50", "personId");
            }
            if (office.heldFromTheCommittee() && !members.contains(p)) {
                throw RuleViolation.conflict("office-outside-committee", "R-41", "personId", office);
            }
        }
        boolean addition = office == Office.COMMITTEE_MEMBER;
        if (addition) {
            if (members.size() + persons.size() > seats) {
                throw RuleViolation.conflict("no-vacancy", "R-50", "seats", members.size(), seats);
            }
            AdditionsCap.check(profile, branchUnit, seats, additions, persons.size(), consent);
        }
        int n = numbered;
        for (String p : persons) {
            Holding h = new Holding(leadershipId + "/" + (++n), p, office, how, on, decision, electionId, null, null, null);
            apply(new OfficeFilled(leadershipId, unitId, h, addition, consent));
        }
    }

    /** consent only when more than half the seats are vacant or the congress's tasks changed fundamentally. */
    @CommandHandler
    public void handle(ApproveExtraordinaryCongressCommand cmd, UnitDirectory units) {
        requireInOffice();
        requireDecision(cmd.consent(), "consent", "R-53");
        if (cmd.grounds() == null || cmd.approvedOn() == null) {
            throw RuleViolation.invalid("missing-field", "R-53", "grounds").variant("extraordinary-grounds");
        }
        requireUpperLevel(cmd.consent(), cmd.consentedByUnitId(), cmd.approvedOn(), units, "R-53");
        int vacant = seats - openHolders(Office.COMMITTEE_MEMBER).size();
        if (cmd.grounds() == ExtraordinaryGrounds.MORE_THAN_HALF_SEATS_VACANT && 2 * vacant <= seats) {
            throw RuleViolation.conflict("not-enough-vacancies", "R-53", "grounds", vacant, seats);
        }
        apply(new ExtraordinaryCongressApproved(leadershipId, unitId, cmd.grounds(), seats, vacant, cmd.approvedOn(), cmd.consent()));
    }

    /**
     * the upper level's consent is a decision of the unit directly above this leadership's unit on the day
     * it takes effect — not of the unit itself, a sibling, or a level further up (ADR 0029). Who gave it is set by the
     * application from the sender's grant, so a decision number alone, typed by anyone, no longer passes.
     */
    private void requireUpperLevel(Decision consent, String consentedByUnitId, LocalDate on, UnitDirectory units, String rule) {
        if (consent == null) return;
        String upper = units.find(unitId).map(u -> u.parentOn(on)).orElse(null);
        if (upper == null || !upper.equals(consentedByUnitId)) {
            throw RuleViolation.conflict("consent-not-from-upper-level", rule, "consent");
        }
    }

    private Set<String> openHolders(Office office) {
        Set<String> out = new HashSet<>();
        holdings.values().stream().filter(h -> h.open() && h.office() == office).forEach(h -> out.add(h.personId()));
        return out;
    }

    private void requireInOffice() {
        if (status == null || !status.inOffice()) {
            throw RuleViolation.conflict("not-in-office", "R-42", "leadershipId");
        }
    }

    private static void requireDecision(Decision d, String field, String rule) {
        if (d == null || Text.isBlank(d.number())) {
            throw RuleViolation.invalid("decision-required", rule, field);
        }
    }

    private static void requireSeats(int seats) {
        if (seats < 1 || seats > 200) {
            throw RuleViolation.invalid("invalid-seats", "R-15", "seats").variant("committee");
        }
    }

    public String unitId() { return unitId; }
    public Term term() { return term; }
    public LeadershipStatus status() { return status; }
    public LocalDate startedOn() { return startedOn; }

    // ---- state -----------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(LeadershipSubmitted e) {
        leadershipId = e.leadershipId();
        unitId = e.unitId();
        term = e.term();
        seats = e.seats();
        branchUnit = e.branchUnit();
        profile = e.profile();
        status = LeadershipStatus.SUBMITTED;
        holdings.clear();
        elections.clear();
        elections.addAll(e.electionIds());
        e.proposed().forEach(this::put);
    }

    @EventSourcingHandler
    void on(LeadershipRecognised e) {
        status = LeadershipStatus.RECOGNISED;
        startedOn = e.recognisedOn();
        holdings.replaceAll((id, h) -> h.startingOn(e.recognisedOn(), e.decision()));
    }

    @EventSourcingHandler
    void on(LeadershipRecognitionRefused e) {
        status = LeadershipStatus.REFUSED;
    }

    @EventSourcingHandler
    void on(LeadershipImported e) {
        beginInOffice(e.leadershipId(), e.unitId(), e.term(), e.seats(), e.branchUnit(), e.profile(), LeadershipStatus.IMPORTED,
                e.recognisedOn(), e.holdings());
    }

    @EventSourcingHandler
    void on(ProvisionalCommitteeAppointed e) {
        beginInOffice(e.leadershipId(), e.unitId(), e.term(), e.seats(), e.branchUnit(), e.profile(), LeadershipStatus.PROVISIONAL,
                e.appointedOn(), e.holdings());
    }

    /** An imported or provisional leadership is in office from its first event. */
    private void beginInOffice(String id, String unit, Term t, int seatCount, boolean branch,
                               RuleProfile rules, LeadershipStatus s, LocalDate from, List<Holding> in) {
        leadershipId = id;
        unitId = unit;
        term = t;
        seats = seatCount;
        branchUnit = branch;
        profile = rules;
        status = s;
        startedOn = from;
        in.forEach(this::put);
    }

    @EventSourcingHandler
    void on(OfficesEnded e) {
        e.holdingIds().forEach(id -> holdings.computeIfPresent(id, (k, h) -> h.endingOn(e.endedOn(), e.how(), e.decision())));
    }

    @EventSourcingHandler
    void on(OfficeFilled e) {
        put(e.holding());
        if (e.addition()) additions++;
        if (e.holding().electionId() != null) elections.add(e.holding().electionId());
    }

    @EventSourcingHandler
    void on(ExtraordinaryCongressApproved e) {
        // consent is on record; the extraordinary congress itself is convened as any congress
    }

    private void put(Holding h) {
        holdings.put(h.holdingId(), h);
        numbered++;
    }
}
