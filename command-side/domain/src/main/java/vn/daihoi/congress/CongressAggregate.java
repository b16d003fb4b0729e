package vn.daihoi.congress;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.common.Text;
import vn.daihoi.delegate.AddDelegateCommand;
import vn.daihoi.delegate.AttendanceCorrected;
import vn.daihoi.delegate.CheckInDelegateCommand;
import vn.daihoi.delegate.CheckOutDelegateCommand;
import vn.daihoi.delegate.CorrectAttendanceCommand;
import vn.daihoi.delegate.CredentialsReportRecorded;
import vn.daihoi.delegate.DelegateBasis;
import vn.daihoi.delegate.DelegateCategory;
import vn.daihoi.delegate.DelegateCheckedIn;
import vn.daihoi.delegate.DelegateCheckedOut;
import vn.daihoi.delegate.DelegateReplaced;
import vn.daihoi.delegate.DelegateSummoned;
import vn.daihoi.delegate.IssuedCredential;
import vn.daihoi.delegate.RecordCredentialsReportCommand;
import vn.daihoi.delegate.ReissueVotingCredentialCommand;
import vn.daihoi.delegate.ReplaceDelegateCommand;
import vn.daihoi.delegate.RevokeVotingCredentialCommand;
import vn.daihoi.delegate.VotingCredentialIssued;
import vn.daihoi.delegate.VotingCredentialRevoked;
import vn.daihoi.delegate.DelegateIds;
import vn.daihoi.delegate.ImportDelegatesCommand;
import vn.daihoi.delegate.SendElectedDelegatesCommand;
import vn.daihoi.delegate.SummonElectedCommitteeCommand;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectedPeople;
import vn.daihoi.election.ElectionFacts;
import vn.daihoi.organisation.UnitDirectory;
import vn.daihoi.person.PersonAggregate;
import vn.daihoi.person.PersonDirectory;
import vn.daihoi.person.PersonalDataVault;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * One congress of one unit for one term: its roll, attendance and quorum and the
 * decisions it takes by show of hands, all under the rule profile it was convened with.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
@org.axonframework.serialization.Revision("1") // its snapshots' shape (common.infra.Snapshots)
public class CongressAggregate {

    @AggregateIdentifier
    private String congressId;
    private CongressKind kind;
    private CongressStatus status;
    private RuleProfile profile;
    private final Roll roll = new Roll();
    private final Set<String> decisionIds = new HashSet<>();
    private final Set<String> countingCommittee = new HashSet<>();
    private final Set<String> candidateList = new HashSet<>();
    private String unitId;
    private Term term;
    private java.time.LocalDate date;
    private MeetingPurpose purpose;
    private String ofCongressId;

    protected CongressAggregate() {
        // for event sourcing
    }

    // ---- convening (R-10) ---------------------------------------------------------------------------

