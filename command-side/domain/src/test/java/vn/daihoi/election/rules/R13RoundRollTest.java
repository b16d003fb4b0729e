package vn.daihoi.election.rules;

import org.junit.jupiter.api.Test;
import vn.daihoi.congress.Assemblies;
import vn.daihoi.congress.Attendance;
import vn.daihoi.congress.CongressStatus;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.delegate.DelegateCategory;
import vn.daihoi.election.AddLateVoterCommand;
import vn.daihoi.election.BallotBoxPrepared;
import vn.daihoi.election.IssuePaperBallotCommand;
import vn.daihoi.election.LateVoterAdded;
import vn.daihoi.election.PaperBallotIssued;
import vn.daihoi.election.RoundOpened;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.daihoi.election.rules.Refusals.refusal;
import static vn.daihoi.election.rules.Scenario.C;
import static vn.daihoi.election.rules.Scenario.COUNTING;
import static vn.daihoi.election.rules.Scenario.E;

/**
 * R-13, given / when / expect: the roll of voters of a round is frozen when it opens — the voting delegates present
 * then, not guests, not absentees — and the quorum (2/3 of the voting delegates summoned, a setting) is checked on it;
 * a delegate who arrives later joins the open round only by a recorded decision, and only if he could have been on it.
 */
class R13RoundRollTest {

    /** Nine voting delegates, seven present; a guest in the hall who never votes. */
    private Scenario sevenOfNine() {
        Scenario s = new Scenario(RuleProfiles.UNION_DEFAULT, 2, 9, 7).candidates(3);
        s.assemblies.seat(C, new Assemblies.Seat("g01", "p-g01", DelegateCategory.GUEST, false, false, false, true));
        return s;
    }

    private List<Object> roundOpen(Scenario s) {
        return new ArrayList<>(s.roundOneOpen("c1", "c2", "c3"));
    }

    @Test
    void theRoundsRollIsTheVotingDelegatesPresentWhenItOpens() {
        Scenario s = sevenOfNine();
        List<Object> given = new ArrayList<>(roundOpen(s).subList(0, 5));
        s.fixture.givenCommands(given)
                .when(s.roundOne())
                .expectEvents(new RoundOpened(E, 1, List.of("c1", "c2", "c3"), 2, List.of("d01", "d02", "d03", "d04", "d05", "d06", "d07"),
                                new Attendance(9, 7, true), null, Scenario.OPENED_AT),
                        new BallotBoxPrepared(E, 1, "FAKE-" + E + "-1", "in-memory", COUNTING, 2));
        assertThat(s.box.box(E, 1).voters()).containsExactlyInAnyOrder("d01", "d02", "d03", "d04", "d05", "d06", "d07");
    }

    @Test
    void noRoundOpensWithoutTheQuorum() {
        Scenario s = new Scenario(RuleProfiles.UNION_DEFAULT, 2, 9, 5).candidates(3);
        List<Object> given = new ArrayList<>(roundOpen(s).subList(0, 5));
        s.fixture.givenCommands(given)
                .when(s.roundOne())
                .expectNoEvents()
                .expectException(refusal("quorum-not-met", "R-13", 5, 9));
    }

    @Test
    void twoThirdsExactlyIsAQuorum() {
        Scenario s = new Scenario(RuleProfiles.UNION_DEFAULT, 2, 9, 6).candidates(3);
        List<Object> given = new ArrayList<>(roundOpen(s).subList(0, 5));
        s.fixture.givenCommands(given)
                .when(s.roundOne())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aDelegateWhoArrivesAfterTheRoundOpenedIsNotOnItsRoll() {
        Scenario s = sevenOfNine();
        var history = s.fixture.givenCommands(roundOpen(s));
        s.assemblies.present(C, "d08", true);
        history.when(new IssuePaperBallotCommand(E, 1, "d08"))
                .expectNoEvents()
                .expectException(refusal("not-on-round-roll", "R-13"));
    }

    @Test
    void aLateDelegateJoinsTheOpenRoundByARecordedDecision() {
        Scenario s = sevenOfNine();
        var history = s.fixture.givenCommands(roundOpen(s));
        s.assemblies.present(C, "d08", true);
        history.when(new AddLateVoterCommand(E, 1, "d08", "QĐ-ĐCT-07"))
                .expectEvents(new LateVoterAdded(E, 1, "d08", "QĐ-ĐCT-07"));
        assertThat(s.box.box(E, 1).voters()).contains("d08");
    }

    @Test
    void aLateVoterMayThenBeIssuedAPaperBallot() {
        Scenario s = sevenOfNine();
        var history = s.fixture.givenCommands(roundOpen(s));
        s.assemblies.present(C, "d08", true);
        history.andGivenCommands(new AddLateVoterCommand(E, 1, "d08", "QĐ-ĐCT-07"))
                .when(new IssuePaperBallotCommand(E, 1, "d08"))
                .expectEvents(new PaperBallotIssued(E, 1, "d08"));
    }

    @Test
    void aLateVoterNeedsTheRecordedDecision() {
        Scenario s = sevenOfNine();
        var history = s.fixture.givenCommands(roundOpen(s));
        s.assemblies.present(C, "d08", true);
        history.when(new AddLateVoterCommand(E, 1, "d08", null))
                .expectNoEvents()
                .expectException(refusal("missing-field", "R-13"));
    }

    @Test
    void anAbsentDelegateOrAGuestCannotJoinTheRound() {
        Scenario s = sevenOfNine();
        s.fixture.givenCommands(roundOpen(s))
                .when(new AddLateVoterCommand(E, 1, "d09", "QĐ-ĐCT-07"))
                .expectNoEvents()
                .expectException(refusal("not-a-present-voter", "R-13"));
        s.fixture.givenCommands(roundOpen(s))
                .when(new AddLateVoterCommand(E, 1, "g01", "QĐ-ĐCT-07"))
                .expectNoEvents()
                .expectException(refusal("not-a-present-voter", "R-13"));
    }

    @Test
    void aVoterAlreadyOnTheRollIsNotAddedTwice() {
        Scenario s = sevenOfNine();
        s.fixture.givenCommands(roundOpen(s))
                .when(new AddLateVoterCommand(E, 1, "d03", "QĐ-ĐCT-07"))
                .expectNoEvents()
                .expectException(refusal("already-on-round-roll", "R-13"));
    }

    @Test
    void noRoundOpensOnceTheCongressIsNoLongerInSession() {
        Scenario s = sevenOfNine();
        List<Object> given = new ArrayList<>(roundOpen(s).subList(0, 5));
        var history = s.fixture.givenCommands(given);
        s.assemblies.status(C, CongressStatus.CLOSED);
        history.when(s.roundOne())
                .expectNoEvents()
                .expectException(refusal("congress-not-in-session", "R-13"));
    }
}
