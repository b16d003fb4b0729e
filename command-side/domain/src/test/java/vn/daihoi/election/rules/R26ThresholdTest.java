package vn.daihoi.election.rules;

import org.junit.jupiter.api.Test;
import vn.daihoi.election.InvalidReason;
import vn.daihoi.election.IssuePaperBallotCommand;
import vn.daihoi.election.Outcome;
import vn.daihoi.election.RecordPaperAccountingCommand;
import vn.daihoi.election.RoundCounted;
import vn.daihoi.election.RoundResult;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.daihoi.election.rules.Refusals.only;
import static vn.daihoi.election.rules.Scenario.E;

/**
 * R-26, given / when / expect: elected is whoever has more than half of the ballots collected — invalid ones included
 * (edge case 7: more than half of the valid ballots is not enough), exactly half is not more — and the seats are
 * filled from the highest count down.
 */
class R26ThresholdTest {

    /** 2 seats among c1…c3; five ballots collected: three electronic, two paper found invalid. */
    private static RoundResult countOfFive(String[]... electronic) {
        Scenario s = Scenario.union(2).candidates(3);
        List<Object> given = new ArrayList<>(s.roundOneOpen("c1", "c2", "c3"));
        given.add(new IssuePaperBallotCommand(E, 1, "d08"));
        given.add(new IssuePaperBallotCommand(E, 1, "d09"));
        given.addAll(s.invalidPaperBallot(1, 1, InvalidReason.IDENTIFYING_MARK));
        given.addAll(s.invalidPaperBallot(1, 2, InvalidReason.TOO_MANY_NAMES));
        given.add(new RecordPaperAccountingCommand(E, 1, 0, null));
        var history = s.fixture.givenCommands(given);
        for (int i = 0; i < electronic.length; i++) s.box.vote(E, 1, Scenario.delegate(i + 1), electronic[i]);
        return only(Scenario.applied(history.when(s.close(1))), RoundCounted.class).result();
    }

    private static Outcome outcome(RoundResult r, String candidateId) {
        return r.lines().stream().filter(l -> l.candidateId().equals(candidateId)).findFirst().orElseThrow().outcome();
    }

    @Test
    void moreThanHalfOfTheBallotsCollectedElects() {
        RoundResult r = countOfFive(new String[]{"c1", "c2"}, new String[]{"c1", "c2"}, new String[]{"c1"});
        // c1: 3 of 5 collected. c2: 2 of 3 valid, but 2 of 5 collected.
        assertThat(r.collected()).isEqualTo(5);
        assertThat(r.electedCandidateIds()).containsExactly("c1");
        assertThat(outcome(r, "c2")).isEqualTo(Outcome.BELOW_THRESHOLD);
        assertThat(r.vacancies()).isEqualTo(1);
    }

    @Test
    void exactlyHalfOfTheBallotsCollectedDoesNotElect() {
        Scenario s = Scenario.union(2).candidates(3);
        var history = s.fixture.givenCommands(s.roundOneOpen("c1", "c2", "c3"));
        s.box.vote(E, 1, "d01", "c1", "c2");
        s.box.vote(E, 1, "d02", "c1", "c2");
        s.box.vote(E, 1, "d03", "c1");
        s.box.vote(E, 1, "d04", "c3");
        RoundResult r = only(Scenario.applied(history.when(s.close(1))), RoundCounted.class).result();
        // c1 3 of 4, c2 2 of 4: half is not more than half.
        assertThat(r.electedCandidateIds()).containsExactly("c1");
        assertThat(outcome(r, "c2")).isEqualTo(Outcome.BELOW_THRESHOLD);
    }

    @Test
    void seatsAreFilledFromTheHighestCountDown() {
        Scenario s = Scenario.union(2).candidates(4);
        var history = s.fixture.givenCommands(s.roundOneOpen("c1", "c2", "c3", "c4"));
        // c4 7, c2 6, c3 5: all above half of 9; two seats go to c4 and c2.
        String[][] ballots = {{"c4", "c2"}, {"c4", "c2"}, {"c4", "c2"}, {"c4", "c2"}, {"c4", "c3"}, {"c4", "c3"}, {"c4", "c3"},
                {"c2", "c3"}, {"c2", "c3"}};
        for (int i = 0; i < ballots.length; i++) s.box.vote(E, 1, Scenario.delegate(i + 1), ballots[i]);
        RoundResult r = only(Scenario.applied(history.when(s.close(1))), RoundCounted.class).result();
        assertThat(r.electedCandidateIds()).containsExactly("c4", "c2");
        assertThat(outcome(r, "c3")).isEqualTo(Outcome.NO_SEAT_LEFT);
    }
}
