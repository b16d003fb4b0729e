package vn.daihoi.term.rules;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.congress.Term;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectedPeople;
import vn.daihoi.election.ElectionFacts;
import vn.daihoi.organisation.Decision;
import vn.daihoi.term.AppointToOfficeCommand;
import vn.daihoi.term.FillVacancyByElectionCommand;
import vn.daihoi.term.Holding;
import vn.daihoi.term.HoldingEnd;
import vn.daihoi.term.HoldingStart;
import vn.daihoi.term.LeadershipAggregate;
import vn.daihoi.term.LeadershipRecognised;
import vn.daihoi.term.LeadershipSubmitted;
import vn.daihoi.term.Office;
import vn.daihoi.term.OfficeFilled;
import vn.daihoi.term.OfficesEnded;
import vn.daihoi.term.TermCommandHandler;
import vn.daihoi.term.TermDirectory;
import vn.daihoi.term.UnitsAbove;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * R-50, given / when / expect: additions during a term beyond the cap (3 of 5 seats for a branch) need the upper
 * level's consent, and the upper level is the unit directly above the branch on the day the addition takes effect —
 * a decision number given on behalf of the branch itself, a sibling, or the level above the upper level is no consent
 * (ADR 0029). The consenting unit is set by the application from the sender's grant, never from the request.
 */
class R50AdditionsConsentTest {

    private static final String L = "l1";
    private static final String BRANCH = "snv";
    private static final String UPPER = "cdvc";
    private static final String SIBLING = "stp";
    private static final String PROVINCE = "ldld";
    private static final String OTHER_UPPER = "cdyt";
    private static final LocalDate RECOGNISED_ON = LocalDate.of(2023, 6, 15);
    private static final LocalDate ON = LocalDate.of(2024, 6, 1);
    private static final Decision APPOINTMENT = new Decision("9/QĐ-CĐVC", ON, "Công đoàn Viên chức tỉnh");
    private static final Decision CONSENT = new Decision("7/CV-CĐVC", LocalDate.of(2024, 5, 20), "Công đoàn Viên chức tỉnh");

