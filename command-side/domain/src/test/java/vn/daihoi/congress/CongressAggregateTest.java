package vn.daihoi.congress;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.daihoi.common.RuleViolation;
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
import vn.daihoi.delegate.RecordCredentialsReportCommand;
import vn.daihoi.delegate.ReissueVotingCredentialCommand;
import vn.daihoi.delegate.ReplaceDelegateCommand;
import vn.daihoi.delegate.RevokeVotingCredentialCommand;
import vn.daihoi.delegate.VotingCredentialIssued;
import vn.daihoi.delegate.VotingCredentialRevoked;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.daihoi.congress.CongressFixtures.DAY;
import static vn.daihoi.congress.CongressFixtures.DECISION;
import static vn.daihoi.congress.CongressFixtures.convene;
import static vn.daihoi.congress.CongressFixtures.convened;
import static vn.daihoi.congress.CongressFixtures.credential;

/** on one congress, given / when / expect. */
class CongressAggregateTest {

    private static final String C = "c1";

    private AggregateTestFixture<CongressAggregate> fixture;
    private CongressFixtures.Units units;
    private CongressFixtures.Congresses congresses;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CongressAggregate.class);
        units = new CongressFixtures.Units();
        congresses = new CongressFixtures.Congresses();
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(congresses);
        fixture.registerInjectableResource(new CongressFixtures.Persons());
        fixture.registerInjectableResource(new CongressFixtures.Elections());
    }

    static Matcher<RuleViolation> violation(String type, String rule) {
        return new TypeSafeMatcher<>() {
            @Override protected boolean matchesSafely(RuleViolation v) {
                return v.type().equals(type) && java.util.Objects.equals(v.ruleId(), rule);
            }
            @Override public void describeTo(Description d) { d.appendText(type + " (" + rule + ")"); }
        };
    }

    /** A congress of {@code voters} delegates d1…dn (persons p1…pn), plus alternate a1 and guest g1. */
    private List<Object> roll(int voters, CongressKind kind) {
        List<Object> events = new ArrayList<>();
        events.add(convened(C, kind));
        for (int i = 1; i <= voters; i++) {
            events.add(new DelegateSummoned(C, "d" + i, "p" + i, "DB" + i, DelegateCategory.DELEGATE, DelegateBasis.ELECTED, null));
        }
        events.add(new DelegateSummoned(C, "a1", "pa1", "DK1", DelegateCategory.ALTERNATE, DelegateBasis.ELECTED, null));
        events.add(new DelegateSummoned(C, "g1", "pg1", "KM1", DelegateCategory.GUEST, null, null));
        return events;
    }

    private List<Object> present(int count, int of) {
        List<Object> events = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            events.add(new DelegateCheckedIn(C, "d" + i, new Attendance(of, i, 3 * i >= 2 * of)));
        }
        return events;
    }

    private TestExecutor<CongressAggregate> givenInSession(int voters, int present) {
        List<Object> events = roll(voters, CongressKind.DELEGATE);
        events.addAll(present(present, voters));
        events.add(new CongressSessionOpened(C));
        return fixture.given(events);
    }

    // ---- R-10 convening -----------------------------------------------------------------------------

    @Test
    void canConveneAPilotCongressUnderTheDefaultProfile() {
        fixture.givenNoPriorActivity()
                .when(convene(C, 10, new Term(2023, 2028)))
                .expectEvents(convened(C, CongressKind.DELEGATE));
    }

    @Test
    void cannotConveneASecondOpenCongressForTheSameUnitAndTerm() {
        congresses.open.put("snv/2023", "other");
        fixture.givenNoPriorActivity()
                .when(convene(C, 10, new Term(2023, 2028)))
                .expectException(violation("open-congress-exists", "R-10"))
                .expectNoEvents();
    }

    @Test
    void cannotReuseACongressOrdinalOfTheUnit() {
        congresses.ordinals.add("snv/10");
        fixture.givenNoPriorActivity()
                .when(convene(C, 10, new Term(2023, 2028)))
                .expectException(violation("congress-ordinal-taken", "R-02"));
    }

    @Test
    void aTermOtherThanFiveYearsNeedsTheUpperLevelsShiftDecision() {
        fixture.givenNoPriorActivity()
                .when(convene(C, 9, new Term(2017, 2023)))
                .expectException(violation("term-shift-needs-decision", "R-02"));
    }

    @Test
    void aShiftedTermWithItsDecisionIsAccepted() {
        ConveneCongressCommand base = convene(C, 9, new Term(2017, 2023));
        TermShift shift = new TermShift(DECISION, 12);
        fixture.givenNoPriorActivity()
                .when(new ConveneCongressCommand(C, "snv", 9, base.term(), base.kind(), false, null, DAY, base.venue(), 5,
                        null, shift, DECISION))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aShiftBeyondTheProfilesLimitIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ConveneCongressCommand(C, "snv", 9, new Term(2017, 2025), CongressKind.DELEGATE, false, null, DAY,
                        "Hội trường", 5, null, new TermShift(DECISION, 36), DECISION))
                .expectException(violation("term-shift-too-long", "R-02"));
    }

    @Test
    void aPilotCongressIsChosenByAUnitAboveIt() {
        fixture.givenNoPriorActivity()
                .when(new ConveneCongressCommand(C, "cdvc", 1, new Term(2023, 2028), CongressKind.DELEGATE, true, "snv", DAY,
                        "Hội trường", 5, null, null, DECISION))
                .expectException(violation("pilot-chooser-not-above", "R-10"));
    }

    @Test
    void anUnknownRuleProfileIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ConveneCongressCommand(C, "snv", 10, new Term(2023, 2028), CongressKind.DELEGATE, false, null, DAY,
                        "Hội trường", 5, "no-such-profile", null, DECISION))
                .expectException(violation("unknown-rule-profile", null));
    }

    @Test
    void aCancelledCongressTakesNoDelegate() {
        fixture.given(convened(C, CongressKind.DELEGATE), new CongressCancelled(C, "Dịch bệnh"))
                .when(new AddDelegateCommand(C, "d1", "p1", "DB1", DelegateCategory.DELEGATE, null, null))
                .expectException(violation("congress-not-open", "R-10"));
    }

    // ---- R-11 the roll ------------------------------------------------------------------------------

    @Test
    void aPersonIsSummonedOnceUnderAUniqueCode() {
        fixture.given(roll(1, CongressKind.DELEGATE))
                .when(new AddDelegateCommand(C, "d9", "p9", "db1", DelegateCategory.DELEGATE, null, null))
                .expectException(violation("delegate-code-taken", "R-11"));
        fixture.given(roll(1, CongressKind.DELEGATE))
                .when(new AddDelegateCommand(C, "d9", "p1", "DB9", DelegateCategory.DELEGATE, null, null))
                .expectException(violation("person-already-on-roll", "R-11"));
    }

    @Test
    void aDelegateIsAPersonOfTheRegistry() {
        fixture.given(roll(1, CongressKind.DELEGATE))
                .when(new AddDelegateCommand(C, "d9", "nobody", "DB9", DelegateCategory.DELEGATE, null, null))
                .expectException(violation("unknown-person", "R-11"));
    }

    @Test
    void anAlternateTakesADelegatesSeatByRecordedDecisionAndTheDelegatesCredentialIsRevoked() {
        List<Object> events = roll(3, CongressKind.DELEGATE);
        events.add(new DelegateCheckedIn(C, "d1", new Attendance(3, 1, false)));
        events.add(new VotingCredentialIssued(C, "d1", "cred-1"));
        fixture.given(events)
                .when(new ReplaceDelegateCommand(C, "d1", "a1", "Quyết định số 3 của Đoàn Chủ tịch: đại biểu ốm"))
                .expectEvents(new VotingCredentialRevoked(C, "d1", "cred-1", "replaced"),
                        new DelegateReplaced(C, "d1", "a1", "Quyết định số 3 của Đoàn Chủ tịch: đại biểu ốm"));
    }

    @Test
    void aGuestCannotReplaceADelegate() {
        fixture.given(roll(3, CongressKind.DELEGATE))
                .when(new ReplaceDelegateCommand(C, "d1", "g1", "lý do"))
                .expectException(violation("not-a-free-alternate", "R-11"));
    }

    // ---- R-12 credentials report ----------------------------------------------------------------------

    @Test
    void anAllMemberCongressHasNoCredentialsReport() {
        fixture.given(roll(3, CongressKind.ALL_MEMBER))
                .when(new RecordCredentialsReportCommand(C, List.of(), "Báo cáo"))
                .expectException(violation("credentials-report-for-delegate-congress", "R-12"));
    }

    @Test
    void aRejectedDelegateLeavesTheCountOfThoseSummoned() {
        fixture.given(roll(3, CongressKind.DELEGATE))
                .when(new RecordCredentialsReportCommand(C, List.of(new RecordCredentialsReportCommand.Rejection("d3", "Không đúng đối tượng")), "Báo cáo"))
                .expectEvents(new CredentialsReportRecorded(C, 2,
                        List.of(new RecordCredentialsReportCommand.Rejection("d3", "Không đúng đối tượng")), "Báo cáo",
                        new Attendance(2, 0, false)));
    }

    // ---- R-13 attendance and credentials --------------------------------------------------------------

    @Test
    void checkingInAVoterRecordsAttendanceAndIssuesAVotingCredential() {
        fixture.given(roll(3, CongressKind.DELEGATE))
                .when(new CheckInDelegateCommand(C, "d1", credential("cred-1")))
                .expectEvents(new DelegateCheckedIn(C, "d1", new Attendance(3, 1, false)),
                        new VotingCredentialIssued(C, "d1", "cred-1"));
    }

    @Test
    void aGuestNeverReceivesAVotingCredential() {
        fixture.given(roll(3, CongressKind.DELEGATE))
                .when(new CheckInDelegateCommand(C, "g1", credential("cred-g")))
                .expectEvents(new DelegateCheckedIn(C, "g1", new Attendance(3, 0, false)));
        fixture.given(roll(3, CongressKind.DELEGATE))
                .andGiven(new DelegateCheckedIn(C, "g1", new Attendance(3, 0, false)))
                .when(new ReissueVotingCredentialCommand(C, "g1", credential("cred-g")))
                .expectException(violation("not-a-voter", "R-11"));
    }

    @Test
    void anAlternateWhoReplacesNobodyDoesNotVote() {
        fixture.given(roll(3, CongressKind.DELEGATE))
                .when(new CheckInDelegateCommand(C, "a1", credential("cred-a")))
                .expectEvents(new DelegateCheckedIn(C, "a1", new Attendance(3, 0, false)));
    }

    @Test
    void quorumIsTwoThirdsOfVotersSummonedInExactArithmetic() {
        // 2 of 3 present: 3 × 2 ≥ 2 × 3 holds exactly.
        List<Object> events = roll(3, CongressKind.DELEGATE);
        events.addAll(present(1, 3));
        fixture.given(events)
                .when(new CheckInDelegateCommand(C, "d2", credential("cred-2")))
                .expectEvents(new DelegateCheckedIn(C, "d2", new Attendance(3, 2, true)), new VotingCredentialIssued(C, "d2", "cred-2"));
    }

    @Test
    void checkingOutLowersAttendanceAndCanLoseQuorum() {
        List<Object> events = roll(3, CongressKind.DELEGATE);
        events.addAll(present(2, 3));
        fixture.given(events)
                .when(new CheckOutDelegateCommand(C, "d2"))
                .expectEvents(new DelegateCheckedOut(C, "d2", new Attendance(3, 1, false)));
    }

    @Test
    void aWrongCheckInIsCorrectedWithAReasonNotDeleted() {
        List<Object> events = roll(3, CongressKind.DELEGATE);
        events.addAll(present(1, 3));
        fixture.given(events)
                .when(new CorrectAttendanceCommand(C, "d1", false, "Điểm danh nhầm người"))
                .expectEvents(new AttendanceCorrected(C, "d1", false, "Điểm danh nhầm người", new Attendance(3, 0, false)));
        fixture.given(events)
                .when(new CorrectAttendanceCommand(C, "d1", false, " "))
                .expectException(violation("missing-field", "R-13"));
    }

    @Test
    void aLostCredentialIsRevokedAndReissued() {
        List<Object> events = roll(3, CongressKind.DELEGATE);
        events.add(new DelegateCheckedIn(C, "d1", new Attendance(3, 1, false)));
        events.add(new VotingCredentialIssued(C, "d1", "cred-1"));
        fixture.given(events)
                .when(new ReissueVotingCredentialCommand(C, "d1", credential("cred-2")))
                .expectEvents(new VotingCredentialRevoked(C, "d1", "cred-1", "reissued"), new VotingCredentialIssued(C, "d1", "cred-2"));
    }

    @Test
    void revokingNeedsACredential() {
        fixture.given(roll(3, CongressKind.DELEGATE))
                .when(new RevokeVotingCredentialCommand(C, "d1", "mất thẻ"))
                .expectException(violation("no-credential", "R-13"));
    }

    // ---- show of hands -------------------------------------------------------------------------

    @Test
    void aShowOfHandsDecisionPassesWithMoreThanHalfOfThosePresentAndFreezesAttendance() {
        givenInSession(6, 5)
                .when(new RecordShowOfHandsDecisionCommand(C, "dec-1", DecisionSubject.COMMITTEE_SIZE, "Số lượng BCH", null, 5, 3, 1, 1))
                .expectEvents(new ShowOfHandsDecisionRecorded(C, "dec-1", DecisionSubject.COMMITTEE_SIZE, "Số lượng BCH", List.of(),
                        5, 3, 1, 1, new Attendance(6, 5, true), true));
    }

    @Test
    void halfOfThosePresentIsNotAMajority() {
        givenInSession(6, 4)
                .when(new RecordShowOfHandsDecisionCommand(C, "dec-1", DecisionSubject.AGENDA, "Chương trình", null, null, 2, 2, 0))
                .expectEvents(new ShowOfHandsDecisionRecorded(C, "dec-1", DecisionSubject.AGENDA, "Chương trình", List.of(),
                        null, 2, 2, 0, new Attendance(6, 4, true), false));
    }

    @Test
    void noDecisionWithoutQuorum() {
        givenInSession(6, 3)
                .when(new RecordShowOfHandsDecisionCommand(C, "dec-1", DecisionSubject.AGENDA, "Chương trình", null, null, 3, 0, 0))
                .expectException(violation("quorum-not-met", "R-13"))
                .expectNoEvents();
    }

    @Test
    void moreVotesThanDelegatesPresentAreRefused() {
        givenInSession(6, 5)
                .when(new RecordShowOfHandsDecisionCommand(C, "dec-1", DecisionSubject.AGENDA, "Chương trình", null, null, 5, 1, 0))
                .expectException(violation("votes-exceed-present", "R-15"));
    }

    @Test
    void aCandidateCannotJoinTheCountingCommittee() {
        givenInSession(6, 5)
                .andGiven(new ShowOfHandsDecisionRecorded(C, "list", DecisionSubject.CANDIDATE_LIST, "Danh sách", List.of("p1", "p2"),
                        null, 5, 0, 0, new Attendance(6, 5, true), true))
                .when(new RecordShowOfHandsDecisionCommand(C, "kp", DecisionSubject.COUNTING_COMMITTEE, "Ban kiểm phiếu",
                        List.of("p2", "p3"), null, 5, 0, 0))
                .expectException(violation("counting-member-is-candidate", "R-14"));
    }

    @Test
    void aCountingCommitteeMemberCannotStandAsCandidate() {
        givenInSession(6, 5)
                .andGiven(new ShowOfHandsDecisionRecorded(C, "kp", DecisionSubject.COUNTING_COMMITTEE, "Ban kiểm phiếu", List.of("p3"),
                        null, 5, 0, 0, new Attendance(6, 5, true), true))
                .when(new RecordShowOfHandsDecisionCommand(C, "list", DecisionSubject.CANDIDATE_LIST, "Danh sách",
                        List.of("p1", "p3"), null, 5, 0, 0))
                .expectException(violation("candidate-on-counting-committee", "R-14"));
    }

    @Test
    void decisionsNeedTheCongressInSession() {
        fixture.given(roll(3, CongressKind.DELEGATE))
                .when(new RecordShowOfHandsDecisionCommand(C, "dec-1", DecisionSubject.AGENDA, "Chương trình", null, null, 1, 0, 0))
                .expectException(violation("congress-not-in-session", "R-15"));
    }
}
