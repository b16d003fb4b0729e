package vn.daihoi.election.rules;

import org.junit.jupiter.api.Test;
import vn.daihoi.election.Candidate;
import vn.daihoi.election.CandidateNominated;
import vn.daihoi.election.NominateCandidateCommand;
import vn.daihoi.election.NominationSource;

import static vn.daihoi.election.rules.Refusals.refusal;
import static vn.daihoi.election.rules.Scenario.E;

/**
 * R-20, given / when / expect: a nomination records its source — proposed by the outgoing committee, nominated by a
 * delegate (who names himself), or self-candidacy with its application — of a registered person, who need not be a
 * delegate (edge case 9); a person stands once.
 */
class R20NominationsTest {

    private final Scenario s = Scenario.union(2).candidates(3);

    @Test
    void theOutgoingCommitteesProposalIsRecordedWithItsSource() {
        s.fixture.givenCommands(s.openElection())
                .when(s.nominate("c1"))
                .expectEvents(new CandidateNominated(E, new Candidate("c1", "p-c1", NominationSource.OUTGOING_COMMITTEE, null, null)));
    }

    @Test
    void aDelegatesNominationRecordsTheDelegate() {
        s.fixture.givenCommands(s.openElection())
                .when(new NominateCandidateCommand(E, "c1", "p-c1", NominationSource.DELEGATE, "d03", null))
                .expectEvents(new CandidateNominated(E, new Candidate("c1", "p-c1", NominationSource.DELEGATE, "d03", null)));
    }

    @Test
    void aNominationByDelegateNeedsADelegateOnTheRoll() {
        s.fixture.givenCommands(s.openElection())
                .when(new NominateCandidateCommand(E, "c1", "p-c1", NominationSource.DELEGATE, null, null))
                .expectNoEvents()
                .expectException(refusal("nominator-not-a-delegate", "R-20"));
        s.fixture.givenCommands(s.openElection())
                .when(new NominateCandidateCommand(E, "c1", "p-c1", NominationSource.DELEGATE, "d99", null))
                .expectNoEvents()
                .expectException(refusal("nominator-not-a-delegate", "R-20"));
    }

    @Test
    void selfCandidacyNeedsAnApplication() {
        s.fixture.givenCommands(s.openElection())
                .when(new NominateCandidateCommand(E, "c1", "p-c1", NominationSource.SELF, null, null))
                .expectNoEvents()
                .expectException(refusal("self-candidacy-needs-application", "R-20"));
    }

    @Test
    void selfCandidacyWithItsApplicationIsRecorded() {
        s.fixture.givenCommands(s.openElection())
                .when(new NominateCandidateCommand(E, "c1", "p-c1", NominationSource.SELF, null, "ĐƠN-2023-04"))
                .expectEvents(new CandidateNominated(E, new Candidate("c1", "p-c1", NominationSource.SELF, null, "ĐƠN-2023-04")));
    }

    @Test
    void aNominationWithoutASourceIsRefused() {
        s.fixture.givenCommands(s.openElection())
                .when(new NominateCandidateCommand(E, "c1", "p-c1", null, null, null))
                .expectNoEvents()
                .expectException(refusal("missing-field", "R-20"));
    }

    @Test
    void onlyARegisteredPersonIsNominated() {
        s.fixture.givenCommands(s.openElection())
                .when(new NominateCandidateCommand(E, "c9", "p-nobody", NominationSource.OUTGOING_COMMITTEE, null, null))
                .expectNoEvents()
                .expectException(refusal("unknown-person", "R-20"));
    }

    @Test
    void aPersonWhoIsNotADelegateMayBeNominated() {
        // p-c2 has no seat on the roll: edge case 9.
        s.fixture.givenCommands(s.openElection())
                .when(s.nominate("c2"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aPersonStandsOnce() {
        s.fixture.givenCommands(s.openElection(), s.nominate("c1"))
                .when(new NominateCandidateCommand(E, "c1-again", "p-c1", NominationSource.SELF, null, "ĐƠN-2023-05"))
                .expectNoEvents()
                .expectException(refusal("already-a-candidate", "R-20"));
    }
}