    @CommandHandler
    public CongressAggregate(ConveneCongressCommand cmd, UnitDirectory units, CongressDirectory congresses,
                             PersonDirectory persons) {
        require(!Text.isBlank(cmd.congressId()), () -> RuleViolation.invalid("missing-field", null, "congressId").variant("congress-id"));
        require(cmd.kind() != null, () -> RuleViolation.invalid("missing-field", "R-10", "kind").variant("congress-kind"));
        if (cmd.kind().isMeeting()) {
            conveneMeeting(cmd, units, congresses, persons);
            return;
        }
        require(cmd.ordinal() >= 1 && cmd.ordinal() < 100, () -> RuleViolation.invalid("invalid-ordinal", "R-02", "ordinal"));
        require(cmd.date() != null, () -> RuleViolation.invalid("missing-field", "R-10", "date").variant("congress-date"));
        require(!Text.isBlank(cmd.venue()), () -> RuleViolation.invalid("missing-field", "R-10", "venue").variant("congress-venue"));
        require(cmd.announcedSeats() >= 1 && cmd.announcedSeats() <= 200,
                () -> RuleViolation.invalid("invalid-seats", "R-10", "announcedSeats").variant("announced"));
        require(cmd.purpose() == null && cmd.ofCongressId() == null && cmd.convenerPersonId() == null,
                () -> RuleViolation.invalid("not-a-meeting", "R-10", "purpose"));
        RuleProfile rules = profileOf(cmd);
        requireTerm(cmd.term(), cmd.termShift(), rules);
        UnitDirectory.Entry unit = activeUnit(cmd, units);
        if (cmd.pilot()) requirePilotChooser(cmd, units, unit);
        congresses.openCongress(cmd.unitId(), cmd.term().startYear()).ifPresent(other -> {
            throw RuleViolation.conflict("open-congress-exists", "R-10", "term", cmd.term().label());
        });
        if (congresses.ordinalTaken(cmd.unitId(), cmd.ordinal())) {
            throw RuleViolation.conflict("congress-ordinal-taken", "R-02", "ordinal", Roman.of(cmd.ordinal()));
        }
        apply(new CongressConvened(cmd.congressId(), cmd.unitId(), cmd.ordinal(), cmd.term(), cmd.kind(), cmd.pilot(),
                cmd.pilot() ? cmd.pilotChosenByUnitId() : null, cmd.date(), cmd.venue(), cmd.announcedSeats(), rules,
                cmd.termShift(), cmd.decision()));
    }

    /**
     * ADR 0009: a committee meeting is convened like a congress but has no ordinal and no seats announced, and is
     * not "the" congress of its unit and term (several meetings per term are normal). R-41: a first meeting names
     * the congress that elected the committee (same unit, same term) and the member named to convene it.
     */
    private void conveneMeeting(ConveneCongressCommand cmd, UnitDirectory units, CongressDirectory congresses,
                                PersonDirectory persons) {
        require(cmd.purpose() != null, () -> RuleViolation.invalid("missing-field", "R-41", "purpose").variant("meeting-purpose"));
        require(cmd.date() != null, () -> RuleViolation.invalid("missing-field", "R-41", "date").variant("meeting-date"));
        require(!Text.isBlank(cmd.venue()), () -> RuleViolation.invalid("missing-field", "R-41", "venue").variant("meeting-venue"));
        require(!cmd.pilot(), () -> RuleViolation.invalid("meeting-not-pilot", "R-10", "pilot"));
        RuleProfile rules = profileOf(cmd);
        requireTerm(cmd.term(), cmd.termShift(), rules);
        activeUnit(cmd, units);
        boolean first = cmd.purpose() == MeetingPurpose.FIRST_MEETING;
        if (first) {
            require(!Text.isBlank(cmd.ofCongressId()),
                    () -> RuleViolation.invalid("missing-field", "R-41", "ofCongressId").variant("first-meeting-congress"));
            require(!Text.isBlank(cmd.convenerPersonId()),
                    () -> RuleViolation.invalid("missing-field", "R-41", "convenerPersonId").variant("first-meeting-convener"));
        }
        if (!Text.isBlank(cmd.ofCongressId())) {
            CongressDirectory.Known of = congresses.find(cmd.ofCongressId()).orElseThrow(
                    () -> RuleViolation.invalid("unknown-congress", "R-41", "ofCongressId").variant("electing-congress"));
            require(of.unitId().equals(cmd.unitId()) && !of.cancelled(),
                    () -> RuleViolation.invalid("of-congress-of-another-unit", "R-41", "ofCongressId"));
            require(!first || of.termStartYear() == cmd.term().startYear(),
                    () -> RuleViolation.invalid("of-congress-of-another-term", "R-41", "term"));
        }
        if (!Text.isBlank(cmd.convenerPersonId())) {
            require(persons.exists(cmd.convenerPersonId()),
                    () -> RuleViolation.invalid("unknown-person", "R-41", "convenerPersonId").variant("convener"));
        }
        apply(new CongressConvened(cmd.congressId(), cmd.unitId(), 0, cmd.term(), cmd.kind(), false, null, cmd.date(),
                cmd.venue(), 0, rules, cmd.termShift(), cmd.decision(), cmd.purpose(),
                Text.isBlank(cmd.ofCongressId()) ? null : cmd.ofCongressId(),
                Text.isBlank(cmd.convenerPersonId()) ? null : cmd.convenerPersonId()));
    }

