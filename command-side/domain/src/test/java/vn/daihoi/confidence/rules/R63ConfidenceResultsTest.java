package vn.daihoi.confidence.rules;

import org.junit.jupiter.api.Test;
import vn.daihoi.confidence.ConfidenceResult;
import vn.daihoi.confidence.ConfidenceRoundCounted;
import vn.daihoi.confidence.RatingLine;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.election.EnterPaperBallotCommand;
import vn.daihoi.election.InvalidReason;
import vn.daihoi.election.IssuePaperBallotCommand;
import vn.daihoi.election.RecordPaperAccountingCommand;
import vn.daihoi.election.rules.Scenario;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.daihoi.confidence.ConfidenceLevel.CONFIDENCE;
import static vn.daihoi.confidence.ConfidenceLevel.HIGH;
import static vn.daihoi.confidence.ConfidenceLevel.LOW;
import static vn.daihoi.confidence.rules.ConfidenceScenario.rate;
import static vn.daihoi.election.rules.Refusals.only;
import static vn.daihoi.election.rules.Scenario.COUNTING;
import static vn.daihoi.election.rules.Scenario.E;

/**
 * R-63 (and R-64's flags), given / when / expect: a counted confidence round gives, per listed person, the ballots
 * issued and collected, his valid and invalid lines (wholly invalid ballots included), and each level's count and
 * percentage of the ballots collected — not of his valid lines.
 */
class R63ConfidenceResultsTest {

    /** Nine on the roll: six rate electronically, d07 hands in a paper ballot the committee did not issue, two do not vote. */
    static ConfidenceResult counted(ConfidenceScenario v, List<List<RatingLine>> electronic) {
        List<Object> given = v.roundOneOpen();
        given.add(new IssuePaperBallotCommand(E, 1, "d07"));
        for (String member : COUNTING.subList(0, 2)) {
            given.add(new EnterPaperBallotCommand(E, 1, 1, "acc-" + member, member, List.of(), InvalidReason.NOT_ISSUED, null, null));
        }
        given.add(new RecordPaperAccountingCommand(E, 1, 0, null));
        var history = v.s.fixture.givenCommands(given);
        for (int i = 0; i < electronic.size(); i++) v.s.box.rate(E, 1, Scenario.delegate(i + 1), electronic.get(i));
        return only(Scenario.applied(history.when(v.s.close(1))), ConfidenceRoundCounted.class).result();
    }

    @Test
    void eachPersonsLinesAndLevelsAreCountedOnTheBallotsCollected() {
        ConfidenceScenario v = new ConfidenceScenario(RuleProfiles.UNION_DEFAULT, 9, 9);
        ConfidenceResult r = counted(v, List.of(
                rate(HIGH, LOW, LOW),
                rate(HIGH, LOW, LOW),
                rate(HIGH, LOW, LOW),
                rate(CONFIDENCE, LOW, LOW),
                rate(CONFIDENCE, HIGH, LOW),
                rate(LOW, null, CONFIDENCE)));
        assertThat(r).isEqualTo(new ConfidenceResult(9, 7, 1, List.of(
                new ConfidenceResult.Line("chair", 6, 1, 3, 2, 1, "42.86", "28.57", "14.29", false, false),
                new ConfidenceResult.Line("vice", 5, 2, 1, 0, 4, "14.29", "0.00", "57.14", true, false),
                new ConfidenceResult.Line("member", 6, 1, 0, 1, 5, "0.00", "14.29", "71.43", true, true))));
    }
}
