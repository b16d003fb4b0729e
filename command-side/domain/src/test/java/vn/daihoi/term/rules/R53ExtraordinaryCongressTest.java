package vn.daihoi.term.rules;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.congress.Term;
import vn.daihoi.organisation.Decision;
import vn.daihoi.term.ApproveExtraordinaryCongressCommand;
import vn.daihoi.term.ExtraordinaryCongressApproved;
import vn.daihoi.term.ExtraordinaryGrounds;
import vn.daihoi.term.Holding;
import vn.daihoi.term.HoldingEnd;
import vn.daihoi.term.HoldingStart;
import vn.daihoi.term.LeadershipAggregate;
import vn.daihoi.term.LeadershipRecognised;
import vn.daihoi.term.LeadershipSubmitted;
import vn.daihoi.term.Office;
import vn.daihoi.term.OfficesEnded;
import vn.daihoi.term.UnitsAbove;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static vn.daihoi.term.rules.R50AdditionsConsentTest.refusal;

/**
 * R-53, given / when / expect: an extraordinary congress is held with the upper level's consent — a decision of the
 * unit directly above on the day of approval, never one given on behalf of the unit itself, a sibling or a level
 * further up (ADR 0029) — and, on the grounds of vacancies, only when more than half the committee's seats are vacant.
 */
class R53ExtraordinaryCongressTest {

    private static final String L = "l1";
    private static final String BRANCH = "snv";
    private static final String UPPER = "cdvc";
    private static final String SIBLING = "stp";
    private static final String PROVINCE = "ldld";
    private static final LocalDate RECOGNISED_ON = LocalDate.of(2023, 6, 15);
    private static final LocalDate ON = LocalDate.of(2025, 1, 10);
    private static final Decision CONSENT = new Decision("3/CV-CĐVC", ON, "Công đoàn Viên chức tỉnh");

    private AggregateTestFixture<LeadershipAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LeadershipAggregate.class);
        fixture.registerInjectableResource(new UnitsAbove()
                .under(PROVINCE, null, LocalDate.of(2000, 1, 1))
                .under(UPPER, PROVINCE, LocalDate.of(2000, 1, 1))
                .under(SIBLING, UPPER, LocalDate.of(2000, 1, 1))
                .under(BRANCH, UPPER, LocalDate.of(2000, 1, 1)));
    }

    /** A five-seat branch committee in office, with {@code resigned} of its members gone. */
    private static List<Object> inOffice(int resigned) {
        List<Holding> proposed = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            proposed.add(new Holding(L + "/" + i, "p" + i, Office.COMMITTEE_MEMBER, HoldingStart.ELECTED_AT_CONGRESS, null, null, "e1", null, null, null));
        }
        List<Object> given = new ArrayList<>(List.of(
                new LeadershipSubmitted(L, BRANCH, new Term(2023, 2028), "c1", 10, 5, true, RuleProfiles.UNION_DEFAULT, List.of("e1"), proposed,
                        LocalDate.of(2023, 5, 21)),
                new LeadershipRecognised(L, BRANCH, RECOGNISED_ON, new Decision("125/QĐ-CĐVC", RECOGNISED_ON, "CĐVC"), UPPER)));
        LocalDate day = LocalDate.of(2024, 3, 1);
        for (int i = 2; i < 2 + resigned; i++) {
            given.add(new OfficesEnded(L, BRANCH, "p" + i, List.of(L + "/" + i), day, HoldingEnd.RESIGNATION, new Decision("R-p" + i, day, "BCH"), null));
        }
        return given;
    }

    @Test
    void theUnitDirectlyAboveConsentsToAnExtraordinaryCongressForChangedTasks() {
        fixture.given(inOffice(0))
                .when(new ApproveExtraordinaryCongressCommand(L, ExtraordinaryGrounds.TASKS_CHANGED, ON, CONSENT, UPPER))
                .expectEvents(new ExtraordinaryCongressApproved(L, BRANCH, ExtraordinaryGrounds.TASKS_CHANGED, 5, 0, ON, CONSENT));
    }

    @Test
    void theBranchCannotConsentToItsOwnExtraordinaryCongress() {
        fixture.given(inOffice(3))
                .when(new ApproveExtraordinaryCongressCommand(L, ExtraordinaryGrounds.MORE_THAN_HALF_SEATS_VACANT, ON, CONSENT, BRANCH))
                .expectNoEvents()
                .expectException(refusal("consent-not-from-upper-level", "R-53"));
    }

    @Test
    void aSiblingOrTheLevelAboveTheUpperLevelCannotConsentEither() {
        fixture.given(inOffice(0))
                .when(new ApproveExtraordinaryCongressCommand(L, ExtraordinaryGrounds.TASKS_CHANGED, ON, CONSENT, SIBLING))
                .expectNoEvents()
                .expectException(refusal("consent-not-from-upper-level", "R-53"));
        fixture.given(inOffice(0))
                .when(new ApproveExtraordinaryCongressCommand(L, ExtraordinaryGrounds.TASKS_CHANGED, ON, CONSENT, PROVINCE))
                .expectNoEvents()
                .expectException(refusal("consent-not-from-upper-level", "R-53"));
        fixture.given(inOffice(0))
                .when(new ApproveExtraordinaryCongressCommand(L, ExtraordinaryGrounds.TASKS_CHANGED, ON, CONSENT, null))
                .expectNoEvents()
                .expectException(refusal("consent-not-from-upper-level", "R-53"));
    }

    @Test
    void onTheGroundsOfVacanciesMoreThanHalfTheSeatsMustBeVacant() {
        fixture.given(inOffice(2))
                .when(new ApproveExtraordinaryCongressCommand(L, ExtraordinaryGrounds.MORE_THAN_HALF_SEATS_VACANT, ON, CONSENT, UPPER))
                .expectNoEvents()
                .expectException(refusal("not-enough-vacancies", "R-53"));
        fixture.given(inOffice(3))
                .when(new ApproveExtraordinaryCongressCommand(L, ExtraordinaryGrounds.MORE_THAN_HALF_SEATS_VACANT, ON, CONSENT, UPPER))
                .expectEvents(new ExtraordinaryCongressApproved(L, BRANCH, ExtraordinaryGrounds.MORE_THAN_HALF_SEATS_VACANT, 5, 3, ON, CONSENT));
    }

    @Test
    void anExtraordinaryCongressNeedsAConsentDecision() {
        fixture.given(inOffice(0))
                .when(new ApproveExtraordinaryCongressCommand(L, ExtraordinaryGrounds.TASKS_CHANGED, ON, null, UPPER))
                .expectNoEvents()
                .expectException(refusal("decision-required", "R-53"));
    }
}
