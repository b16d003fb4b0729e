package vn.daihoi.confidence.rules;

import org.junit.jupiter.api.Test;
import vn.daihoi.confidence.ListedOfficial;
import vn.daihoi.confidence.OfficialListed;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.election.CandidateListApproved;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionOpened;
import vn.daihoi.election.OpenElectionCommand;

import java.util.List;

import static vn.daihoi.election.rules.Refusals.refusal;
import static vn.daihoi.election.rules.Scenario.C;
import static vn.daihoi.election.rules.Scenario.E;

/**
 * R-60, given / when / expect: a confidence vote rates each listed official — every one a registered person, listed
 * once, with the office he holds — on one ballot; it takes no nominations and keeps the organisers' order.
 */
class R60ListedOfficialsTest {

    private final ConfidenceScenario v = new ConfidenceScenario(RuleProfiles.UNION_DEFAULT, 9, 9);

    @Test
    void theVoteListsEachOfficialWithHisOfficeAndHasALineForEach() {
        v.s.fixture.givenNoPriorActivity()
                .when(v.open(ConfidenceScenario.OFFICIALS))
                .expectEvents(new ElectionOpened(E, C, "snv", ElectedBody.CONFIDENCE_VOTE, ConfidenceScenario.TITLE, 3, RuleProfiles.UNION_DEFAULT),
                        new OfficialListed(E, "chair", "p-chair", "Chủ tịch"),
                        new OfficialListed(E, "vice", "p-vice", "Phó Chủ tịch"),
                        new OfficialListed(E, "member", "p-member", "Ủy viên Ban Thường vụ"));
    }

    @Test
    void aVoteWithoutOfficialsIsRefused() {
        v.s.fixture.givenNoPriorActivity()
                .when(v.open(List.of()))
                .expectNoEvents()
                .expectException(refusal("officials-missing", "R-60"));
    }

    @Test
    void anOfficialWhoIsNotARegisteredPersonIsRefused() {
        v.s.fixture.givenNoPriorActivity()
                .when(v.open(List.of(new ListedOfficial("chair", "p-chair", "Chủ tịch"), new ListedOfficial("x", "p-nobody", "Phó Chủ tịch"))))
                .expectNoEvents()
                .expectException(refusal("unknown-person", "R-60"));
    }

    @Test
    void aPersonIsListedOnce() {
        v.s.fixture.givenNoPriorActivity()
                .when(v.open(List.of(new ListedOfficial("chair", "p-chair", "Chủ tịch"), new ListedOfficial("chair-2", "p-chair", "Phó Chủ tịch"))))
                .expectNoEvents()
                .expectException(refusal("official-listed-twice", "R-60"));
    }

    @Test
    void anOfficialIsListedWithHisOffice() {
        v.s.fixture.givenNoPriorActivity()
                .when(v.open(List.of(new ListedOfficial("chair", "p-chair", " "))))
                .expectNoEvents()
                .expectException(refusal("office-missing", "R-60"));
    }

    @Test
    void aConfidenceVoteTakesNoNominations() {
        v.s.fixture.givenCommands(v.open(ConfidenceScenario.OFFICIALS))
                .when(v.s.nominate("c1"))
                .expectNoEvents()
                .expectException(refusal("confidence-vote-takes-no-nominations", "R-60"));
    }

    @Test
    void anElectionListsNoOfficials() {
        v.s.fixture.givenNoPriorActivity()
                .when(new OpenElectionCommand(E, C, ElectedBody.EXECUTIVE_COMMITTEE, null, null, ConfidenceScenario.OFFICIALS))
                .expectNoEvents()
                .expectException(refusal("officials-only-for-confidence-votes", "R-20"));
    }

    @Test
    void theListIsRatedInTheOrderTheOrganisersListedNotByName() {
        v.s.fixture.givenCommands(v.open(ConfidenceScenario.OFFICIALS))
                .when(v.approve())
                .expectEvents(new CandidateListApproved(E, "ds-1", null, ConfidenceScenario.LISTED));
    }
}
