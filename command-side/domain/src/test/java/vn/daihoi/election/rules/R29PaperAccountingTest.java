package vn.daihoi.election.rules;

import org.junit.jupiter.api.Test;
import vn.daihoi.election.BallotAccounting;
import vn.daihoi.election.IssuePaperBallotCommand;
import vn.daihoi.election.PaperAccountingRecorded;
import vn.daihoi.election.PaperBallotEntered;
import vn.daihoi.election.PaperBallotIssued;
import vn.daihoi.election.PaperBallotSpoiled;
import vn.daihoi.election.PublishedBallot;
import vn.daihoi.election.RecordPaperAccountingCommand;
import vn.daihoi.election.ReplaceSpoiledPaperBallotCommand;
import vn.daihoi.election.RoundClosed;
import vn.daihoi.election.RoundCounted;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.daihoi.election.rules.Refusals.only;
import static vn.daihoi.election.rules.Refusals.refusal;
import static vn.daihoi.election.rules.Scenario.COUNTING;
import static vn.daihoi.election.rules.Scenario.E;

/**
 * R-29, given / when / expect: paper ballots are entered only by the counting committee the congress named, twice by
 * two members (a setting), their mismatches settled before the count, an error corrected by a recorded correction
 * with its reason; a spoiled ballot is exchanged only against a paper ballot issued; a voter has paper or an
 * electronic ballot, never both; and the round closes only when issued = collected + spoiled + not returned.
 */
class R29PaperAccountingTest {

    private static final String KP1 = COUNTING.get(0);
    private static final String KP2 = COUNTING.get(1);

    private Scenario s = Scenario.union(2).candidates(3);

    /** Round 1 open; d01, d02 and d03 were handed paper ballots. */
    private List<Object> paperIssued() {
        List<Object> given = new ArrayList<>(s.roundOneOpen("c1", "c2", "c3"));
        for (String d : List.of("d01", "d02", "d03")) given.add(new IssuePaperBallotCommand(E, 1, d));
        return given;
    }

    @Test
    void aMemberOfTheCountingCommitteeEntersASheet() {
        s.fixture.givenCommands(paperIssued())
                .when(s.entry(1, 1, KP1, List.of("c1"), null, null))
                .expectEvents(new PaperBallotEntered(E, 1, 1, "acc-" + KP1, List.of("c1"), null, null));
    }

    @Test
    void someoneNotNamedOnTheCountingCommitteeCannotEnterASheet() {
        s.fixture.givenCommands(paperIssued())
                .when(s.entry(1, 1, "p-d04", List.of("c1"), null, null))
                .expectNoEvents()
                .expectException(refusal("not-on-counting-committee", "R-29"));
    }

    @Test
    void someoneNotNamedOnTheCountingCommitteeCannotRecordTheAccounting() {
        s.fixture.givenCommands(paperIssued())
                .when(new RecordPaperAccountingCommand(E, 1, 0, "p-d04"))
                .expectNoEvents()
                .expectException(refusal("not-on-counting-committee", "R-29"));
    }

    @Test
    void aSheetEnteredAgainWithoutAReasonIsRefused() {
        List<Object> given = paperIssued();
        given.add(s.entry(1, 1, KP1, List.of("c1"), null, null));
        s.fixture.givenCommands(given)
                .when(s.entry(1, 1, KP1, List.of("c2"), null, null))
                .expectNoEvents()
                .expectException(refusal("entry-exists", "R-29", 1));
    }

    @Test
    void anEntryIsCorrectedByARecordedCorrectionWithItsReason() {
        List<Object> given = paperIssued();
        given.add(s.entry(1, 1, KP1, List.of("c1"), null, null));
        s.fixture.givenCommands(given)
                .when(s.entry(1, 1, KP1, List.of("c2"), null, "Đọc nhầm tên"))
                .expectEvents(new PaperBallotEntered(E, 1, 1, "acc-" + KP1, List.of("c2"), null, "Đọc nhầm tên"));
    }

    @Test
    void aSheetEnteredOnlyOnceKeepsTheRoundFromBeingCounted() {
        List<Object> given = paperIssued();
        given.add(s.entry(1, 1, KP1, List.of("c1"), null, null));
        given.add(new RecordPaperAccountingCommand(E, 1, 2, null));
        s.fixture.givenCommands(given)
                .when(s.close(1))
                .expectNoEvents()
                .expectException(refusal("paper-entries-unsettled", "R-29", List.of(1)));
    }

    @Test
    void twoEntriesThatDisagreeKeepTheRoundFromBeingCounted() {
        List<Object> given = paperIssued();
        given.add(s.entry(1, 1, KP1, List.of("c1"), null, null));
        given.add(s.entry(1, 1, KP2, List.of("c1", "c2"), null, null));
        given.add(new RecordPaperAccountingCommand(E, 1, 2, null));
        s.fixture.givenCommands(given)
                .when(s.close(1))
                .expectNoEvents()
                .expectException(refusal("paper-entries-unsettled", "R-29", List.of(1)));
    }

