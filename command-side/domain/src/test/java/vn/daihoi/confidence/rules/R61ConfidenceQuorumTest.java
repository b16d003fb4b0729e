package vn.daihoi.confidence.rules;

import org.junit.jupiter.api.Test;
import vn.daihoi.congress.Fraction;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.election.rules.Profiles;

import java.util.List;

import static vn.daihoi.election.rules.Refusals.refusal;

/**
 * R-61, given / when / expect: a confidence round opens only with its own quorum, a setting of the profile (2/3 of
 * those summoned by default), whatever the quorum of the congress's other votes.
 */
class R61ConfidenceQuorumTest {

    /** Elections need half present; confidence votes two thirds. */
    private static final RuleProfile PROFILE = Profiles.quorums(new Fraction(1, 2), new Fraction(2, 3));

    @Test
    void aConfidenceRoundWithoutItsQuorumIsRefusedThoughTheCongresssQuorumIsMet() {
        ConfidenceScenario v = new ConfidenceScenario(PROFILE, 9, 5);
        List<Object> given = v.roundOneOpen().subList(0, 2);
        v.s.fixture.givenCommands(given)
                .when(v.s.roundOne())
                .expectNoEvents()
                .expectException(refusal("quorum-not-met", "R-61", 5, 9));
    }

    @Test
    void aConfidenceRoundWithTwoThirdsPresentOpens() {
        ConfidenceScenario v = new ConfidenceScenario(PROFILE, 9, 6);
        v.s.fixture.givenCommands(v.roundOneOpen().subList(0, 2))
                .when(v.s.roundOne())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anElectionRoundAtTheSameConferenceNeedsOnlyTheCongresssQuorum() {
        ConfidenceScenario v = new ConfidenceScenario(PROFILE, 9, 5);
        v.s.candidates(6);
        List<Object> election = v.s.roundOneOpen("c1", "c2", "c3", "c4", "c5", "c6");
        v.s.fixture.givenCommands(election.subList(0, election.size() - 1))
                .when(v.s.roundOne())
                .expectSuccessfulHandlerExecution();
    }
}
