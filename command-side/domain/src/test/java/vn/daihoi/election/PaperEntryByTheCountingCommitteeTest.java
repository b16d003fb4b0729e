package vn.daihoi.election;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.Attendance;
import vn.daihoi.congress.RuleProfiles;

import java.util.ArrayList;
import java.util.List;

/**
 * given / when / expect: paper ballots are entered and accounted only by the people the congress named
 * on its counting committee (the holders of the round's key shares), whatever grants an account carries.
 */
class PaperEntryByTheCountingCommitteeTest {

    private static final String E = "e1";
    private static final List<String> LIST = List.of("c1", "c2", "c3");

    private AggregateTestFixture<ElectionAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ElectionAggregate.class);
    }

    private static List<Object> roundOpenWithCommittee(String... members) {
        List<Object> given = new ArrayList<>(List.of(
                new ElectionOpened(E, "congress", "snv", ElectedBody.EXECUTIVE_COMMITTEE, "Bầu Ban Chấp hành", 2, RuleProfiles.UNION_DEFAULT)));
        for (String c : LIST) given.add(new CandidateNominated(E, new Candidate(c, "p-" + c, NominationSource.OUTGOING_COMMITTEE, null, null)));
        given.add(new CandidateListApproved(E, "list", null, LIST));
        given.add(new RoundOpened(E, 1, LIST, 2, List.of("d1", "d2", "d3"), new Attendance(3, 3, true), null, null));
        given.add(new BallotBoxPrepared(E, 1, "0000-0000-0000-0000", "", List.of(members), 2));
        given.add(new PaperBallotIssued(E, 1, "d1"));
        return given;
    }

    @Test
    void aMemberNamedOnTheCountingCommitteeEntersAPaperBallot() {
        fixture.given(roundOpenWithCommittee("pA", "pB", "pC"))
                .when(new EnterPaperBallotCommand(E, 1, 1, "accountA", "pA", List.of("c1", "c3"), null, null))
                .expectEvents(new PaperBallotEntered(E, 1, 1, "accountA", List.of("c1", "c3"), null, null));
    }

    @Test
    void anAccountWhosePersonIsNotOnTheCountingCommitteeCannotEnterAPaperBallot() {
        fixture.given(roundOpenWithCommittee("pA", "pB", "pC"))
                .when(new EnterPaperBallotCommand(E, 1, 1, "accountX", "pX", List.of("c1"), null, null))
                .expectNoEvents()
                .expectException(refusal("not-on-counting-committee", "R-29"));
    }

    @Test
    void anAccountLinkedToNoPersonCannotEnterAPaperBallot() {
        fixture.given(roundOpenWithCommittee("pA", "pB", "pC"))
                .when(new EnterPaperBallotCommand(E, 1, 1, "accountX", null, List.of("c1"), null, null))
                .expectNoEvents()
                .expectException(refusal("not-on-counting-committee", "R-29"));
    }

    @Test
    void aMemberNotOnTheCountingCommitteeCannotRecordThePaperAccountingButTheOrganisersMay() {
        fixture.given(roundOpenWithCommittee("pA", "pB"))
                .when(new RecordPaperAccountingCommand(E, 1, 0, "pX"))
                .expectNoEvents()
                .expectException(refusal("not-on-counting-committee", "R-29"));
        fixture.given(roundOpenWithCommittee("pA", "pB"))
                .when(new RecordPaperAccountingCommand(E, 1, 1, null))
                .expectEvents(new PaperAccountingRecorded(E, 1, 1));
        fixture.given(roundOpenWithCommittee("pA", "pB"))
                .when(new RecordPaperAccountingCommand(E, 1, 1, "pB"))
                .expectEvents(new PaperAccountingRecorded(E, 1, 1));
    }

    @Test
    void theBalanceTellsWhichSideIsOff() {
        org.assertj.core.api.Assertions.assertThat(new PaperBalance(5, 4, 0, 1).verdict()).isEqualTo(PaperBalance.Verdict.BALANCED);
        org.assertj.core.api.Assertions.assertThat(new PaperBalance(5, 4, 0, 1).balances()).isTrue();
        org.assertj.core.api.Assertions.assertThat(new PaperBalance(5, 3, 0, 1).verdict()).isEqualTo(PaperBalance.Verdict.ACCOUNTED_SHORT);
        org.assertj.core.api.Assertions.assertThat(new PaperBalance(5, 5, 1, 0).verdict()).isEqualTo(PaperBalance.Verdict.ACCOUNTED_OVER);
        org.assertj.core.api.Assertions.assertThat(new PaperBalance(5, 5, 0, null).balances()).as("not returned not yet stated").isFalse();
    }

    private static Matcher<RuleViolation> refusal(String type, String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation v) {
                return v.type().equals(type) && rule.equals(v.ruleId());
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("rule violation " + type + " (" + rule + ")");
            }
        };
    }
}