    @Test
    void aCorrectionSettlesTheMismatchAndTheCorrectedEntryIsCounted() {
        List<Object> given = paperIssued();
        given.add(s.entry(1, 1, KP1, List.of("c1"), null, null));
        given.add(s.entry(1, 1, KP2, List.of("c1", "c2"), null, null));
        given.add(s.entry(1, 1, KP2, List.of("c1"), null, "Nhập thừa tên"));
        given.add(new RecordPaperAccountingCommand(E, 1, 2, null));
        List<Object> events = Scenario.applied(s.fixture.givenCommands(given).when(s.close(1)));
        assertThat(only(events, RoundCounted.class).ballots())
                .containsExactly(new PublishedBallot("P0001", List.of("c1"), null, true));
    }

    @Test
    void withSingleEntryInTheProfileOneEntryIsEnough() {
        s = new Scenario(Profiles.singleEntry(), 2, 9, 9).candidates(3);
        List<Object> given = paperIssued();
        given.add(s.entry(1, 1, KP1, List.of("c1"), null, null));
        given.add(new RecordPaperAccountingCommand(E, 1, 2, null));
        List<Object> events = Scenario.applied(s.fixture.givenCommands(given).when(s.close(1)));
        assertThat(only(events, RoundClosed.class).paperBallots()).isEqualTo(1);
    }

    @Test
    void theRoundDoesNotCloseWhilePaperBallotsAreUnaccountedFor() {
        // Three issued, two collected, nothing said of the third.
        List<Object> given = paperIssued();
        given.addAll(s.paperBallot(1, 1, "c1"));
        given.addAll(s.paperBallot(1, 2, "c2"));
        s.fixture.givenCommands(given)
                .when(s.close(1))
                .expectNoEvents()
                .expectException(refusal("paper-accounting-unbalanced", "R-29", 3, 2, 0, "?"));
    }

    @Test
    void theRoundDoesNotCloseWhenTheAccountingSaysTooMany() {
        List<Object> given = paperIssued();
        given.addAll(s.paperBallot(1, 1, "c1"));
        given.addAll(s.paperBallot(1, 2, "c2"));
        given.add(new RecordPaperAccountingCommand(E, 1, 2, null));
        s.fixture.givenCommands(given)
                .when(s.close(1))
                .expectNoEvents()
                .expectException(refusal("paper-accounting-unbalanced", "R-29", 3, 2, 0, 2));
    }

    @Test
    void aMixedRoundBalancesIssuedAgainstCollectedSpoiledAndNotReturned() {
        // Paper: d01–d03 issued, d01 spoiled his and got another: 4 issued, 3 collected, 1 spoiled.
        // Electronic: d04–d09 enabled, five of them voted, one did not.
        List<Object> given = paperIssued();
        given.add(new ReplaceSpoiledPaperBallotCommand(E, 1, "d01"));
        given.addAll(s.paperBallot(1, 1, "c1"));
        given.addAll(s.paperBallot(1, 2, "c1", "c2"));
        given.addAll(s.paperBallot(1, 3, "c3"));
        given.add(new RecordPaperAccountingCommand(E, 1, 0, KP1));
        var history = s.fixture.givenCommands(given);
        for (int i = 4; i <= 8; i++) s.box.vote(E, 1, Scenario.delegate(i), "c2");
        RoundClosed closed = only(Scenario.applied(history.when(s.close(1))), RoundClosed.class);
        assertThat(closed.accounting()).isEqualTo(new BallotAccounting(10, 8, 1, 1, 4, 3, 6, 5));
        assertThat(closed.accounting().balances()).isTrue();
    }

    @Test
    void aSpoiledBallotIsExchangedOnlyAgainstAPaperBallotIssued() {
        s.fixture.givenCommands(paperIssued())
                .when(new ReplaceSpoiledPaperBallotCommand(E, 1, "d01"))
                .expectEvents(new PaperBallotSpoiled(E, 1, "d01"));
        s.fixture.givenCommands(paperIssued())
                .when(new ReplaceSpoiledPaperBallotCommand(E, 1, "d05"))
                .expectNoEvents()
                .expectException(refusal("no-paper-issued", "R-29"));
    }

    @Test
    void aVoterIsIssuedOnePaperBallotAndNotOneAfterVotingElectronically() {
        s.fixture.givenCommands(paperIssued())
                .when(new IssuePaperBallotCommand(E, 1, "d01"))
                .expectNoEvents()
                .expectException(refusal("paper-already-issued", "R-29"));
        s = Scenario.union(2).candidates(3);
        var history = s.fixture.givenCommands(s.roundOneOpen("c1", "c2", "c3"));
        s.box.vote(E, 1, "d05", "c1");
        history.when(new IssuePaperBallotCommand(E, 1, "d05"))
                .expectNoEvents()
                .expectException(refusal("voted-electronically", "R-29"));
    }

    @Test
    void theAccountingIsRecordedByTheOrganisersOrACountingMember() {
        s.fixture.givenCommands(paperIssued())
                .when(new RecordPaperAccountingCommand(E, 1, 1, KP2))
                .expectEvents(new PaperAccountingRecorded(E, 1, 1));
        s.fixture.givenCommands(paperIssued())
                .when(new RecordPaperAccountingCommand(E, 1, -1, null))
                .expectNoEvents()
                .expectException(refusal("invalid-count", "R-29"));
    }

    @Test
    void aPaperBallotIssuedIsRecorded() {
        s.fixture.givenCommands(s.roundOneOpen("c1", "c2", "c3"))
                .when(new IssuePaperBallotCommand(E, 1, "d07"))
                .expectEvents(new PaperBallotIssued(E, 1, "d07"));
    }
}