    private static RuleProfile profileOf(ConveneCongressCommand cmd) {
        return RuleProfiles.byId(cmd.profileId() == null ? RuleProfiles.UNION_DEFAULT.id() : cmd.profileId())
                .orElseThrow(() -> RuleViolation.invalid("unknown-rule-profile", null, "profileId", cmd.profileId()));
    }

    private static UnitDirectory.Entry activeUnit(ConveneCongressCommand cmd, UnitDirectory units) {
        UnitDirectory.Entry unit = units.find(cmd.unitId()).orElseThrow(
                () -> RuleViolation.invalid("unknown-unit", "R-10", "unitId").variant("congress-holder"));
        require(unit.activeOn(cmd.date()), () -> RuleViolation.invalid("unit-not-active", "R-10", "unitId"));
        return unit;
    }

    /** five years, unless a recorded decision of the upper level shifts the term within the profile's limit. */
    private static void requireTerm(Term term, TermShift shift, RuleProfile rules) {
        require(term != null && term.startYear() >= 1945 && term.endYear() > term.startYear(),
                () -> RuleViolation.invalid("invalid-term", "R-02", "term"));
        int years = term.endYear() - term.startYear();
        if (years == 5) return;
        require(shift != null && shift.decision() != null && !Text.isBlank(shift.decision().number()),
                () -> RuleViolation.invalid("term-shift-needs-decision", "R-02", "termShift"));
        require(Math.abs(shift.months()) <= rules.maxTermShiftMonths() && Math.abs(years * 12 - 60) <= rules.maxTermShiftMonths(),
                () -> RuleViolation.invalid("term-shift-too-long", "R-02", "termShift.months", rules.maxTermShiftMonths()));
    }

    /** A pilot congress is chosen by a unit above the one holding it. */
    private static void requirePilotChooser(ConveneCongressCommand cmd, UnitDirectory units, UnitDirectory.Entry unit) {
        require(!Text.isBlank(cmd.pilotChosenByUnitId()), () -> RuleViolation.invalid("pilot-needs-chooser", "R-10", "pilotChosenByUnitId"));
        String cursor = unit.parentOn(cmd.date());
        for (int depth = 0; cursor != null && depth < 64; depth++) {
            if (cursor.equals(cmd.pilotChosenByUnitId())) return;
            cursor = units.find(cursor).map(e -> e.parentOn(cmd.date())).orElse(null);
        }
        throw RuleViolation.invalid("pilot-chooser-not-above", "R-10", "pilotChosenByUnitId");
    }

    @CommandHandler
    public void handle(RescheduleCongressCommand cmd) {
        requireOpen();
        require(cmd.date() != null, () -> RuleViolation.invalid("missing-field", "R-10", "date").variant("congress-date"));
        require(!Text.isBlank(cmd.venue()), () -> RuleViolation.invalid("missing-field", "R-10", "venue").variant("venue"));
        apply(new CongressRescheduled(congressId, cmd.date(), cmd.venue(), cmd.reason()));
    }

    @CommandHandler
    public void handle(CancelCongressCommand cmd) {
        requireOpen();
        require(!Text.isBlank(cmd.reason()), () -> RuleViolation.invalid("missing-field", "R-10", "reason").variant("cancellation-reason"));
        apply(new CongressCancelled(congressId, cmd.reason()));
    }

    @CommandHandler
    public void handle(OpenCongressSessionCommand cmd) {
        if (status != CongressStatus.CONVENED) {
            throw RuleViolation.conflict("congress-not-convened", "R-10", "status");
        }
        apply(new CongressSessionOpened(congressId));
    }

    @CommandHandler
    public void handle(CloseCongressCommand cmd) {
        requireInSession();
        apply(new CongressClosed(congressId));
    }

