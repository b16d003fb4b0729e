package vn.daihoi.election.rules;

import org.junit.jupiter.api.Test;
import vn.daihoi.election.InvalidReason;
import vn.daihoi.election.IssuePaperBallotCommand;
import vn.daihoi.election.PaperBallotEntered;
import vn.daihoi.election.RecordPaperAccountingCommand;
import vn.daihoi.election.RoundCounted;
import vn.daihoi.election.RoundResult;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.daihoi.election.rules.Refusals.only;
import static vn.daihoi.election.rules.Refusals.refusal;
import static vn.daihoi.election.rules.Scenario.COUNTING;
import static vn.daihoi.election.rules.Scenario.E;

/**
 * R-25 (and R-24's vote for nobody), given / when / expect: a paper ballot that keeps more names than seats or adds
 * a name is entered as invalid, with its reason, never counted as valid; an invalid ballot keeps no names on record
 * except the too-many it kept; invalid ballots are counted as collected.
 */
class R25InvalidBallotsTest {

    private static final String KP1 = COUNTING.get(0);

    private final Scenario s = Scenario.union(2).candidates(3);

    private List<Object> paperIssued(int n) {
        List<Object> given = new ArrayList<>(s.roundOneOpen("c1", "c2", "c3"));
        for (int i = 1; i <= n; i++) given.add(new IssuePaperBallotCommand(E, 1, Scenario.delegate(i)));
        return given;
    }

    @Test
    void aBallotKeepingMoreNamesThanSeatsCannotBeEnteredAsValid() {
        s.fixture.givenCommands(paperIssued(1))
                .when(s.entry(1, 1, KP1, List.of("c1", "c2", "c3"), null, null))
                .expectNoEvents()
                .expectException(refusal("paper-ballot-is-invalid", "R-25", InvalidReason.TOO_MANY_NAMES));
    }

    @Test
    void aBallotAddingANameCannotBeEnteredAsValid() {
        s.fixture.givenCommands(paperIssued(1))
                .when(s.entry(1, 1, KP1, List.of("c1", "someone-else"), null, null))
                .expectNoEvents()
                .expectException(refusal("paper-ballot-is-invalid", "R-25", InvalidReason.NAME_ADDED));
    }

    @Test
    void aBallotKeepingTooManyNamesIsEnteredAsInvalidWithItsReason() {
        s.fixture.givenCommands(paperIssued(1))
                .when(s.entry(1, 1, KP1, List.of("c1", "c2", "c3"), InvalidReason.TOO_MANY_NAMES, null))
                .expectEvents(new PaperBallotEntered(E, 1, 1, "acc-" + KP1, List.of(), InvalidReason.TOO_MANY_NAMES, null));
    }

    @Test
    void aBallotInvalidForAnotherReasonKeepsNoNames() {
        s.fixture.givenCommands(paperIssued(1))
                .when(s.entry(1, 1, KP1, List.of("c1"), InvalidReason.IDENTIFYING_MARK, null))
                .expectNoEvents()
                .expectException(refusal("invalid-entry", "R-25"));
        s.fixture.givenCommands(paperIssued(1))
                .when(s.entry(1, 1, KP1, List.of(), InvalidReason.IDENTIFYING_MARK, null))
                .expectEvents(new PaperBallotEntered(E, 1, 1, "acc-" + KP1, List.of(), InvalidReason.IDENTIFYING_MARK, null));
    }

    @Test
    void aBallotStrikingEveryNameIsAValidVoteForNobodyUnderTheUnionProfile() {
        s.fixture.givenCommands(paperIssued(1))
                .when(s.entry(1, 1, KP1, List.of(), null, null))
                .expectEvents(new PaperBallotEntered(E, 1, 1, "acc-" + KP1, List.of(), null, null));
    }

    @Test
    void invalidBallotsAreCountedAsCollected() {
        List<Object> given = paperIssued(4);
        given.addAll(s.paperBallot(1, 1, "c1"));
        given.addAll(s.invalidPaperBallot(1, 2, InvalidReason.NOT_ISSUED));
        given.addAll(s.invalidPaperBallot(1, 3, InvalidReason.UNCLEAR));
        given.addAll(s.paperBallot(1, 4));
        given.add(new RecordPaperAccountingCommand(E, 1, 0, null));
        RoundResult r = only(Scenario.applied(s.fixture.givenCommands(given).when(s.close(1))), RoundCounted.class).result();
        assertThat(List.of(r.collected(), r.valid(), r.invalid())).containsExactly(4, 2, 2);
    }
}
