package vn.daihoi.election.rules;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.Attendance;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.election.BallotAccounting;
import vn.daihoi.election.Candidate;
import vn.daihoi.election.CandidateListApproved;
import vn.daihoi.election.CandidateNominated;
import vn.daihoi.election.DestroyPaperBallotsCommand;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionAggregate;
import vn.daihoi.election.ElectionOpened;
import vn.daihoi.election.NominationSource;
import vn.daihoi.election.OpenSealedPaperBallotsCommand;
import vn.daihoi.election.PaperBallotIssued;
import vn.daihoi.election.PaperBallotsDestroyed;
import vn.daihoi.election.RoundClosed;
import vn.daihoi.election.RoundCounted;
import vn.daihoi.election.RoundOpened;
import vn.daihoi.election.RoundResult;
import vn.daihoi.election.SealAuthority;
import vn.daihoi.election.SealedPaperBallotsOpened;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * R-31, given / when / expect: a counted round's paper ballots stay sealed for the profile's months (6 by default)
 * from the calendar day in Vietnam the round closed; only the presidium or the executive committee opens them, by a
 * recorded decision; they are destroyed on or after the day the seal runs out, never before.
 */
class R31SealedPaperBallotsTest {

    private static final String E = "e1";
    private static final List<String> LIST = List.of("c1", "c2", "c3");
    /** 00:30 on 21 May 2024 in Hà Nội, still 20 May in UTC: the seal counts from 21 May. */
    private static final Instant CLOSED_AT = Instant.parse("2024-05-20T17:30:00Z");
    private static final LocalDate SEALED_UNTIL = LocalDate.of(2024, 11, 21);