    // ---- the roll (R-11, R-12) ----------------------------------------------------------------------

    @CommandHandler
    public void handle(AddDelegateCommand cmd, PersonDirectory persons) {
        require(!Text.isBlank(cmd.personId()) && persons.exists(cmd.personId()),
                () -> RuleViolation.invalid("unknown-person", "R-11", "personId").variant("delegate"));
        summon(cmd.delegateId(), cmd.personId(), cmd.code(), cmd.category(), cmd.basis(), cmd.position(), null);
    }

    /**
     * a roll imported in one transaction. Rows already on the roll (same code) are skipped, so importing the
     * same file twice adds nothing; any other refusal rolls the whole import back, so no row is half-imported. A row
     * bringing a new person registers him as a new person aggregate in the same unit of work.
     */
    @CommandHandler
    public ImportDelegatesCommand.Result handle(ImportDelegatesCommand cmd, PersonDirectory persons, PersonalDataVault vault)
            throws Exception {
        List<Integer> added = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        for (ImportDelegatesCommand.Row row : cmd.rows()) {
            if (roll.codes.contains(Roll.codeKey(row.code()))) {
                skipped.add(row.line());
                continue;
            }
            if (row.newPerson() != null) {
                createNew(PersonAggregate.class, () -> new PersonAggregate(row.personId(), row.newPerson(), vault));
            } else if (!persons.exists(row.personId())) {
                throw RuleViolation.invalid("unknown-person", "R-11", "rows[" + row.line() + "].personId", row.line()).variant("import-row");
            }
            summon(row.delegateId(), row.personId(), row.code(), row.category(), row.basis(), row.position(), null);
            added.add(row.line());
        }
        return new ImportDelegatesCommand.Result(added, skipped);
    }

    /**
     * a first meeting summons, as voting members, everyone its congress elected to the executive committee
     * (read from the election lookup, never by loading the elections). People already on the roll are left as they are.
     */
    @CommandHandler
    public SummonElectedCommitteeCommand.Result handle(SummonElectedCommitteeCommand cmd, ElectedPeople elected) {
        if (!isFirstMeeting() || ofCongressId == null) {
            throw RuleViolation.conflict("not-a-first-meeting", "R-41", "meetingId");
        }
        ElectedPeople.Body committee = elected.of(ofCongressId, ElectedBody.EXECUTIVE_COMMITTEE);
        if (committee.isEmpty()) {
            throw RuleViolation.conflict("committee-not-elected", "R-41", "ofCongressId");
        }
        List<String> added = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (ElectedPeople.Member member : committee.members()) {
            String delegateId = summonElected(member.personId(), "BCH", DelegateCategory.DELEGATE, DelegateBasis.MEMBER,
                    "Ủy viên Ban Chấp hành", member.electionId());
            if (delegateId == null) present.add(member.personId());
            else added.add(delegateId);
        }
        return new SummonElectedCommitteeCommand.Result(committee.members().get(0).electionId(), added, present);
    }

