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
import vn.daihoi.delegate.VotingCredentialRegistry;
import vn.daihoi.delegate.VotingCredentialRevoked;
import vn.daihoi.organisation.UnitDirectory;
import vn.daihoi.person.PersonDirectory;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One congress of one unit for one term: its roll, attendance and quorum and the
 * decisions it takes by show of hands, all under the rule profile it was convened with.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
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
    private Integer approvedSeats;
    private int announcedSeats;
    private String unitId;
    private Term term;
    private java.time.LocalDate date;
    private MeetingPurpose purpose;
    private String ofCongressId;
    private final java.util.Map<String, DecisionFacts> decisions = new java.util.HashMap<>();

    /** What an election needs to know of a show-of-hands decision. */
    public record DecisionFacts(DecisionSubject subject, List<String> personIds, boolean passed) {}

    protected CongressAggregate() {
        // for event sourcing
    }

    // ---- convening (R-10) ---------------------------------------------------------------------------

    @CommandHandler
    public CongressAggregate(ConveneCongressCommand cmd, UnitDirectory units, CongressDirectory congresses,
                             PersonDirectory persons) {
        require(!Text.isBlank(cmd.congressId()), "missing-field", null, "congressId", "Thiếu mã đại hội.", "The congress id is required.");
        require(cmd.kind() != null, "missing-field", "R-10", "kind", "Thiếu hình thức đại hội.", "The congress kind is required.");
        if (cmd.kind().isMeeting()) {
            conveneMeeting(cmd, units, congresses, persons);
            return;
        }
        require(cmd.ordinal() >= 1 && cmd.ordinal() < 100, "invalid-ordinal", "R-02", "ordinal",
                "Lần thứ của đại hội phải từ 1 trở lên.", "The congress ordinal must be 1 or more.");
        require(cmd.date() != null, "missing-field", "R-10", "date", "Thiếu ngày đại hội.", "The congress date is required.");
        require(!Text.isBlank(cmd.venue()), "missing-field", "R-10", "venue", "Thiếu địa điểm đại hội.", "The venue is required.");
        require(cmd.announcedSeats() >= 1 && cmd.announcedSeats() <= 200, "invalid-seats", "R-10", "announcedSeats",
                "Số lượng Ban Chấp hành phải từ 1 đến 200.", "The number of committee seats must be 1 to 200.");
        require(cmd.purpose() == null && cmd.ofCongressId() == null && cmd.convenerPersonId() == null,
                "not-a-meeting", "R-10", "purpose",
                "Mục đích hội nghị, đại hội bầu ra Ban Chấp hành và người triệu tập chỉ dùng cho Hội nghị Ban Chấp hành.",
                "Purpose, electing congress and convener apply to committee meetings only.");
        RuleProfile rules = profileOf(cmd);
        requireTerm(cmd.term(), cmd.termShift(), rules);
        UnitDirectory.Entry unit = activeUnit(cmd, units);
        if (cmd.pilot()) requirePilotChooser(cmd, units, unit);
        congresses.openCongress(cmd.unitId(), cmd.term().startYear()).ifPresent(other -> {
            throw RuleViolation.conflict("open-congress-exists", "R-10", "term",
                    "Đơn vị đã có một đại hội chưa kết thúc cho nhiệm kỳ " + cmd.term().label() + ".",
                    "The unit already has an open congress for term " + cmd.term().label() + ".");
        });
        if (congresses.ordinalTaken(cmd.unitId(), cmd.ordinal())) {
            throw RuleViolation.conflict("congress-ordinal-taken", "R-02", "ordinal",
                    "Đơn vị đã có Đại hội lần thứ " + Roman.of(cmd.ordinal()) + ".",
                    "The unit already has its congress number " + Roman.of(cmd.ordinal()) + ".");
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
        require(cmd.purpose() != null, "missing-field", "R-41", "purpose",
                "Thiếu mục đích hội nghị (lần thứ nhất, bầu bổ sung, lấy phiếu tín nhiệm, khác).",
                "The meeting's purpose is required (first meeting, by-election, confidence vote, other).");
        require(cmd.date() != null, "missing-field", "R-41", "date", "Thiếu ngày hội nghị.", "The meeting date is required.");
        require(!Text.isBlank(cmd.venue()), "missing-field", "R-41", "venue", "Thiếu địa điểm hội nghị.", "The venue is required.");
        require(!cmd.pilot(), "meeting-not-pilot", "R-10", "pilot",
                "Hội nghị Ban Chấp hành không phải là đại hội điểm.", "A committee meeting is not a pilot congress.");
        RuleProfile rules = profileOf(cmd);
        requireTerm(cmd.term(), cmd.termShift(), rules);
        activeUnit(cmd, units);
        boolean first = cmd.purpose() == MeetingPurpose.FIRST_MEETING;
        if (first) {
            require(!Text.isBlank(cmd.ofCongressId()), "missing-field", "R-41", "ofCongressId",
                    "Hội nghị lần thứ nhất cần ghi đại hội đã bầu ra Ban Chấp hành.",
                    "A first meeting needs the congress that elected the committee.");
            require(!Text.isBlank(cmd.convenerPersonId()), "missing-field", "R-41", "convenerPersonId",
                    "Hội nghị lần thứ nhất cần ghi ủy viên được Đoàn Chủ tịch đại hội chỉ định triệu tập.",
                    "A first meeting needs the member the congress's presidium named to convene it.");
        }
        if (!Text.isBlank(cmd.ofCongressId())) {
            CongressDirectory.Known of = congresses.find(cmd.ofCongressId()).orElseThrow(() -> RuleViolation.invalid(
                    "unknown-congress", "R-41", "ofCongressId",
                    "Không tìm thấy đại hội đã bầu ra Ban Chấp hành.", "No such congress elected the committee."));
            require(of.unitId().equals(cmd.unitId()) && !of.cancelled(), "of-congress-of-another-unit", "R-41", "ofCongressId",
                    "Đại hội bầu ra Ban Chấp hành phải là đại hội của chính đơn vị này và không bị huỷ.",
                    "The electing congress must be a congress of this very unit, not cancelled.");
            require(!first || of.termStartYear() == cmd.term().startYear(), "of-congress-of-another-term", "R-41", "term",
                    "Hội nghị lần thứ nhất thuộc cùng nhiệm kỳ với đại hội đã bầu ra Ban Chấp hành.",
                    "A first meeting belongs to the term of the congress that elected the committee.");
        }
        if (!Text.isBlank(cmd.convenerPersonId())) {
            require(persons.exists(cmd.convenerPersonId()), "unknown-person", "R-41", "convenerPersonId",
                    "Không tìm thấy người triệu tập trong danh bạ.", "The convener is not a registered person.");
        }
        apply(new CongressConvened(cmd.congressId(), cmd.unitId(), 0, cmd.term(), cmd.kind(), false, null, cmd.date(),
                cmd.venue(), 0, rules, cmd.termShift(), cmd.decision(), cmd.purpose(),
                Text.isBlank(cmd.ofCongressId()) ? null : cmd.ofCongressId(),
                Text.isBlank(cmd.convenerPersonId()) ? null : cmd.convenerPersonId()));
    }

    private static RuleProfile profileOf(ConveneCongressCommand cmd) {
        return RuleProfiles.byId(cmd.profileId() == null ? RuleProfiles.UNION_DEFAULT.id() : cmd.profileId())
                .orElseThrow(() -> RuleViolation.invalid("unknown-rule-profile", null, "profileId",
                        "Không có bộ quy tắc \"" + cmd.profileId() + "\".", "No rule profile \"" + cmd.profileId() + "\"."));
    }

    private static UnitDirectory.Entry activeUnit(ConveneCongressCommand cmd, UnitDirectory units) {
        UnitDirectory.Entry unit = units.find(cmd.unitId()).orElseThrow(() -> RuleViolation.invalid("unknown-unit", "R-10",
                "unitId", "Không tìm thấy đơn vị tổ chức đại hội.", "The unit holding the congress is not registered."));
        require(unit.activeOn(cmd.date()), "unit-not-active", "R-10", "unitId",
                "Đơn vị không hoạt động vào ngày đại hội.", "The unit is not active on the congress date.");
        return unit;
    }

    /** five years, unless a recorded decision of the upper level shifts the term within the profile's limit. */
    private static void requireTerm(Term term, TermShift shift, RuleProfile rules) {
        require(term != null && term.startYear() >= 1945 && term.endYear() > term.startYear(), "invalid-term", "R-02", "term",
                "Nhiệm kỳ không hợp lệ.", "The term is not valid.");
        int years = term.endYear() - term.startYear();
        if (years == 5) return;
        require(shift != null && shift.decision() != null && !Text.isBlank(shift.decision().number()),
                "term-shift-needs-decision", "R-02", "termShift",
                "Nhiệm kỳ khác 5 năm cần quyết định điều chỉnh nhiệm kỳ của công đoàn cấp trên.",
                "A term other than five years needs the upper level's decision shifting it.");
        require(Math.abs(shift.months()) <= rules.maxTermShiftMonths() && Math.abs(years * 12 - 60) <= rules.maxTermShiftMonths(),
                "term-shift-too-long", "R-02", "termShift.months",
                "Điều chỉnh nhiệm kỳ vượt quá " + rules.maxTermShiftMonths() + " tháng.",
                "The term shift exceeds " + rules.maxTermShiftMonths() + " months.");
    }

    /** A pilot congress is chosen by a unit above the one holding it. */
    private static void requirePilotChooser(ConveneCongressCommand cmd, UnitDirectory units, UnitDirectory.Entry unit) {
        require(!Text.isBlank(cmd.pilotChosenByUnitId()), "pilot-needs-chooser", "R-10", "pilotChosenByUnitId",
                "Đại hội điểm cần ghi đơn vị cấp trên chọn làm điểm.", "A pilot congress needs the upper-level unit that chose it.");
        String cursor = unit.parentOn(cmd.date());
        for (int depth = 0; cursor != null && depth < 64; depth++) {
            if (cursor.equals(cmd.pilotChosenByUnitId())) return;
            cursor = units.find(cursor).map(e -> e.parentOn(cmd.date())).orElse(null);
        }
        throw RuleViolation.invalid("pilot-chooser-not-above", "R-10", "pilotChosenByUnitId",
                "Đơn vị chọn đại hội điểm phải là cấp trên của đơn vị tổ chức đại hội.",
                "The unit choosing a pilot congress must stand above the unit holding it.");
    }

    @CommandHandler
    public void handle(RescheduleCongressCommand cmd) {
        requireOpen();
        require(cmd.date() != null, "missing-field", "R-10", "date", "Thiếu ngày đại hội.", "The congress date is required.");
        require(!Text.isBlank(cmd.venue()), "missing-field", "R-10", "venue", "Thiếu địa điểm.", "The venue is required.");
        apply(new CongressRescheduled(congressId, cmd.date(), cmd.venue(), cmd.reason()));
    }

    @CommandHandler
    public void handle(CancelCongressCommand cmd) {
        requireOpen();
        require(!Text.isBlank(cmd.reason()), "missing-field", "R-10", "reason", "Cần nêu lý do huỷ.", "A reason is required.");
        apply(new CongressCancelled(congressId, cmd.reason()));
    }

    @CommandHandler
    public void handle(OpenCongressSessionCommand cmd) {
        if (status != CongressStatus.CONVENED) {
            throw RuleViolation.conflict("congress-not-convened", "R-10", "status",
                    "Chỉ khai mạc được đại hội đã triệu tập và chưa khai mạc.",
                    "Only a convened congress that has not opened can open.");
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
        require(!Text.isBlank(cmd.personId()) && persons.exists(cmd.personId()), "unknown-person", "R-11", "personId",
                "Không tìm thấy người này trong danh bạ.", "No such person is registered.");
        summon(cmd.delegateId(), cmd.personId(), cmd.code(), cmd.category(), cmd.basis(), cmd.position());
    }

    /** The rules of R-11 for one line of the roll; imports call it once per row. */
    public void summon(String delegateId, String personId, String code, DelegateCategory category, DelegateBasis basis,
                       String position) {
        summon(delegateId, personId, code, category, basis, position, null);
    }

    /** The same, for a person sent by an election ({@code fromElectionId}): R-23 delegates, R-41 committee members. */
    public void summon(String delegateId, String personId, String code, DelegateCategory category, DelegateBasis basis,
                       String position, String fromElectionId) {
        requireOpen();
        require(!Text.isBlank(delegateId), "missing-field", null, "delegateId", "Thiếu mã đại biểu.", "The delegate id is required.");
        require(!Text.isBlank(code) && code.length() <= 40, "invalid-delegate-code", "R-11", "code",
                "Mã đại biểu không được trống và tối đa 40 ký tự.", "The roll code must be 1 to 40 characters.");
        require(category != null, "missing-field", "R-11", "category", "Thiếu loại đại biểu.", "The delegate category is required.");
        if (roll.codes.contains(Roll.codeKey(code))) {
            throw RuleViolation.conflict("delegate-code-taken", "R-11", "code",
                    "Mã đại biểu \"" + code + "\" đã có trong danh sách.", "Roll code \"" + code + "\" is already on the roll.");
        }
        if (roll.persons.contains(personId)) {
            throw RuleViolation.conflict("person-already-on-roll", "R-11", "personId",
                    "Người này đã có trong danh sách đại biểu.", "This person is already on the roll.");
        }
        require(roll.seat(delegateId) == null, "delegate-id-taken", null, "delegateId",
                "Mã đại biểu đã tồn tại.", "The delegate id already exists.");
        apply(new DelegateSummoned(congressId, delegateId, personId, code, category,
                basis != null || category == DelegateCategory.GUEST ? basis
                        : kind == CongressKind.ALL_MEMBER || kind == CongressKind.COMMITTEE_MEETING ? DelegateBasis.MEMBER
                        : DelegateBasis.ELECTED, position, fromElectionId));
    }

    public boolean hasCode(String code) {
        return roll.codes.contains(Roll.codeKey(code));
    }

    public boolean hasPerson(String personId) {
        return roll.persons.contains(personId);
    }

    @CommandHandler
    public void handle(ReplaceDelegateCommand cmd, VotingCredentialRegistry credentials) {
        requireOpen();
        Roll.Seat seat = requireSeat(cmd.delegateId(), "delegateId");
        Roll.Seat alternate = requireSeat(cmd.alternateId(), "alternateId");
        require(!Text.isBlank(cmd.reason()), "missing-field", "R-11", "reason",
                "Cần ghi quyết định hoặc lý do thay thế.", "The decision or reason for the replacement is required.");
        if (seat.category != DelegateCategory.DELEGATE || seat.replaced) {
            throw RuleViolation.conflict("not-a-seated-delegate", "R-11", "delegateId",
                    "Chỉ thay được đại biểu chính thức đang giữ tư cách.", "Only a seated delegate can be replaced.");
        }
        if (alternate.category != DelegateCategory.ALTERNATE || alternate.replacing) {
            throw RuleViolation.conflict("not-a-free-alternate", "R-11", "alternateId",
                    "Người thay thế phải là đại biểu dự khuyết chưa thay ai.", "The replacement must be an alternate who replaces nobody yet.");
        }
        if (seat.credentialId != null) {
            credentials.revoke(seat.credentialId);
            apply(new VotingCredentialRevoked(congressId, cmd.delegateId(), seat.credentialId, "replaced"));
        }
        apply(new DelegateReplaced(congressId, cmd.delegateId(), cmd.alternateId(), cmd.reason()));
    }

    @CommandHandler
    public void handle(RecordCredentialsReportCommand cmd, VotingCredentialRegistry credentials) {
        requireOpen();
        if (kind != CongressKind.DELEGATE) {
            throw RuleViolation.conflict("credentials-report-for-delegate-congress", "R-12", "congressId",
                    "Chỉ đại hội đại biểu mới thẩm tra tư cách đại biểu; đại hội toàn thể nghe báo cáo tình hình đoàn viên.",
                    "Only a delegate congress checks credentials; an all-member congress hears a membership report.");
        }
        Set<String> rejected = new LinkedHashSet<>();
        for (RecordCredentialsReportCommand.Rejection r : cmd.rejected()) {
            requireSeat(r.delegateId(), "rejected.delegateId");
            require(!Text.isBlank(r.reason()), "missing-field", "R-12", "rejected.reason",
                    "Cần ghi lý do không công nhận tư cách.", "A reason is required for each rejection.");
            rejected.add(r.delegateId());
        }
        for (String id : rejected) {
            Roll.Seat s = roll.seat(id);
            if (s.credentialId != null) {
                credentials.revoke(s.credentialId);
                apply(new VotingCredentialRevoked(congressId, id, s.credentialId, "credentials rejected"));
            }
        }
        Attendance after = roll.attendanceWithout(rejected, profile.quorum());
        apply(new CredentialsReportRecorded(congressId, after.summoned(), cmd.rejected(), cmd.notes(), after));
    }

    // ---- attendance (R-13) --------------------------------------------------------------------------

    @CommandHandler
    public void handle(CheckInDelegateCommand cmd, VotingCredentialRegistry credentials) {
        requireOpen();
        Roll.Seat seat = requireSeat(cmd.delegateId(), "delegateId");
        if (seat.present) {
            throw RuleViolation.conflict("already-checked-in", "R-13", "delegateId",
                    "Đại biểu đã điểm danh có mặt.", "The delegate is already checked in.");
        }
        apply(new DelegateCheckedIn(congressId, cmd.delegateId(), attendanceWith(seat, true)));
        if (seat.votes() && seat.credentialId == null) issue(cmd.delegateId(), cmd.credential(), credentials);
    }

    @CommandHandler
    public void handle(CheckOutDelegateCommand cmd) {
        requireOpen();
        Roll.Seat seat = requireSeat(cmd.delegateId(), "delegateId");
        if (!seat.present) {
            throw RuleViolation.conflict("not-checked-in", "R-13", "delegateId",
                    "Đại biểu chưa điểm danh có mặt.", "The delegate is not checked in.");
        }
        apply(new DelegateCheckedOut(congressId, cmd.delegateId(), attendanceWith(seat, false)));
    }

    @CommandHandler
    public void handle(CorrectAttendanceCommand cmd) {
        requireOpen();
        Roll.Seat seat = requireSeat(cmd.delegateId(), "delegateId");
        require(!Text.isBlank(cmd.reason()), "missing-field", "R-13", "reason",
                "Cần ghi lý do điều chỉnh điểm danh.", "A reason is required to correct attendance.");
        if (seat.present == cmd.present()) {
            throw RuleViolation.conflict("attendance-unchanged", "R-13", "present",
                    "Điểm danh đã đúng như vậy.", "The attendance already says so.");
        }
        apply(new AttendanceCorrected(congressId, cmd.delegateId(), cmd.present(), cmd.reason(), attendanceWith(seat, cmd.present())));
    }

    @CommandHandler
    public void handle(ReissueVotingCredentialCommand cmd, VotingCredentialRegistry credentials) {
        requireOpen();
        Roll.Seat seat = requireSeat(cmd.delegateId(), "delegateId");
        requireVoterPresent(seat);
        if (seat.credentialId != null) {
            credentials.revoke(seat.credentialId);
            apply(new VotingCredentialRevoked(congressId, cmd.delegateId(), seat.credentialId, "reissued"));
        }
        issue(cmd.delegateId(), cmd.credential(), credentials);
    }

    @CommandHandler
    public void handle(RevokeVotingCredentialCommand cmd, VotingCredentialRegistry credentials) {
        Roll.Seat seat = requireSeat(cmd.delegateId(), "delegateId");
        if (seat.credentialId == null) {
            throw RuleViolation.conflict("no-credential", "R-13", "delegateId",
                    "Đại biểu không có thẻ biểu quyết còn hiệu lực.", "The delegate holds no valid voting credential.");
        }
        credentials.revoke(seat.credentialId);
        apply(new VotingCredentialRevoked(congressId, cmd.delegateId(), seat.credentialId,
                Text.isBlank(cmd.reason()) ? "revoked" : cmd.reason()));
    }

    private void requireVoterPresent(Roll.Seat seat) {
        if (!seat.votes()) {
            throw RuleViolation.conflict("not-a-voter", "R-11", "delegateId",
                    "Khách mời và đại biểu không có quyền biểu quyết không được cấp thẻ biểu quyết.",
                    "Guests and delegates without a vote receive no voting credential.");
        }
        if (!seat.present) {
            throw RuleViolation.conflict("not-checked-in", "R-13", "delegateId",
                    "Đại biểu chưa điểm danh có mặt.", "The delegate is not checked in.");
        }
    }

    private void issue(String delegateId, IssuedCredential credential, VotingCredentialRegistry credentials) {
        if (credential == null || Text.isBlank(credential.credentialId()) || credential.codeHash() == null) {
            throw RuleViolation.invalid("missing-credential", "R-13", "credential",
                    "Thiếu thẻ biểu quyết cho đại biểu.", "A voting credential is needed for this voter.");
        }
        credentials.register(credential.credentialId(), congressId, delegateId, credential.codeHash());
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
    public Attendance attendance() {
        return roll.attendance(profile.quorum());
    }

    // ---- show-of-hands decisions (R-14, R-15) ---------------------------------------------------------

    @CommandHandler
    public void handle(RecordShowOfHandsDecisionCommand cmd) {
        requireInSession();
        require(!Text.isBlank(cmd.decisionId()) && !decisionIds.contains(cmd.decisionId()), "decision-id-taken", null,
                "decisionId", "Mã biểu quyết trống hoặc đã dùng.", "The decision id is empty or already used.");
        require(cmd.subject() != null, "missing-field", "R-15", "subject", "Thiếu nội dung biểu quyết.", "The subject is required.");
        require(cmd.votesFor() >= 0 && cmd.votesAgainst() >= 0 && cmd.abstentions() >= 0, "negative-votes", "R-15", "votesFor",
                "Số phiếu không được âm.", "Vote counts cannot be negative.");
        Attendance now = attendance();
        if (!now.quorumMet()) {
            throw RuleViolation.conflict("quorum-not-met", "R-13", "attendance",
                    "Không đủ số đại biểu có mặt (" + now.present() + "/" + now.summoned() + ", cần " + profile.quorum() + ").",
                    "Quorum not met (" + now.present() + "/" + now.summoned() + ", needs " + profile.quorum() + ").");
        }
        long cast = (long) cmd.votesFor() + cmd.votesAgainst() + cmd.abstentions();
        if (cast > now.present()) {
            throw RuleViolation.invalid("votes-exceed-present", "R-15", "votesFor",
                    "Tổng số biểu quyết (" + cast + ") vượt quá số đại biểu có mặt (" + now.present() + ").",
                    "Votes cast (" + cast + ") exceed the delegates present (" + now.present() + ").");
        }
        Set<String> people = new LinkedHashSet<>(cmd.personIds());
        require(people.size() == cmd.personIds().size(), "duplicate-person", null, "personIds",
                "Danh sách có người bị lặp.", "The list names someone twice.");
        if (cmd.subject().electsBody() || cmd.subject() == DecisionSubject.CANDIDATE_LIST) {
            require(!people.isEmpty(), "missing-field", "R-14", "personIds",
                    "Cần danh sách người.", "The list of people is required.");
        }
        if (cmd.subject() == DecisionSubject.COMMITTEE_SIZE) {
            require(cmd.seats() != null && cmd.seats() >= 1 && cmd.seats() <= 200, "invalid-seats", "R-15", "seats",
                    "Số lượng Ban Chấp hành phải từ 1 đến 200.", "The committee size must be 1 to 200.");
        }
        if (cmd.subject() == DecisionSubject.COUNTING_COMMITTEE) {
            people.stream().filter(candidateList::contains).findFirst().ifPresent(p -> {
                throw RuleViolation.conflict("counting-member-is-candidate", "R-14", "personIds",
                        "Người ứng cử Ban Chấp hành không được tham gia Ban kiểm phiếu.",
                        "A candidate for the executive committee cannot sit on the counting committee.");
            });
        }
        if (cmd.subject() == DecisionSubject.CANDIDATE_LIST) {
            people.stream().filter(countingCommittee::contains).findFirst().ifPresent(p -> {
                throw RuleViolation.conflict("candidate-on-counting-committee", "R-14", "personIds",
                        "Thành viên Ban kiểm phiếu không được ứng cử Ban Chấp hành.",
                        "A counting-committee member cannot stand for the executive committee.");
            });
        }
        boolean passed = profile.showOfHandsMajority().exceededBy(cmd.votesFor(), now.present());
        apply(new ShowOfHandsDecisionRecorded(congressId, cmd.decisionId(), cmd.subject(), cmd.title(), List.copyOf(people),
                cmd.seats(), cmd.votesFor(), cmd.votesAgainst(), cmd.abstentions(), now, passed));
    }

    // ---- shared checks ------------------------------------------------------------------------------

    private Roll.Seat requireSeat(String delegateId, String field) {
        Roll.Seat seat = delegateId == null ? null : roll.seat(delegateId);
        if (seat == null) {
            throw RuleViolation.notFound("unknown-delegate", field,
                    "Không có đại biểu này trong danh sách.", "No such delegate on the roll.");
        }
        return seat;
    }

    private void requireOpen() {
        if (!status.open()) {
            throw RuleViolation.conflict("congress-not-open", "R-10", "status",
                    "Đại hội đã kết thúc hoặc đã bị huỷ.", "The congress has closed or was cancelled.");
        }
    }

    private void requireInSession() {
        if (status != CongressStatus.IN_SESSION) {
            throw RuleViolation.conflict("congress-not-in-session", "R-15", "status",
                    "Đại hội chưa khai mạc hoặc đã bế mạc.", "The congress is not in session.");
        }
    }

    private static void require(boolean ok, String type, String rule, String field, String vi, String en) {
        if (!ok) throw RuleViolation.invalid(type, rule, field, vi, en);
    }

    /** the counting committee the congress elected (its latest passed decision), sorted by person id. */
    public List<String> countingCommittee() {
        return countingCommittee.stream().sorted().toList();
    }

    public RuleProfile profile() {
        return profile;
    }

    public String unitId() {
        return unitId;
    }

    public CongressStatus status() {
        return status;
    }

    public java.util.Optional<DecisionFacts> decision(String decisionId) {
        return java.util.Optional.ofNullable(decisions.get(decisionId));
    }

    /** the voters present right now, the roll a ballot round freezes. */
    public List<String> presentVoters() {
        return roll.seats.entrySet().stream().filter(e -> e.getValue().votes() && e.getValue().present())
                .map(java.util.Map.Entry::getKey).sorted().toList();
    }

    public boolean isPresentVoter(String delegateId) {
        Roll.Seat s = roll.seat(delegateId);
        return s != null && s.votes() && s.present;
    }

    public boolean isOnRoll(String delegateId) {
        return roll.seat(delegateId) != null;
    }

    public int seatsToFill() {
        return approvedSeats != null ? approvedSeats : announcedSeats;
    }

    public CongressKind kind() {
        return kind;
    }

    public boolean isMeeting() {
        return kind != null && kind.isMeeting();
    }

    /** Null for a congress, and for a meeting convened from an event of revision 1 (there are none). */
    public MeetingPurpose purpose() {
        return purpose;
    }

    public boolean isFirstMeeting() {
        return isMeeting() && purpose == MeetingPurpose.FIRST_MEETING;
    }

    /** For a meeting: the congress that elected the committee, if named. */
    public String ofCongressId() {
        return ofCongressId;
    }

    public Term term() {
        return term;
    }

    public java.time.LocalDate date() {
        return date;
    }

    /**
     * the present seats (any category, guests included, but not rejected or replaced) whose person is one
     * of {@code personIds} — the roll of a vote held by a body's own members, such as the inspection committee.
     */
    public List<String> presentSeatsAmong(java.util.Collection<String> personIds) {
        Set<String> people = new HashSet<>(personIds);
        return roll.seats.entrySet().stream()
                .filter(e -> e.getValue().present && !e.getValue().rejected && !e.getValue().replaced
                        && people.contains(e.getValue().personId))
                .map(java.util.Map.Entry::getKey).sorted().toList();
    }

    /** R-13 over a body's own members: all of them are summoned, those with a present seat are present. */
    public Attendance attendanceAmong(java.util.Collection<String> personIds) {
        int summoned = new HashSet<>(personIds).size();
        int present = presentSeatsAmong(personIds).size();
        return new Attendance(summoned, present, summoned > 0 && profile.quorum().reachedBy(present, summoned));
    }

    /** Whether this delegate sits present (guests included) and is one of {@code personIds}. */
    public boolean isPresentAmong(String delegateId, java.util.Collection<String> personIds) {
        return presentSeatsAmong(personIds).contains(delegateId);
    }

    // ---- state --------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(CongressConvened e) {
        congressId = e.congressId();
        unitId = e.unitId();
        kind = e.kind();
        status = CongressStatus.CONVENED;
        profile = e.profile();
        announcedSeats = e.announcedSeats();
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
        decisions.put(e.decisionId(), new DecisionFacts(e.subject(), e.personIds(), e.passed()));
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
            case COMMITTEE_SIZE -> approvedSeats = e.seats();
            default -> { }
        }
    }

}
