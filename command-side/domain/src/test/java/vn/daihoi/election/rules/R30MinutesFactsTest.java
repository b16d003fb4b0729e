package vn.daihoi.election.rules;

import org.junit.jupiter.api.Test;
import vn.daihoi.congress.Attendance;
import vn.daihoi.election.BallotAccounting;
import vn.daihoi.election.InvalidReason;
import vn.daihoi.election.IssuePaperBallotCommand;
import vn.daihoi.election.PublishResultsCommand;
import vn.daihoi.election.RecordPaperAccountingCommand;
import vn.daihoi.election.RoundClosed;
import vn.daihoi.election.RoundCounted;
import vn.daihoi.election.RoundOpened;
import vn.daihoi.election.RoundResult;
import vn.daihoi.election.RoundResultsPublished;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.daihoi.election.rules.Refusals.only;
import static vn.daihoi.election.rules.Refusals.refusal;
import static vn.daihoi.election.rules.Scenario.E;

/**
 * R-30, given / when / expect: the facts the counting minutes state are recorded by the election's own events, once —
 * delegates summoned, present and voting and the time the round opened; ballots issued, collected, valid and invalid
 * and the time it closed; each candidate's votes and percentage of the ballots collected, computed once; the elected.
 * Results are published only once counted.
 */
class R30MinutesFactsTest {

    private final Scenario s = new Scenario(vn.daihoi.congress.RuleProfiles.UNION_DEFAULT, 2, 9, 7).candidates(3);

    private List<Object> counted;
    private List<Object> opened;

    private void aCountedRound() {
        List<Object> given = new ArrayList<>(s.roundOneOpen("c1", "c2", "c3").subList(0, 5));
        opened = Scenario.applied(s.fixture.givenCommands(given).when(s.roundOne()));
        List<Object> round = new ArrayList<>(s.roundOneOpen("c1", "c2", "c3"));
        round.add(new IssuePaperBallotCommand(E, 1, "d07"));
        round.addAll(s.invalidPaperBallot(1, 1, InvalidReason.UNCLEAR));
        round.add(new RecordPaperAccountingCommand(E, 1, 0, null));
        var history = s.fixture.givenCommands(round);
        s.box.vote(E, 1, "d01", "c1", "c2");
        s.box.vote(E, 1, "d02", "c1");
        counted = Scenario.applied(history.when(s.close(1)));
    }

    @Test
    void theOpeningRecordsAttendanceAndItsTime() {
        aCountedRound();
        RoundOpened o = only(opened, RoundOpened.class);
        assertThat(o.attendance()).isEqualTo(new Attendance(9, 7, true));
        assertThat(o.voterDelegateIds()).hasSize(7);
        assertThat(o.openedAt()).isEqualTo(Scenario.OPENED_AT);
    }

    @Test
    void theCloseRecordsTheBallotAccountingAndItsTime() {
        aCountedRound();
        RoundClosed c = only(counted, RoundClosed.class);
        // 7 on the roll: 1 paper (collected), 6 electronic enabled, 2 voted, 4 did not.
        assertThat(c.accounting()).isEqualTo(new BallotAccounting(7, 3, 0, 4, 1, 1, 6, 2));
        assertThat(c.closedAt()).isEqualTo(Scenario.CLOSED_AT);
    }

    @Test
    void theCountRecordsVotesAndPercentagesOfTheBallotsCollected() {
        aCountedRound();
        RoundResult r = only(counted, RoundCounted.class).result();
        assertThat(List.of(r.collected(), r.valid(), r.invalid())).containsExactly(3, 2, 1);
        assertThat(r.lines()).extracting(RoundResult.Line::candidateId, RoundResult.Line::votes, RoundResult.Line::percentOfCollected)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("c1", 2, "66.67"), org.assertj.core.groups.Tuple.tuple("c2", 1, "33.33"),
                        org.assertj.core.groups.Tuple.tuple("c3", 0, "0.00"));
        assertThat(r.electedCandidateIds()).containsExactly("c1");
    }

    @Test
    void resultsArePublishedOnlyOnceCountedAndOnce() {
        String link = "k3Jd9sLw0qPz7TnYvB2xQe";
        s.fixture.givenCommands(s.roundOneOpen("c1", "c2", "c3"))
                .when(new PublishResultsCommand(E, 1, link))
                .expectNoEvents()
                .expectException(refusal("round-not-counted", "R-30"));
        s.fixture.givenCommands(new ArrayList<>(s.roundOneOpen("c1", "c2", "c3")))
                .andGivenCommands(s.close(1))
                .when(new PublishResultsCommand(E, 1, link))
                .expectEvents(new RoundResultsPublished(E, 1, link));
    }
}