    private AggregateTestFixture<ElectionAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ElectionAggregate.class);
    }

    /** Round 1 of a two-seat election, with {@code paper} paper ballots among three, closed at {@code closedAt} and counted. */
    private static List<Object> counted(RuleProfile profile, int paper, Instant closedAt) {
        List<Object> given = new ArrayList<>(List.of(
                new ElectionOpened(E, "congress", "snv", ElectedBody.EXECUTIVE_COMMITTEE, "Bầu Ban Chấp hành", 2, profile)));
        for (String c : LIST) given.add(new CandidateNominated(E, new Candidate(c, "p-" + c, NominationSource.OUTGOING_COMMITTEE, null, null)));
        given.add(new CandidateListApproved(E, "list", null, LIST));
        given.add(new RoundOpened(E, 1, LIST, 2, List.of("d1", "d2", "d3"), new Attendance(3, 3, true), null, null));
        for (int i = 1; i <= paper; i++) given.add(new PaperBallotIssued(E, 1, "d" + i));
        given.add(new RoundClosed(E, 1, List.of("d1", "d2", "d3"), 3 - paper, paper, new BallotAccounting(3, 3, 0, 0, paper, paper, 3 - paper, 3 - paper),
                closedAt));
        given.add(new RoundCounted(E, 1, new RoundResult(2, 3, 3, 0, List.of(), List.of("c1", "c2"), List.of(), 0, 0), List.of()));
        return given;
    }

    private static List<Object> counted() {
        return counted(RuleProfiles.UNION_DEFAULT, 2, CLOSED_AT);
    }

    @Test
    void theBallotsStaySealedUntilSixMonthsAfterTheDayInVietnamTheRoundClosed() {
        fixture.given(counted())
                .when(new DestroyPaperBallotsCommand(E, 1, SEALED_UNTIL.minusDays(1), "12/QĐ-BCH"))
                .expectNoEvents()
                .expectException(refusal("ballots-still-sealed", "R-31", SEALED_UNTIL));
        fixture.given(counted())
                .when(new DestroyPaperBallotsCommand(E, 1, SEALED_UNTIL, "12/QĐ-BCH"))
                .expectEvents(new PaperBallotsDestroyed(E, 1, SEALED_UNTIL, "12/QĐ-BCH", SEALED_UNTIL));
    }

    @Test
    void theProfilesSettingGovernsHowLongTheyStaySealed() {
        RuleProfile year = withSealedMonths(RuleProfiles.UNION_DEFAULT, 12);
        fixture.given(counted(year, 1, CLOSED_AT))
                .when(new DestroyPaperBallotsCommand(E, 1, SEALED_UNTIL, "12/QĐ-BCH"))
                .expectNoEvents()
                .expectException(refusal("ballots-still-sealed", "R-31", LocalDate.of(2025, 5, 21)));
    }

    @Test
    void aRoundClosedBeforeClosingTimesWereRecordedIsSealedFromTheEventsOwnTime() {
        fixture.givenCurrentTime(CLOSED_AT)
                .andGiven(counted(RuleProfiles.UNION_DEFAULT, 2, null))
                .when(new DestroyPaperBallotsCommand(E, 1, SEALED_UNTIL.minusDays(1), "12/QĐ-BCH"))
                .expectNoEvents()
                .expectException(refusal("ballots-still-sealed", "R-31", SEALED_UNTIL));
    }

    @Test
    void thePresidiumOrTheExecutiveCommitteeOpensThemByARecordedDecision() {
        LocalDate day = LocalDate.of(2024, 6, 3);
        for (SealAuthority who : SealAuthority.values()) {
            fixture.given(counted())
                    .when(new OpenSealedPaperBallotsCommand(E, 1, who, "7/NQ-BCH", "Kiểm tra khiếu nại về phiếu số 2", day))
                    .expectEvents(new SealedPaperBallotsOpened(E, 1, who, "7/NQ-BCH", "Kiểm tra khiếu nại về phiếu số 2", day, SEALED_UNTIL));
        }
    }

    @Test
    void nobodyElseOpensThem() {
        fixture.given(counted())
                .when(new OpenSealedPaperBallotsCommand(E, 1, SealAuthority.named("ORGANISER"), "7/NQ-BCH", "Xem lại", LocalDate.of(2024, 6, 3)))
                .expectNoEvents()
                .expectException(refusal("seal-authority-required", "R-31"));
    }

    @Test
    void anOpeningNeedsTheDecisionThatOrderedIt() {
        fixture.given(counted())
                .when(new OpenSealedPaperBallotsCommand(E, 1, SealAuthority.PRESIDIUM, " ", "Xem lại", LocalDate.of(2024, 6, 3)))
                .expectNoEvents()
                .expectException(refusal("missing-field", "R-31"));
    }

    @Test
    void openingDoesNotShortenTheSealedPeriod() {
        List<Object> given = counted();
        given.add(new SealedPaperBallotsOpened(E, 1, SealAuthority.EXECUTIVE_COMMITTEE, "7/NQ-BCH", "Kiểm tra", LocalDate.of(2024, 6, 3), SEALED_UNTIL));
        fixture.given(given)
                .when(new DestroyPaperBallotsCommand(E, 1, SEALED_UNTIL.minusDays(1), "12/QĐ-BCH"))
                .expectNoEvents()
                .expectException(refusal("ballots-still-sealed", "R-31", SEALED_UNTIL));
    }

    @Test
    void aRoundCountedWithoutPaperBallotsHasNothingToOpenOrDestroy() {
        fixture.given(counted(RuleProfiles.UNION_DEFAULT, 0, CLOSED_AT))
                .when(new OpenSealedPaperBallotsCommand(E, 1, SealAuthority.PRESIDIUM, "7/NQ-BCH", "Xem lại", LocalDate.of(2024, 6, 3)))
                .expectNoEvents()
                .expectException(refusal("no-paper-ballots", "R-31"));
        fixture.given(counted(RuleProfiles.UNION_DEFAULT, 0, CLOSED_AT))
                .when(new DestroyPaperBallotsCommand(E, 1, SEALED_UNTIL, "12/QĐ-BCH"))
                .expectNoEvents()
                .expectException(refusal("no-paper-ballots", "R-31"));
        fixture.given(counted())
                .when(new DestroyPaperBallotsCommand(E, 2, SEALED_UNTIL, "12/QĐ-BCH"))
                .expectNoEvents()
                .expectException(refusal("no-paper-ballots", "R-31"));
    }

    @Test
    void aRoundStillBeingVotedOnHasNoSealedBallots() {
        List<Object> open = counted().subList(0, counted().size() - 2);
        fixture.given(open)
                .when(new OpenSealedPaperBallotsCommand(E, 1, SealAuthority.PRESIDIUM, "7/NQ-BCH", "Xem lại", LocalDate.of(2024, 5, 20)))
                .expectNoEvents()
                .expectException(refusal("no-paper-ballots", "R-31"));
    }

    @Test
    void destroyedBallotsCanNeitherBeOpenedNorDestroyedAgain() {
        List<Object> given = counted();
        given.add(new PaperBallotsDestroyed(E, 1, SEALED_UNTIL, "12/QĐ-BCH", SEALED_UNTIL));
        fixture.given(given)
                .when(new OpenSealedPaperBallotsCommand(E, 1, SealAuthority.PRESIDIUM, "7/NQ-BCH", "Xem lại", SEALED_UNTIL.plusDays(1)))
                .expectNoEvents()
                .expectException(refusal("paper-ballots-destroyed", "R-31"));
        fixture.given(given)
                .when(new DestroyPaperBallotsCommand(E, 1, SEALED_UNTIL.plusDays(1), "13/QĐ-BCH"))
                .expectNoEvents()
                .expectException(refusal("paper-ballots-destroyed", "R-31"));
    }

    private static RuleProfile withSealedMonths(RuleProfile p, int months) {
        return new RuleProfile(p.id(), p.nameVi(), p.nameEn(), p.source(), p.quorum(), p.showOfHandsMajority(), p.minimumSurplus(),
                p.surplusCapShare(), p.smallCommitteeSurplusCap(), p.electionThreshold(), p.tieRoundThreshold(), p.strikeAllValid(),
                p.doubleEntry(), p.confidenceReview(), p.confidenceDismissal(), p.branchAdditionsCap(), p.higherAdditionsCap(),
                p.maxTermShiftMonths(), months, p.confidenceQuorum(), p.countingShares());
    }

    private static Matcher<RuleViolation> refusal(String type, String rule, Object... arguments) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation v) {
                return v.type().equals(type) && rule.equals(v.ruleId())
                        && (arguments.length == 0 || Arrays.equals(v.arguments(), arguments));
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("rule violation " + type + " (" + rule + ")" + (arguments.length == 0 ? "" : " with " + Arrays.toString(arguments)));
            }
        };
    }
}
