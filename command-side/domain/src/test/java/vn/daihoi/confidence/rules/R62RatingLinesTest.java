package vn.daihoi.confidence.rules;

import org.junit.jupiter.api.Test;
import vn.daihoi.confidence.LineInvalidReason;
import vn.daihoi.confidence.RatingLine;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.election.EnterPaperBallotCommand;
import vn.daihoi.election.InvalidReason;
import vn.daihoi.election.IssuePaperBallotCommand;
import vn.daihoi.election.PaperBallotEntered;

import java.util.List;

import static vn.daihoi.confidence.ConfidenceLevel.HIGH;
import static vn.daihoi.confidence.ConfidenceLevel.LOW;
import static vn.daihoi.election.rules.Refusals.refusal;
import static vn.daihoi.election.rules.Scenario.COUNTING;
import static vn.daihoi.election.rules.Scenario.E;

/**
 * R-62, given / when / expect: on a paper confidence ballot each listed person's line is read as a level or as invalid
 * for its reason (no level, several levels, the name struck); a line cannot be left out; the ballot as a whole is
 * invalid only when the counting committee did not issue it.
 */
class R62RatingLinesTest {

    private static final String KP1 = COUNTING.get(0);

    private final ConfidenceScenario v = new ConfidenceScenario(RuleProfiles.UNION_DEFAULT, 9, 9);

    private List<Object> paperIssued() {
        List<Object> given = v.roundOneOpen();
        given.add(new IssuePaperBallotCommand(E, 1, "d01"));
        return given;
    }

    private EnterPaperBallotCommand entry(InvalidReason whole, List<RatingLine> lines) {
        return new EnterPaperBallotCommand(E, 1, 1, "acc-" + KP1, KP1, List.of(), whole, null, lines);
    }

    @Test
    void eachLineIsALevelOrInvalidForItsReason() {
        List<RatingLine> lines = List.of(RatingLine.rated("chair", HIGH), RatingLine.invalid("vice", LineInvalidReason.SEVERAL_LEVELS),
                RatingLine.invalid("member", LineInvalidReason.NAME_STRUCK));
        v.s.fixture.givenCommands(paperIssued())
                .when(entry(null, lines))
                .expectEvents(new PaperBallotEntered(E, 1, 1, "acc-" + KP1, List.of(), null, null, lines));
    }

    @Test
    void aLineLeftOutIsRefused() {
        v.s.fixture.givenCommands(paperIssued())
                .when(entry(null, List.of(RatingLine.rated("chair", HIGH), RatingLine.rated("vice", LOW))))
                .expectNoEvents()
                .expectException(refusal("confidence-line-missing", "R-62"));
    }

    @Test
    void aLineWithALevelAndAReasonIsRefused() {
        v.s.fixture.givenCommands(paperIssued())
                .when(entry(null, List.of(RatingLine.rated("chair", HIGH), RatingLine.rated("vice", LOW),
                        new RatingLine("member", LOW, LineInvalidReason.SEVERAL_LEVELS))))
                .expectNoEvents()
                .expectException(refusal("confidence-line-missing", "R-62"));
    }

    @Test
    void aLineForSomeoneNotListedIsRefused() {
        v.s.fixture.givenCommands(paperIssued())
                .when(entry(null, List.of(RatingLine.rated("chair", HIGH), RatingLine.rated("vice", LOW), RatingLine.rated("member", LOW),
                        RatingLine.rated("stranger", LOW))))
                .expectNoEvents()
                .expectException(refusal("invalid-confidence-ballot-name-not-listed", "R-62"));
    }

    @Test
    void theWholeBallotIsInvalidOnlyWhenNotIssuedByTheCountingCommittee() {
        v.s.fixture.givenCommands(paperIssued())
                .when(entry(InvalidReason.NOT_ISSUED, null))
                .expectEvents(new PaperBallotEntered(E, 1, 1, "acc-" + KP1, List.of(), InvalidReason.NOT_ISSUED, null, List.of()));
        v.s.fixture.givenCommands(paperIssued())
                .when(entry(InvalidReason.IDENTIFYING_MARK, null))
                .expectNoEvents()
                .expectException(refusal("invalid-confidence-ballot-reason", "R-62"));
    }

    @Test
    void aConfidenceBallotKeepsNoNames() {
        v.s.fixture.givenCommands(paperIssued())
                .when(new EnterPaperBallotCommand(E, 1, 1, "acc-" + KP1, KP1, List.of("chair"), null, null,
                        List.of(RatingLine.rated("chair", HIGH), RatingLine.rated("vice", LOW), RatingLine.rated("member", LOW))))
                .expectNoEvents()
                .expectException(refusal("invalid-entry", "R-62"));
    }
}
