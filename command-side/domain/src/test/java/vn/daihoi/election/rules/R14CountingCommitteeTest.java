package vn.daihoi.election.rules;

import org.junit.jupiter.api.Test;
import vn.daihoi.congress.DecisionSubject;
import vn.daihoi.election.BallotBoxPrepared;
import vn.daihoi.election.IssuePaperBallotCommand;
import vn.daihoi.election.PaperBallotEntered;
import vn.daihoi.election.RoundOpened;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.daihoi.election.rules.Refusals.only;
import static vn.daihoi.election.rules.Refusals.refusal;
import static vn.daihoi.election.rules.Scenario.C;
import static vn.daihoi.election.rules.Scenario.COUNTING;
import static vn.daihoi.election.rules.Scenario.E;

/**
 * R-14, given / when / expect, on the election's side: a round is counted by the counting committee the congress
 * elected by show of hands — no round opens before there is one, its members hold the box's key shares (ADR 0017),
 * and the committee of an open round is the one named when it opened. (That a candidate does not sit on the counting
 * committee is the congress's refusal of the second decision: {@code CongressAggregateTest}.)
 */
class R14CountingCommitteeTest {

    private final Scenario s = Scenario.union(2).candidates(3);

    @Test
    void noRoundOpensBeforeTheCongressNamedItsCountingCommittee() {
        s.assemblies.noCountingCommittee(C);
        List<Object> given = new ArrayList<>(s.roundOneOpen("c1", "c2", "c3").subList(0, 5));
        s.fixture.givenCommands(given)
                .when(s.roundOne())
                .expectNoEvents()
                .expectException(refusal("counting-committee-missing", "R-14"));
    }

    @Test
    void theMembersTheCongressNamedHoldTheKeySharesAMajorityOfThemOpensTheBox() {
        List<Object> given = new ArrayList<>(s.roundOneOpen("c1", "c2", "c3").subList(0, 5));
        List<Object> events = Scenario.applied(s.fixture.givenCommands(given).when(s.roundOne()));
        assertThat(only(events, RoundOpened.class).round()).isEqualTo(1);
        BallotBoxPrepared box = only(events, BallotBoxPrepared.class);
        assertThat(box.shareHolderPersonIds()).isEqualTo(COUNTING);
        assertThat(box.sharesNeeded()).isEqualTo(2);
        assertThat(s.box.box(E, 1).holders()).isEqualTo(COUNTING);
    }

    @Test
    void aCommitteeNamedAfterTheRoundOpenedDoesNotCountThatRound() {
        List<Object> given = new ArrayList<>(s.roundOneOpen("c1", "c2", "c3"));
        given.add(new IssuePaperBallotCommand(E, 1, "d01"));
        var history = s.fixture.givenCommands(given);
        s.assemblies.decision(C, "kp-2", DecisionSubject.COUNTING_COMMITTEE, List.of("p-x1", "p-x2", "p-x3"), true);
        history.when(s.entry(1, 1, "p-x1", List.of("c1"), null, null))
                .expectNoEvents()
                .expectException(refusal("not-on-counting-committee", "R-29"));
    }

    @Test
    void aMemberOfTheCommitteeTheRoundOpenedWithEntersItsBallots() {
        List<Object> given = new ArrayList<>(s.roundOneOpen("c1", "c2", "c3"));
        given.add(new IssuePaperBallotCommand(E, 1, "d01"));
        var history = s.fixture.givenCommands(given);
        s.assemblies.decision(C, "kp-2", DecisionSubject.COUNTING_COMMITTEE, List.of("p-x1", "p-x2", "p-x3"), true);
        history.when(s.entry(1, 1, COUNTING.get(2), List.of("c1"), null, null))
                .expectEvents(new PaperBallotEntered(E, 1, 1, "acc-" + COUNTING.get(2), List.of("c1"), null, null));
    }

    @Test
    void aCountingCommitteeDecisionThatDidNotPassNamesNoCommittee() {
        s.assemblies.noCountingCommittee(C);
        s.assemblies.decision(C, "kp-failed", DecisionSubject.COUNTING_COMMITTEE, COUNTING, false);
        List<Object> given = new ArrayList<>(s.roundOneOpen("c1", "c2", "c3").subList(0, 5));
        s.fixture.givenCommands(given)
                .when(s.roundOne())
                .expectNoEvents()
                .expectException(refusal("counting-committee-missing", "R-14"));
    }
}