    /**
     * the people a counted election of delegates (or alternates) to this congress elected at the congress
     * of a unit directly below, for the same term, join this roll. Sending again adds nobody twice.
     */
    @CommandHandler
    public SendElectedDelegatesCommand.Result handle(SendElectedDelegatesCommand cmd, ElectedPeople elected, Assemblies assemblies,
                                                     UnitDirectory units) {
        ElectionFacts election = elected.facts(cmd.electionId())
                .orElseThrow(() -> RuleViolation.notFound("unknown-election", "electionId"));
        if (election.body() != ElectedBody.UPPER_CONGRESS_DELEGATES && election.body() != ElectedBody.UPPER_CONGRESS_ALTERNATES) {
            throw RuleViolation.invalid("not-an-upper-delegates-election", "R-23", "electionId");
        }
        if (election.roundOpen()) {
            throw RuleViolation.conflict("round-open", "R-28", "electionId").variant("election");
        }
        if (election.electedPersonIds().isEmpty()) {
            throw RuleViolation.conflict("nobody-elected", "R-26", "electionId");
        }
        if (isMeeting()) {
            throw RuleViolation.conflict("upper-congress-is-a-meeting", "R-23", "upperCongressId");
        }
        String parent = units.find(election.unitId()).map(e -> e.parentOn(date)).orElse(null);
        if (!Objects.equals(parent, unitId)) {
            throw RuleViolation.conflict("upper-congress-not-of-parent-unit", "R-01", "upperCongressId");
        }
        Term electingTerm = assemblies.find(election.congressId()).map(Assemblies.Assembly::term).orElse(null);
        if (!Objects.equals(electingTerm, term)) {
            throw RuleViolation.conflict("upper-congress-of-another-term", "R-02", "upperCongressId");
        }
        boolean official = election.body() == ElectedBody.UPPER_CONGRESS_DELEGATES;
        DelegateCategory category = official ? DelegateCategory.DELEGATE : DelegateCategory.ALTERNATE;
        List<String> added = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (String personId : election.electedPersonIds()) {
            String delegateId = summonElected(personId, official ? "DB" : "DK", category, DelegateBasis.ELECTED, null,
                    election.electionId());
            if (delegateId == null) present.add(personId);
            else added.add(delegateId);
        }
        return new SendElectedDelegatesCommand.Result(election.electionId(), category, added, present);
    }

    /** Summons the person under a code of his own, or answers null when he is already on the roll. */
    private String summonElected(String personId, String prefix, DelegateCategory category, DelegateBasis basis, String position,
                                 String electionId) {
        if (roll.persons.contains(personId)) return null;
        String compact = personId.replace("-", "").toUpperCase(Locale.ROOT);
        String base = prefix + "-" + (compact.length() <= 10 ? compact : compact.substring(0, 10));
        String code = base;
        for (int n = 2; roll.codes.contains(Roll.codeKey(code)); n++) code = base + "-" + n;
        String delegateId = DelegateIds.of(congressId, code);
        summon(delegateId, personId, code, category, basis, position, electionId);
        return delegateId;
    }

    /** The rules of R-11 for one line of the roll; a person sent by an election ({@code fromElectionId}). */
    private void summon(String delegateId, String personId, String code, DelegateCategory category, DelegateBasis basis,
                       String position, String fromElectionId) {
        requireOpen();
        require(!Text.isBlank(delegateId), () -> RuleViolation.invalid("missing-field", null, "delegateId").variant("delegate-id"));
        require(!Text.isBlank(code) && code.length() <= 40, () -> RuleViolation.invalid("invalid-delegate-code", "R-11", "code"));
        require(category != null, () -> RuleViolation.invalid("missing-field", "R-11", "category").variant("delegate-category"));
        if (roll.codes.contains(Roll.codeKey(code))) {
            throw RuleViolation.conflict("delegate-code-taken", "R-11", "code", code);
        }
        if (roll.persons.contains(personId)) {
            throw RuleViolation.conflict("person-already-on-roll", "R-11", "personId");
        }
        require(roll.seat(delegateId) == null, () -> RuleViolation.invalid("delegate-id-taken", null, "delegateId"));
        apply(new DelegateSummoned(congressId, delegateId, personId, code, category,
                basis != null || category == DelegateCategory.GUEST ? basis
                        : kind == CongressKind.ALL_MEMBER || kind == CongressKind.COMMITTEE_MEETING ? DelegateBasis.MEMBER
                        : DelegateBasis.ELECTED, position, fromElectionId));
    }