    private AggregateTestFixture<LeadershipAggregate> fixture;
    private UnitsAbove units;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LeadershipAggregate.class);
        units = new UnitsAbove()
                .under(PROVINCE, null, LocalDate.of(2000, 1, 1))
                .under(UPPER, PROVINCE, LocalDate.of(2000, 1, 1))
                .under(OTHER_UPPER, PROVINCE, LocalDate.of(2000, 1, 1))
                .under(SIBLING, UPPER, LocalDate.of(2000, 1, 1))
                .under(BRANCH, UPPER, LocalDate.of(2000, 1, 1));
        fixture.registerInjectableResource(units);
        TermDirectory directory = new TermDirectory() {
            @Override public Optional<String> leadershipFor(String unitId, int termStartYear) { return Optional.empty(); }
            @Override public List<Entry> ofUnit(String unitId) { return List.of(new Entry(L, 2023, false, RECOGNISED_ON)); }
            @Override public Optional<CongressEntry> congress(String congressId) { return Optional.empty(); }
        };
        ElectedPeople byElection = new ElectedPeople() {
            @Override public Body of(String congressId, ElectedBody body) { return new Body(List.of(), false); }
            @Override public Optional<ElectionFacts> facts(String electionId) {
                return Optional.of(new ElectionFacts(electionId, "c2", BRANCH, ElectedBody.EXECUTIVE_COMMITTEE, 1, List.of("q4"), false));
            }
        };
        fixture.registerAnnotatedCommandHandler(new TermCommandHandler(fixture.getRepository(), byElection, null, directory, units, null));
    }

    /** A five-seat branch committee recognised, four members resigned and three appointed: the cap of three is reached. */
    private static List<Object> capReached() {
        List<Holding> proposed = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            proposed.add(new Holding(L + "/" + i, "p" + i, Office.COMMITTEE_MEMBER, HoldingStart.ELECTED_AT_CONGRESS, null, null, "e1", null, null, null));
        }
        List<Object> given = new ArrayList<>(List.of(
                new LeadershipSubmitted(L, BRANCH, new Term(2023, 2028), "c1", 10, 5, true, RuleProfiles.UNION_DEFAULT, List.of("e1"), proposed,
                        LocalDate.of(2023, 5, 21)),
                new LeadershipRecognised(L, BRANCH, RECOGNISED_ON, new Decision("125/QĐ-CĐVC", RECOGNISED_ON, "CĐVC"), UPPER)));
        LocalDate resigned = LocalDate.of(2024, 3, 1);
        for (int i = 2; i <= 5; i++) {
            given.add(new OfficesEnded(L, BRANCH, "p" + i, List.of(L + "/" + i), resigned, HoldingEnd.RESIGNATION,
                    new Decision("R-p" + i, resigned, "BCH"), null));
        }
        for (int i = 1; i <= 3; i++) {
            given.add(new OfficeFilled(L, BRANCH, new Holding(L + "/" + (5 + i), "q" + i, Office.COMMITTEE_MEMBER, HoldingStart.APPOINTED,
                    resigned.plusDays(10), new Decision("A-q" + i, resigned.plusDays(10), "CĐVC"), null, null, null, null), true, null));
        }
        return given;
    }

    private static OfficeFilled fourth(HoldingStart how, Decision decision, String electionId) {
        return new OfficeFilled(L, BRANCH, new Holding(L + "/9", "q4", Office.COMMITTEE_MEMBER, how, ON, decision, electionId, null, null, null),
                true, CONSENT);
    }

    private AppointToOfficeCommand appointFourth(Decision consent, String consentedByUnitId) {
        return new AppointToOfficeCommand(L, "q4", Office.COMMITTEE_MEMBER, ON, APPOINTMENT, consent, consentedByUnitId);
    }

    @Test
    void beyondTheCapAnAdditionWithoutConsentIsRefused() {
        fixture.given(capReached())
                .when(appointFourth(null, null))
                .expectNoEvents()
                .expectException(refusal("additions-cap-exceeded", "R-50"));
    }

    @Test
    void theConsentOfTheUnitDirectlyAboveLiftsTheCap() {
        fixture.given(capReached())
                .when(appointFourth(CONSENT, UPPER))
                .expectEvents(fourth(HoldingStart.APPOINTED, APPOINTMENT, null));
    }

    @Test
    void aConsentGivenOnBehalfOfTheBranchItselfIsNoConsent() {
        fixture.given(capReached())
                .when(appointFourth(CONSENT, BRANCH))
                .expectNoEvents()
                .expectException(refusal("consent-not-from-upper-level", "R-50"));
    }

    @Test
    void aConsentOfASiblingUnitIsNoConsent() {
        fixture.given(capReached())
                .when(appointFourth(CONSENT, SIBLING))
                .expectNoEvents()
                .expectException(refusal("consent-not-from-upper-level", "R-50"));
    }

    @Test
    void aConsentOfAnotherUpperUnitOrOfTheLevelAboveTheUpperLevelIsNoConsent() {
        fixture.given(capReached())
                .when(appointFourth(CONSENT, OTHER_UPPER))
                .expectNoEvents()
                .expectException(refusal("consent-not-from-upper-level", "R-50"));
        fixture.given(capReached())
                .when(appointFourth(CONSENT, PROVINCE))
                .expectNoEvents()
                .expectException(refusal("consent-not-from-upper-level", "R-50"));
    }

    @Test
    void aConsentThatNamesNoConsentingUnitIsNoConsent() {
        fixture.given(capReached())
                .when(appointFourth(CONSENT, null))
                .expectNoEvents()
                .expectException(refusal("consent-not-from-upper-level", "R-50"));
    }

    @Test
    void aConsentNeededOrNotIsOnlyEverRecordedFromTheUpperLevel() {
        // Within the cap no consent is needed; one given anyway still goes on record, so it must be the upper level's.
        List<Object> underCap = capReached().subList(0, capReached().size() - 1);
        fixture.given(underCap)
                .when(appointFourth(CONSENT, BRANCH))
                .expectNoEvents()
                .expectException(refusal("consent-not-from-upper-level", "R-50"));
    }

    @Test
    void theUpperLevelIsTheOneAboveTheBranchOnTheDayTheAdditionTakesEffect() {
        // The branch moved from the health union to the public employees' union on 1 May 2024.
        units.forget(BRANCH).under(BRANCH, OTHER_UPPER, LocalDate.of(2000, 1, 1)).under(BRANCH, UPPER, LocalDate.of(2024, 5, 1));
        fixture.given(capReached())
                .when(new AppointToOfficeCommand(L, "q4", Office.COMMITTEE_MEMBER, LocalDate.of(2024, 4, 30), APPOINTMENT, CONSENT, UPPER))
                .expectNoEvents()
                .expectException(refusal("consent-not-from-upper-level", "R-50"));
        fixture.given(capReached())
                .when(appointFourth(CONSENT, UPPER))
                .expectEvents(fourth(HoldingStart.APPOINTED, APPOINTMENT, null));
    }

    @Test
    void aByElectionBeyondTheCapTakesOfficeOnlyWithTheUpperLevelsConsent() {
        Decision decision = new Decision("05/NQ-CĐCS", ON, "BCH Công đoàn cơ sở");
        fixture.given(capReached())
                .when(new FillVacancyByElectionCommand(L, "b1", ON, decision, CONSENT, BRANCH))
                .expectNoEvents()
                .expectException(refusal("consent-not-from-upper-level", "R-50"));
        fixture.given(capReached())
                .when(new FillVacancyByElectionCommand(L, "b1", ON, decision, CONSENT, UPPER))
                .expectEvents(fourth(HoldingStart.BY_ELECTION, decision, "b1"));
    }

    static Matcher<RuleViolation> refusal(String type, String rule) {
        return new TypeSafeMatcher<>() {
            @Override protected boolean matchesSafely(RuleViolation v) {
                return v.type().equals(type) && rule.equals(v.ruleId());
            }
            @Override public void describeTo(Description d) { d.appendText("rule violation " + type + " (" + rule + ")"); }
        };
    }
}
