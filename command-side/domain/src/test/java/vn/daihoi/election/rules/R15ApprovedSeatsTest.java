package vn.daihoi.election.rules;

import org.junit.jupiter.api.Test;
import vn.daihoi.congress.DecisionSubject;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.election.CandidateListApproved;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionOpened;
import vn.daihoi.election.OpenElectionCommand;

import java.util.ArrayList;
import java.util.List;

import static vn.daihoi.election.rules.Refusals.refusal;
import static vn.daihoi.election.rules.Scenario.C;
import static vn.daihoi.election.rules.Scenario.E;

/**
 * R-15, given / when / expect: the executive committee is elected for the number of seats the congress approved by
 * show of hands, not for a number a command brings; the candidate list is the one the congress passed.
 */
class R15ApprovedSeatsTest {

    private final Scenario s = Scenario.union(7).candidates(8);

    @Test
    void seatsOtherThanTheApprovedCommitteeSizeAreRefused() {
        s.fixture.givenNoPriorActivity()
                .when(new OpenElectionCommand(E, C, ElectedBody.EXECUTIVE_COMMITTEE, null, 9))
                .expectNoEvents()
                .expectException(refusal("seats-not-approved", "R-15", 7));
    }

    @Test
    void noSeatsGivenTakesTheApprovedCommitteeSize() {
        s.fixture.givenNoPriorActivity()
                .when(new OpenElectionCommand(E, C, ElectedBody.EXECUTIVE_COMMITTEE, null, null))
                .expectEvents(new ElectionOpened(E, C, "snv", ElectedBody.EXECUTIVE_COMMITTEE, "Bầu Ban Chấp hành", 7, RuleProfiles.UNION_DEFAULT));
    }

    @Test
    void theApprovedCommitteeSizeStatedAgainIsAccepted() {
        s.fixture.givenNoPriorActivity()
                .when(new OpenElectionCommand(E, C, ElectedBody.EXECUTIVE_COMMITTEE, null, 7))
                .expectEvents(new ElectionOpened(E, C, "snv", ElectedBody.EXECUTIVE_COMMITTEE, "Bầu Ban Chấp hành", 7, RuleProfiles.UNION_DEFAULT));
    }

    @Test
    void anElectionIsOpenedOnlyAtACongressInSession() {
        s.assemblies.status(C, vn.daihoi.congress.CongressStatus.CONVENED);
        s.fixture.givenNoPriorActivity()
                .when(s.openElection())
                .expectNoEvents()
                .expectException(refusal("congress-not-in-session", "R-15"));
    }

    private List<Object> nominated(String... ids) {
        List<Object> given = new ArrayList<>();
        given.add(s.openElection());
        for (String c : ids) given.add(s.nominate(c));
        return given;
    }

    @Test
    void theListIsApprovedOnlyByAPassedCandidateListDecision() {
        s.assemblies.decision(C, "ds-failed", DecisionSubject.CANDIDATE_LIST,
                List.of("p-c1", "p-c2", "p-c3", "p-c4", "p-c5", "p-c6", "p-c7", "p-c8"), false);
        s.fixture.givenCommands(nominated("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"))
                .when(s.approve("ds-failed", null, s.ballotOrder("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8")))
                .expectNoEvents()
                .expectException(refusal("list-decision-missing", "R-15"));
    }

    @Test
    void aDecisionOnAnotherSubjectIsNotAListApproval() {
        s.assemblies.decision(C, "ds-presidium", DecisionSubject.PRESIDIUM,
                List.of("p-c1", "p-c2", "p-c3", "p-c4", "p-c5", "p-c6", "p-c7", "p-c8"), true);
        s.fixture.givenCommands(nominated("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"))
                .when(s.approve("ds-presidium", null, s.ballotOrder("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8")))
                .expectNoEvents()
                .expectException(refusal("list-decision-missing", "R-15"));
    }

    @Test
    void aListDecisionNamingOtherPeopleThanTheCandidatesIsRefused() {
        String decision = s.listDecision("c1", "c2", "c3", "c4", "c5", "c6", "c7");
        s.fixture.givenCommands(nominated("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"))
                .when(s.approve(decision, null, s.ballotOrder("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8")))
                .expectNoEvents()
                .expectException(refusal("list-does-not-match", "R-15"));
    }

    @Test
    void theListTheCongressPassedIsApproved() {
        String decision = s.listDecision("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8");
        List<String> order = s.ballotOrder("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8");
        s.fixture.givenCommands(nominated("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"))
                .when(s.approve(decision, null, order))
                .expectEvents(new CandidateListApproved(E, decision, null, order));
    }

    @Test
    void noRoundOpensBeforeTheListIsApproved() {
        s.fixture.givenCommands(nominated("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"))
                .when(s.roundOne())
                .expectNoEvents()
                .expectException(refusal("list-not-approved", "R-15"));
    }
}