    @CommandHandler
    public void handle(ReplaceDelegateCommand cmd) {
        requireOpen();
        Roll.Seat seat = requireSeat(cmd.delegateId(), "delegateId");
        Roll.Seat alternate = requireSeat(cmd.alternateId(), "alternateId");
        require(!Text.isBlank(cmd.reason()), () -> RuleViolation.invalid("missing-field", "R-11", "reason").variant("replacement-reason"));
        if (seat.category != DelegateCategory.DELEGATE || seat.replaced) {
            throw RuleViolation.conflict("not-a-seated-delegate", "R-11", "delegateId");
        }
        if (alternate.category != DelegateCategory.ALTERNATE || alternate.replacing) {
            throw RuleViolation.conflict("not-a-free-alternate", "R-11", "alternateId");
        }
        if (seat.credentialId != null) {
            apply(new VotingCredentialRevoked(congressId, cmd.delegateId(), seat.credentialId, "replaced"));
        }
        apply(new DelegateReplaced(congressId, cmd.delegateId(), cmd.alternateId(), cmd.reason()));
    }

    @CommandHandler
    public void handle(RecordCredentialsReportCommand cmd) {
        requireOpen();
        if (kind != CongressKind.DELEGATE) {
            throw RuleViolation.conflict("credentials-report-for-delegate-congress", "R-12", "congressId");
        }
        Set<String> rejected = new LinkedHashSet<>();
        for (RecordCredentialsReportCommand.Rejection r : cmd.rejected()) {
            requireSeat(r.delegateId(), "rejected.delegateId");
            require(!Text.isBlank(r.reason()),
                    () -> RuleViolation.invalid("missing-field", "R-12", "rejected.reason").variant("credentials-rejection-reason"));
            rejected.add(r.delegateId());
        }
        for (String id : rejected) {
            Roll.Seat s = roll.seat(id);
            if (s.credentialId != null) {
                apply(new VotingCredentialRevoked(congressId, id, s.credentialId, "credentials rejected"));
            }
        }
        Attendance after = roll.attendanceWithout(rejected, profile.quorum());
        apply(new CredentialsReportRecorded(congressId, after.summoned(), cmd.rejected(), cmd.notes(), after));
    }

    // ---- attendance (R-13) --------------------------------------------------------------------------

    @CommandHandler
    public void handle(CheckInDelegateCommand cmd) {
        requireOpen();
        Roll.Seat seat = requireSeat(cmd.delegateId(), "delegateId");
        if (seat.present) {
            throw RuleViolation.conflict("already-checked-in", "R-13", "delegateId");
        }
        apply(new DelegateCheckedIn(congressId, cmd.delegateId(), attendanceWith(seat, true)));
        if (seat.votes() && seat.credentialId == null) issue(cmd.delegateId(), cmd.credential());
    }

    @CommandHandler
    public void handle(CheckOutDelegateCommand cmd) {
        requireOpen();
        Roll.Seat seat = requireSeat(cmd.delegateId(), "delegateId");
        if (!seat.present) {
            throw RuleViolation.conflict("not-checked-in", "R-13", "delegateId");
        }
        apply(new DelegateCheckedOut(congressId, cmd.delegateId(), attendanceWith(seat, false)));
    }

    @CommandHandler
    public void handle(CorrectAttendanceCommand cmd) {
        requireOpen();
        Roll.Seat seat = requireSeat(cmd.delegateId(), "delegateId");
        require(!Text.isBlank(cmd.reason()), () -> RuleViolation.invalid("missing-field", "R-13", "reason").variant("attendance-correction-reason"));
        if (seat.present == cmd.present()) {
            throw RuleViolation.conflict("attendance-unchanged", "R-13", "present");
        }
        apply(new AttendanceCorrected(congressId, cmd.delegateId(), cmd.present(), cmd.reason(), attendanceWith(seat, cmd.present())));
    }

    @CommandHandler
    public void handle(ReissueVotingCredentialCommand cmd) {
        requireOpen();
        Roll.Seat seat = requireSeat(cmd.delegateId(), "delegateId");
        requireVoterPresent(seat);
        if (seat.credentialId != null) {
            apply(new VotingCredentialRevoked(congressId, cmd.delegateId(), seat.credentialId, "reissued"));
        }
        issue(cmd.delegateId(), cmd.credential());
    }

