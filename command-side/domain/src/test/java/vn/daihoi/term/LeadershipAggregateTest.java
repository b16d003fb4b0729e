package vn.daihoi.term;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.Fraction;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.congress.Term;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionFacts;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** on one leadership, given / when / expect. */
class LeadershipAggregateTest {

    private static final String L = "l1";
    private static final String UNIT = "snv";
    private static final Term TERM = new Term(2023, 2028);
    private static final LocalDate RECOGNISED_ON = LocalDate.of(2023, 6, 15);
    private static final Decision RECOGNITION = new Decision("125/QĐ-CĐVC", RECOGNISED_ON, "Công đoàn Viên chức tỉnh");
    private static final Decision CONSENT = new Decision("7/CV-CĐVC", LocalDate.of(2024, 9, 1), "Công đoàn Viên chức tỉnh");

    private AggregateTestFixture<LeadershipAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LeadershipAggregate.class);
        TermDirectory none = new TermDirectory() {
            @Override public Optional<String> leadershipFor(String unitId, int termStartYear) { return Optional.empty(); }
            @Override public List<Entry> ofUnit(String unitId) { return List.of(new Entry(L, 2023, false, null)); }
            @Override public Optional<CongressEntry> congress(String congressId) { return Optional.empty(); }
        };
        // The branch stands under the province's union of public employees ("cdvc"), which gives the consents.
        UnitsAbove units = new UnitsAbove().under(UNIT, "cdvc", LocalDate.of(2000, 1, 1));
        fixture.registerInjectableResource(units);
        fixture.registerAnnotatedCommandHandler(new TermCommandHandler(fixture.getRepository(), null, null, none, units, null));
    }

    static Matcher<RuleViolation> violation(String type, String rule) {
        return new TypeSafeMatcher<>() {
            @Override protected boolean matchesSafely(RuleViolation v) {
                return v.type().equals(type) && java.util.Objects.equals(v.ruleId(), rule);
            }
            @Override public void describeTo(Description d) { d.appendText(type + " (" + rule + ")"); }
        };
    }

    /** A five-seat committee p1…p5 (branch union when {@code branch}), p1 also chair, submitted for recognition. */
    private static LeadershipSubmitted submitted(boolean branch) {
        List<Holding> proposed = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            proposed.add(new Holding(L + "/" + i, "p" + i, Office.COMMITTEE_MEMBER, HoldingStart.ELECTED_AT_CONGRESS, null, null, "e1", null, null, null));
        }
        proposed.add(new Holding(L + "/6", "p1", Office.CHAIR, HoldingStart.ELECTED_AT_CONGRESS, null, null, "e2", null, null, null));
        return new LeadershipSubmitted(L, UNIT, TERM, "c1", 10, 5, branch, RuleProfiles.UNION_DEFAULT, List.of("e1", "e2"), proposed,
                LocalDate.of(2023, 5, 21));
    }

    private static LeadershipRecognised recognised() {
        return new LeadershipRecognised(L, UNIT, RECOGNISED_ON, RECOGNITION, "cdvc");
    }

    private static OfficesEnded resigned(String person, int holding, LocalDate on) {
        return new OfficesEnded(L, UNIT, person, List.of(L + "/" + holding), on, HoldingEnd.RESIGNATION,
                new Decision("R-" + person, on, "BCH"), null);
    }

    private static OfficeFilled appointed(String person, int holding, LocalDate on) {
        return new OfficeFilled(L, UNIT, new Holding(L + "/" + holding, person, Office.COMMITTEE_MEMBER, HoldingStart.APPOINTED, on,
                new Decision("A-" + person, on, "CĐVC"), null, null, null, null), true, null);
    }

    private List<Object> fourResignedThreeAppointed(boolean branch) {
        LocalDate on = LocalDate.of(2024, 3, 1);
        List<Object> given = new ArrayList<>(List.of(submitted(branch), recognised()));
        for (int i = 2; i <= 5; i++) given.add(resigned("p" + i, i, on));
        given.add(appointed("q1", 7, on.plusDays(10)));
        given.add(appointed("q2", 8, on.plusDays(10)));
        given.add(appointed("q3", 9, on.plusDays(10)));
        return given;
    }

    @Test
    void anUpperLevelRecognisesASubmittedCommitteeAndItsOfficesStartThatDay() {
        fixture.given(submitted(true))
                .when(new RecogniseLeadershipCommand(L, RECOGNISED_ON, RECOGNITION, "cdvc"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(recognised());
    }

    @Test
    void aCommitteeIsRecognisedOnlyOnce() {
        fixture.given(submitted(true), recognised())
                .when(new RecogniseLeadershipCommand(L, RECOGNISED_ON, RECOGNITION, "cdvc"))
                .expectException(violation("not-awaiting-recognition", "R-03"));
    }

    @Test
    void recognitionNeedsTheDecisionNumber() {
        fixture.given(submitted(true))
                .when(new RecogniseLeadershipCommand(L, RECOGNISED_ON, new Decision(" ", null, null), "cdvc"))
                .expectException(violation("decision-required", "R-03"));
    }

    @Test
    void aRefusedCommitteeRecordsTheReason() {
        fixture.given(submitted(true))
                .when(new RefuseRecognitionCommand(L, RECOGNISED_ON, "Thiếu biên bản hội nghị lần thứ nhất", "cdvc"))
                .expectEvents(new LeadershipRecognitionRefused(L, UNIT, RECOGNISED_ON, "Thiếu biên bản hội nghị lần thứ nhất", "cdvc"));
    }

    @Test
    void officesDoNotChangeBeforeRecognition() {
        fixture.given(submitted(true))
                .when(new EndOfficeCommand(L, "p2", null, HoldingEnd.RESIGNATION, LocalDate.of(2023, 7, 1), RECOGNITION))
                .expectException(violation("not-in-office", "R-42"));
    }

    @Test
    void aChairWhoResignsFromTheCommitteeLeavesTheChairTooAndBothDatesAreKept() {
        LocalDate on = LocalDate.of(2024, 2, 1);
        Decision d = new Decision("3/QĐ-CĐVC", on, "CĐVC");
        fixture.given(submitted(true), recognised())
                .when(new EndOfficeCommand(L, "p1", null, HoldingEnd.RESIGNATION, on, d))
                .expectEvents(new OfficesEnded(L, UNIT, "p1", List.of(L + "/1", L + "/6"), on, HoldingEnd.RESIGNATION, d, null));
    }

    @Test
    void anOfficeCannotEndBeforeItBegan() {
        fixture.given(submitted(true), recognised())
                .when(new EndOfficeCommand(L, "p2", null, HoldingEnd.TRANSFER, LocalDate.of(2023, 1, 1), RECOGNITION))
                .expectException(violation("ends-before-start", "R-51"));
    }

    @Test
    void successionIsNotAPersonalEnding() {
        fixture.given(submitted(true), recognised())
                .when(new EndOfficeCommand(L, "p2", null, HoldingEnd.SUCCEEDED_ON_RECOGNITION, LocalDate.of(2024, 1, 1), RECOGNITION))
                .expectException(violation("invalid-ending", "R-51"));
    }

    @Test
    void aBranchMayAddThreeOfFiveSeatsAndTheFourthNeedsUpperLevelConsent() {
        LocalDate on = LocalDate.of(2024, 6, 1);
        fixture.given(fourResignedThreeAppointed(true))
                .when(new AppointToOfficeCommand(L, "q4", Office.COMMITTEE_MEMBER, on, new Decision("9/QĐ", on, "CĐVC"), null, null))
                .expectException(violation("additions-cap-exceeded", "R-50"));
        fixture.given(fourResignedThreeAppointed(true))
                .when(new AppointToOfficeCommand(L, "q4", Office.COMMITTEE_MEMBER, on, new Decision("9/QĐ", on, "CĐVC"), CONSENT, "cdvc"))
                .expectEvents(new OfficeFilled(L, UNIT, new Holding(L + "/10", "q4", Office.COMMITTEE_MEMBER, HoldingStart.APPOINTED, on,
                        new Decision("9/QĐ", on, "CĐVC"), null, null, null, null), true, CONSENT));
    }

    @Test
    void aHigherLevelUnitMayAddOnlyHalfItsSeatsWithoutConsent() {
        LocalDate on = LocalDate.of(2024, 3, 1);
        List<Object> given = new ArrayList<>(List.of(submitted(false), recognised()));
        for (int i = 2; i <= 5; i++) given.add(resigned("p" + i, i, on));
        given.add(appointed("q1", 7, on));
        given.add(appointed("q2", 8, on));
        fixture.given(given)
                .when(new AppointToOfficeCommand(L, "q3", Office.COMMITTEE_MEMBER, on, new Decision("9/QĐ", on, "LĐLĐ"), null, null))
                .expectException(violation("additions-cap-exceeded", "R-50"));
    }

    @Test
    void aFullCommitteeHasNoVacancyToFill() {
        LocalDate on = LocalDate.of(2024, 3, 1);
        fixture.given(submitted(true), recognised())
                .when(new AppointToOfficeCommand(L, "q1", Office.COMMITTEE_MEMBER, on, new Decision("9/QĐ", on, "CĐVC"), CONSENT, "cdvc"))
                .expectException(violation("no-vacancy", "R-50"));
    }

    @Test
    void aViceChairIsAppointedFromTheCommitteeOnly() {
        LocalDate on = LocalDate.of(2024, 3, 1);
        fixture.given(submitted(true), recognised())
                .when(new AppointToOfficeCommand(L, "outsider", Office.VICE_CHAIR, on, new Decision("9/QĐ", on, "CĐVC"), null, null))
                .expectException(violation("office-outside-committee", "R-41"));
    }

    @Test
    void anExtraordinaryCongressNeedsMoreThanHalfTheSeatsVacant() {
        LocalDate on = LocalDate.of(2024, 3, 1);
        fixture.given(submitted(true), recognised(), resigned("p2", 2, on), resigned("p3", 3, on))
                .when(new ApproveExtraordinaryCongressCommand(L, ExtraordinaryGrounds.MORE_THAN_HALF_SEATS_VACANT, on.plusDays(5), CONSENT, "cdvc"))
                .expectException(violation("not-enough-vacancies", "R-53"));
        fixture.given(submitted(true), recognised(), resigned("p2", 2, on), resigned("p3", 3, on), resigned("p4", 4, on))
                .when(new ApproveExtraordinaryCongressCommand(L, ExtraordinaryGrounds.MORE_THAN_HALF_SEATS_VACANT, on.plusDays(5), CONSENT, "cdvc"))
                .expectEvents(new ExtraordinaryCongressApproved(L, UNIT, ExtraordinaryGrounds.MORE_THAN_HALF_SEATS_VACANT, 5, 3, on.plusDays(5), CONSENT));
    }

    @Test
    void anExtraordinaryCongressForChangedTasksNeedsOnlyConsent() {
        LocalDate on = LocalDate.of(2025, 1, 1);
        fixture.given(submitted(true), recognised())
                .when(new ApproveExtraordinaryCongressCommand(L, ExtraordinaryGrounds.TASKS_CHANGED, on, CONSENT, "cdvc"))
                .expectEvents(new ExtraordinaryCongressApproved(L, UNIT, ExtraordinaryGrounds.TASKS_CHANGED, 5, 0, on, CONSENT));
    }

    // ---- the slate read from election facts (R-03, R-40, R-41) --------------------------------------------

    private static ElectionFacts facts(String id, String congress, String unit, ElectedBody body, boolean open, String... elected) {
        return new ElectionFacts(id, congress, unit, body, body == ElectedBody.EXECUTIVE_COMMITTEE ? 5 : 1, List.of(elected), open);
    }

    @Test
    void aDirectlyElectedChairBeginsAtTheCongressAndAFirstMeetingsElectionAtTheMeeting() {
        Slate s = Slate.of(UNIT, List.of(
                facts("e1", "c1", UNIT, ElectedBody.EXECUTIVE_COMMITTEE, false, "p1", "p2", "p3", "p4", "p5"),
                facts("e2", "c1", UNIT, ElectedBody.CHAIR, false, "p1"),
                facts("e3", "m1", UNIT, ElectedBody.VICE_CHAIRS, false, "p2")));
        assertThat(s.seats()).isEqualTo(5);
        assertThat(s.proposed()).filteredOn(h -> h.office() == Office.CHAIR).singleElement()
                .extracting(Holding::began).isEqualTo(HoldingStart.ELECTED_AT_CONGRESS);
        assertThat(s.proposed()).filteredOn(h -> h.office() == Office.VICE_CHAIR).singleElement()
                .extracting(Holding::began).isEqualTo(HoldingStart.ELECTED_AT_FIRST_MEETING);
    }

    @Test
    void aSubmissionRefusesAnOpenRoundAnotherUnitsElectionABodyGivenTwiceAndAChairFromOutside() {
        ElectionFacts committee = facts("e1", "c1", UNIT, ElectedBody.EXECUTIVE_COMMITTEE, false, "p1", "p2", "p3", "p4", "p5");
        assertThatThrownBy(() -> Slate.of(UNIT, List.of(facts("e1", "c1", UNIT, ElectedBody.EXECUTIVE_COMMITTEE, true, "p1"))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.type()).isEqualTo("election-round-open"));
        assertThatThrownBy(() -> Slate.of(UNIT, List.of(facts("e1", "c1", "other", ElectedBody.EXECUTIVE_COMMITTEE, false, "p1"))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.type()).isEqualTo("election-of-another-unit"));
        assertThatThrownBy(() -> Slate.of(UNIT, List.of(committee, facts("e2", "c1", UNIT, ElectedBody.EXECUTIVE_COMMITTEE, false, "p6"))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.type()).isEqualTo("body-given-twice"));
        assertThatThrownBy(() -> Slate.of(UNIT, List.of(committee, facts("e2", "c1", UNIT, ElectedBody.CHAIR, false, "p9"))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.ruleId()).isEqualTo("R-41"));
        assertThatThrownBy(() -> Slate.of(UNIT, List.of(facts("e2", "c1", UNIT, ElectedBody.CHAIR, false, "p1"))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.type()).isEqualTo("committee-election-missing"));
    }

    // ---- the cap is a profile setting (R-50) --------------------------------------------------------------

    @Test
    void aProfileStoredBeforeTheCapsWereSettingsLoadsWithTheDefaultCaps() throws Exception {
        String stored = """
                {"id":"union-2020","nameVi":"x","nameEn":"x","source":"x","quorum":{"numerator":2,"denominator":3},
                 "showOfHandsMajority":{"numerator":1,"denominator":2},"minimumSurplus":1,"surplusCapShare":null,
                 "smallCommitteeSurplusCap":null,"electionThreshold":{"numerator":1,"denominator":2},
                 "tieRoundThreshold":{"numerator":1,"denominator":2},"strikeAllValid":true,"doubleEntry":true,
                 "confidenceReview":{"numerator":1,"denominator":2},"confidenceDismissal":{"numerator":2,"denominator":3},
                 "maxTermShiftMonths":30,"sealedBallotMonths":6}""";
        RuleProfile p = new ObjectMapper().readValue(stored, RuleProfile.class);
        assertThat(p.branchAdditionsCap()).isEqualTo(new Fraction(2, 3));
        assertThat(p.higherAdditionsCap()).isEqualTo(new Fraction(1, 2));
        assertThat(AdditionsCap.cap(p, true, 5)).as("3 of 5 seats").isEqualTo(3);
        assertThat(AdditionsCap.cap(p, false, 5)).isEqualTo(2);
    }
}
