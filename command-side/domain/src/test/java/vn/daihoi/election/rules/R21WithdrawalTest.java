package vn.daihoi.election.rules;

import org.junit.jupiter.api.Test;
import vn.daihoi.election.CandidateListApprovalLapsed;
import vn.daihoi.election.CandidateListApproved;
import vn.daihoi.election.DecideWithdrawalCommand;
import vn.daihoi.election.WithdrawalDecided;

import java.util.ArrayList;
import java.util.List;

import static vn.daihoi.election.rules.Refusals.refusal;
import static vn.daihoi.election.rules.Scenario.E;

/**
 * R-21, given / when / expect: a candidate's withdrawal is decided by the presidium and recorded with its decision;
 * after the list was approved, a granted withdrawal makes the approval lapse (edge case 1: the old list stays on
 * record) and a new approval is needed before the vote.
 */
class R21WithdrawalTest {

    private final Scenario s = Scenario.union(3).candidates(5);

    private List<Object> nominated() {
        List<Object> given = new ArrayList<>();
        given.add(s.openElection());
        for (String c : List.of("c1", "c2", "c3", "c4", "c5")) given.add(s.nominate(c));
        return given;
    }

    private List<Object> approved() {
        List<Object> given = nominated();
        given.add(s.approve("c1", "c2", "c3", "c4", "c5"));
        return given;
    }

    @Test
    void aWithdrawalBeforeTheApprovalIsRecordedWithThePresidiumsDecision() {
        s.fixture.givenCommands(nominated())
                .when(new DecideWithdrawalCommand(E, "c2", true, "QĐ-ĐCT-02"))
                .expectEvents(new WithdrawalDecided(E, "c2", true, "QĐ-ĐCT-02"));
    }

    @Test
    void aWithdrawalNeedsTheRecordedDecision() {
        s.fixture.givenCommands(nominated())
                .when(new DecideWithdrawalCommand(E, "c2", true, " "))
                .expectNoEvents()
                .expectException(refusal("missing-field", "R-21"));
    }

    @Test
    void aGrantedWithdrawalAfterTheApprovalMakesTheApprovalLapse() {
        s.fixture.givenCommands(approved())
                .when(new DecideWithdrawalCommand(E, "c2", true, "QĐ-ĐCT-02"))
                .expectEvents(new WithdrawalDecided(E, "c2", true, "QĐ-ĐCT-02"),
                        new CandidateListApprovalLapsed(E, "withdrawal of c2"));
    }

    @Test
    void aRefusedWithdrawalLeavesTheApprovalStanding() {
        s.fixture.givenCommands(approved())
                .when(new DecideWithdrawalCommand(E, "c2", false, "QĐ-ĐCT-02"))
                .expectEvents(new WithdrawalDecided(E, "c2", false, "QĐ-ĐCT-02"));
    }

    @Test
    void afterAWithdrawalTheVoteWaitsForANewApproval() {
        List<Object> given = approved();
        given.add(new DecideWithdrawalCommand(E, "c2", true, "QĐ-ĐCT-02"));
        s.fixture.givenCommands(given)
                .when(s.roundOne())
                .expectNoEvents()
                .expectException(refusal("list-not-approved", "R-15"));
    }

    @Test
    void theNewApprovalIsOfTheListWithoutTheWithdrawnCandidate() {
        List<Object> given = approved();
        given.add(new DecideWithdrawalCommand(E, "c2", true, "QĐ-ĐCT-02"));
        String withAll = s.listDecision("c1", "c2", "c3", "c4", "c5");
        s.fixture.givenCommands(given)
                .when(s.approve(withAll, null, s.ballotOrder("c1", "c3", "c4", "c5")))
                .expectNoEvents()
                .expectException(refusal("list-does-not-match", "R-15"));
        String without = s.listDecision("c1", "c3", "c4", "c5");
        s.fixture.givenCommands(given)
                .when(s.approve(without, null, s.ballotOrder("c1", "c3", "c4", "c5")))
                .expectEvents(new CandidateListApproved(E, without, null, List.of("c1", "c3", "c4", "c5")));
    }

    @Test
    void noWithdrawalWhileARoundIsBeingVotedOn() {
        List<Object> given = approved();
        given.add(s.roundOne());
        s.fixture.givenCommands(given)
                .when(new DecideWithdrawalCommand(E, "c2", true, "QĐ-ĐCT-02"))
                .expectNoEvents()
                .expectException(refusal("round-open", "R-21"));
    }

    @Test
    void aWithdrawnCandidateCannotWithdrawAgain() {
        List<Object> given = nominated();
        given.add(new DecideWithdrawalCommand(E, "c2", true, "QĐ-ĐCT-02"));
        s.fixture.givenCommands(given)
                .when(new DecideWithdrawalCommand(E, "c2", true, "QĐ-ĐCT-03"))
                .expectNoEvents()
                .expectException(refusal("unknown-candidate", null));
    }
}