    @CommandHandler
    public void handle(RevokeVotingCredentialCommand cmd) {
        Roll.Seat seat = requireSeat(cmd.delegateId(), "delegateId");
        if (seat.credentialId == null) {
            throw RuleViolation.conflict("no-credential", "R-13", "delegateId");
        }
        apply(new VotingCredentialRevoked(congressId, cmd.delegateId(), seat.credentialId,
                Text.isBlank(cmd.reason()) ? "revoked" : cmd.reason()));
    }

    private void requireVoterPresent(Roll.Seat seat) {
        if (!seat.votes()) {
            throw RuleViolation.conflict("not-a-voter", "R-11", "delegateId");
        }
        if (!seat.present) {
            throw RuleViolation.conflict("not-checked-in", "R-13", "delegateId");
        }
    }

    private void issue(String delegateId, IssuedCredential credential) {
        if (credential == null || Text.isBlank(credential.credentialId()) || credential.codeHash() == null) {
            throw RuleViolation.invalid("missing-credential", "R-13", "credential");
        }
        apply(new VotingCredentialIssued(congressId, delegateId, credential.credentialId()));
    }

    /** The attendance as it will be once this delegate's presence is {@code present}. */
    private Attendance attendanceWith(Roll.Seat seat, boolean present) {
        boolean was = seat.present;
        seat.present = present;
        try {
            return roll.attendance(profile.quorum());
        } finally {
            seat.present = was;
        }
    }

    /** attendance and quorum right now, in exact arithmetic. */
    private Attendance attendance() {
        return roll.attendance(profile.quorum());
    }

    // ---- show-of-hands decisions (R-14, R-15) ---------------------------------------------------------

    @CommandHandler
    public void handle(RecordShowOfHandsDecisionCommand cmd) {
        requireInSession();
        require(!Text.isBlank(cmd.decisionId()) && !decisionIds.contains(cmd.decisionId()),
                () -> RuleViolation.invalid("decision-id-taken", null, "decisionId"));
        require(cmd.subject() != null, () -> RuleViolation.invalid("missing-field", "R-15", "subject").variant("decision-subject"));
        require(cmd.votesFor() >= 0 && cmd.votesAgainst() >= 0 && cmd.abstentions() >= 0,
                () -> RuleViolation.invalid("negative-votes", "R-15", "votesFor"));
        Attendance now = attendance();
        if (!now.quorumMet()) {
            throw RuleViolation.conflict("quorum-not-met", "R-13", "attendance", now.present(), now.summoned(),
                    profile.quorum()).variant("show-of-hands");
        }
        long cast = (long) cmd.votesFor() + cmd.votesAgainst() + cmd.abstentions();
        if (!now.admitsHands(cast)) {
            throw RuleViolation.invalid("votes-exceed-present", "R-15", "votesFor", cast, now.present());
        }
        Set<String> people = new LinkedHashSet<>(cmd.personIds());
        require(people.size() == cmd.personIds().size(), () -> RuleViolation.invalid("duplicate-person", null, "personIds"));
        if (cmd.subject().electsBody() || cmd.subject() == DecisionSubject.CANDIDATE_LIST) {
            require(!people.isEmpty(), () -> RuleViolation.invalid("missing-field", "R-14", "personIds").variant("person-ids"));
        }
        if (cmd.subject() == DecisionSubject.COMMITTEE_SIZE) {
            require(cmd.seats() != null && cmd.seats() >= 1 && cmd.seats() <= 200,
                    () -> RuleViolation.invalid("invalid-seats", "R-15", "seats").variant("committee-size"));
        }
        if (cmd.subject() == DecisionSubject.COUNTING_COMMITTEE) {
            people.stream().filter(candidateList::contains).findFirst().ifPresent(p -> {
                throw RuleViolation.conflict("counting-member-is-candidate", "R-14", "personIds");
            });
        }
        if (cmd.subject() == DecisionSubject.CANDIDATE_LIST) {
            people.stream().filter(countingCommittee::contains).findFirst().ifPresent(p -> {
                throw RuleViolation.conflict("candidate-on-counting-committee", "R-14", "personIds");
            });
        }
        boolean passed = profile.showOfHandsPasses(cmd.votesFor(), now.present());
        apply(new ShowOfHandsDecisionRecorded(congressId, cmd.decisionId(), cmd.subject(), cmd.title(), List.copyOf(people),
                cmd.seats(), cmd.votesFor(), cmd.votesAgainst(), cmd.abstentions(), now, passed));
    }

