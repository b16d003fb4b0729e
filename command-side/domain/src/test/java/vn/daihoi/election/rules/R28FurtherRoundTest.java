package vn.daihoi.election.rules;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.daihoi.congress.Attendance;
import vn.daihoi.election.BallotBoxPrepared;
import vn.daihoi.election.Candidate;
import vn.daihoi.election.CandidateListApprovalLapsed;
import vn.daihoi.election.CandidateNominated;
import vn.daihoi.election.NominationSource;
import vn.daihoi.election.RoundOpened;

import java.util.List;

import static vn.daihoi.election.rules.Refusals.refusal;
import static vn.daihoi.election.rules.Scenario.COUNTING;
import static vn.daihoi.election.rules.Scenario.E;

/**
 * R-28, given / when / expect: when too few are elected, the congress decides on a further round among the candidates
 * not elected, for the seats left; it may decide that new names are added, and then the list must be approved
 * again. Without such a decision, once voting started, no name is added.
 */
class R28FurtherRoundTest {

    private static final List<String> VOTERS = List.of("d01", "d02", "d03", "d04", "d05", "d06", "d07", "d08", "d09");

    private Scenario s;

    /** Round 1 for 3 seats among c1…c5: only c1 has more than half of the 9 ballots; two seats are left. */
    @BeforeEach
    void roundOneElectsOneOfThree() {
        s = Scenario.union(3).candidates(6);
        var given = s.fixture.givenCommands(s.roundOneOpen("c1", "c2", "c3", "c4", "c5"));
        for (int i = 1; i <= 4; i++) s.box.vote(E, 1, Scenario.delegate(i), "c1", "c2");
        for (int i = 5; i <= 8; i++) s.box.vote(E, 1, Scenario.delegate(i), "c1", "c3");
        s.box.vote(E, 1, "d09", "c1", "c4");
        s.given = given.andGivenCommands(s.close(1));
    }

    @Test
    void afterRoundOneANominationWithoutTheCongresssDecisionIsRefused() {
        s.given.when(s.nominate("c6"))
                .expectNoEvents()
                .expectException(refusal("voting-started", "R-28"));
    }

    @Test
    void afterRoundOneANominationByTheCongresssDecisionIsAcceptedAndTheApprovedListLapses() {
        s.given.when(s.nominateForFurtherRound("c6", "NQ-05"))
                .expectEvents(new CandidateNominated(E, new Candidate("c6", "p-c6", NominationSource.OUTGOING_COMMITTEE, null, null)),
                        new CandidateListApprovalLapsed(E, "nomination after approval"));
    }

    @Test
    void aFurtherRoundWithANewNameWaitsForANewListApproval() {
        s.given.andGivenCommands(s.nominateForFurtherRound("c6", "NQ-05"))
                .when(s.round(2, "NQ-05", null, "c2", "c3", "c6"))
                .expectNoEvents()
                .expectException(refusal("list-not-approved", "R-15"));
    }

    @Test
    void afterTheNewApprovalTheFurtherRoundTakesTheNewName() {
        s.given.andGivenCommands(s.nominateForFurtherRound("c6", "NQ-05"), s.approve("c1", "c2", "c3", "c4", "c5", "c6"))
                .when(s.round(2, "NQ-05", null, "c6", "c2", "c3"))
                .expectEvents(new RoundOpened(E, 2, List.of("c2", "c3", "c6"), 2, VOTERS, new Attendance(9, 9, true), "NQ-05",
                                Scenario.OPENED_AT.plusSeconds(3600)),
                        new BallotBoxPrepared(E, 2, "FAKE-" + E + "-2", "in-memory", COUNTING, 2));
    }

    @Test
    void aFurtherRoundAmongTheRemainingCandidatesIsOpenedForTheSeatsLeft() {
        s.given.when(s.round(2, "NQ-04", null, "c2", "c3", "c4", "c5"))
                .expectEvents(new RoundOpened(E, 2, List.of("c2", "c3", "c4", "c5"), 2, VOTERS, new Attendance(9, 9, true), "NQ-04",
                                Scenario.OPENED_AT.plusSeconds(3600)),
                        new BallotBoxPrepared(E, 2, "FAKE-" + E + "-2", "in-memory", COUNTING, 2));
    }

    @Test
    void aFurtherRoundNeedsTheCongresssRecordedDecision() {
        s.given.when(s.round(2, null, null, "c2", "c3", "c4", "c5"))
                .expectNoEvents()
                .expectException(refusal("missing-field", "R-28"));
    }

    @Test
    void aFurtherRoundCannotPutAnElectedCandidateToTheVoteAgain() {
        s.given.when(s.round(2, "NQ-04", null, "c1", "c2", "c3"))
                .expectNoEvents()
                .expectException(refusal("round-candidates-invalid", "R-28"));
    }

    @Test
    void aFurtherRoundCannotTakeANameThatIsNotOnTheApprovedList() {
        s.given.when(s.round(2, "NQ-04", null, "c2", "c6"))
                .expectNoEvents()
                .expectException(refusal("round-candidates-invalid", "R-28"));
    }

    @Test
    void aFurtherRoundForMoreSeatsThanAreLeftIsRefused() {
        s.given.when(s.round(2, "NQ-04", 3, "c2", "c3", "c4", "c5"))
                .expectNoEvents()
                .expectException(refusal("invalid-seats", "R-28", 2));
    }

    @Test
    void roundsAreNumberedInOrder() {
        s.given.when(s.round(3, "NQ-04", null, "c2", "c3"))
                .expectNoEvents()
                .expectException(refusal("round-number", "R-28", 2));
    }

    @Test
    void noNameIsAddedWhileARoundIsBeingVotedOn() {
        s.given.andGivenCommands(s.round(2, "NQ-04", null, "c2", "c3", "c4", "c5"))
                .when(s.nominateForFurtherRound("c6", "NQ-05"))
                .expectNoEvents()
                .expectException(refusal("round-open", "R-28"));
    }
}