    // ---- shared checks ------------------------------------------------------------------------------

    private Roll.Seat requireSeat(String delegateId, String field) {
        Roll.Seat seat = delegateId == null ? null : roll.seat(delegateId);
        if (seat == null) {
            throw RuleViolation.notFound("unknown-delegate", field).variant("on-roll");
        }
        return seat;
    }

    private void requireOpen() {
        if (!status.open()) {
            throw RuleViolation.conflict("congress-not-open", "R-10", "status");
        }
    }

    private void requireInSession() {
        if (status != CongressStatus.IN_SESSION) {
            throw RuleViolation.conflict("congress-not-in-session", "R-15", "status");
        }
    }

    private static void require(boolean ok, Supplier<RuleViolation> violation) {
        if (!ok) throw violation.get();
    }

    private boolean isMeeting() {
        return kind != null && kind.isMeeting();
    }

    private boolean isFirstMeeting() {
        return isMeeting() && purpose == MeetingPurpose.FIRST_MEETING;
    }

    // ---- state --------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(CongressConvened e) {
        congressId = e.congressId();
        unitId = e.unitId();
        kind = e.kind();
        status = CongressStatus.CONVENED;
        profile = e.profile();
        term = e.term();
        date = e.date();
        purpose = e.purpose();
        ofCongressId = e.ofCongressId();
    }

    @EventSourcingHandler
    void on(CongressRescheduled e) {
        date = e.date();
    }

    @EventSourcingHandler
    void on(CongressCancelled e) {
        status = CongressStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(CongressSessionOpened e) {
        status = CongressStatus.IN_SESSION;
    }

    @EventSourcingHandler
    void on(CongressClosed e) {
        status = CongressStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(DelegateSummoned e) {
        Roll.Seat s = new Roll.Seat();
        s.personId = e.personId();
        s.category = e.category();
        roll.seats.put(e.delegateId(), s);
        roll.codes.add(Roll.codeKey(e.code()));
        roll.persons.add(e.personId());
    }

    @EventSourcingHandler
    void on(DelegateReplaced e) {
        roll.seat(e.delegateId()).replaced = true;
        roll.seat(e.alternateId()).replacing = true;
    }

    @EventSourcingHandler
    void on(CredentialsReportRecorded e) {
        e.rejected().forEach(r -> roll.seat(r.delegateId()).rejected = true);
    }

    @EventSourcingHandler
    void on(DelegateCheckedIn e) {
        roll.seat(e.delegateId()).present = true;
    }

    @EventSourcingHandler
    void on(DelegateCheckedOut e) {
        roll.seat(e.delegateId()).present = false;
    }

    @EventSourcingHandler
    void on(AttendanceCorrected e) {
        roll.seat(e.delegateId()).present = e.present();
    }

    @EventSourcingHandler
    void on(VotingCredentialIssued e) {
        roll.seat(e.delegateId()).credentialId = e.credentialId();
    }

    @EventSourcingHandler
    void on(VotingCredentialRevoked e) {
        Roll.Seat s = roll.seat(e.delegateId());
        if (e.credentialId().equals(s.credentialId)) s.credentialId = null;
    }

    @EventSourcingHandler
    void on(ShowOfHandsDecisionRecorded e) {
        decisionIds.add(e.decisionId());
        if (!e.passed()) return;
        switch (e.subject()) {
            case COUNTING_COMMITTEE -> {
                countingCommittee.clear();
                countingCommittee.addAll(e.personIds());
            }
            case CANDIDATE_LIST -> {
                candidateList.clear();
                candidateList.addAll(e.personIds());
            }
            default -> { }
        }
    }

}
