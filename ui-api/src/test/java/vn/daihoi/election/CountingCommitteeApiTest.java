package vn.daihoi.election;

import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-14, R-29 (issue 12, acceptance 5): paper ballots are entered and accounted only by the people named in the
 * congress's counting-committee decision. An account holding the COUNTING grant for the congress is not enough: its
 * person must be on the decision — the same people who hold the round's key shares (ADR 0017).
 */
class CountingCommitteeApiTest extends ApiTest {

    @Test
    void aCountingAccountWhosePersonIsNotOnTheDecisionCannotEnterOrAccountPaperBallotsButAMemberCan() {
        CongressInSession c = new CongressInSession(this, 7, 7);
        c.election(5, c.personIds.subList(0, 7));
        List<String> committee = c.counting().committee();
        assertThat(c.openRound(1, null).status()).isEqualTo(201);
        String round = "/api/elections/" + c.electionId + "/rounds/1";
        assertThat(c.organiser.post(round + "/paper-ballots", "{\"delegateId\":\"" + c.delegateIds.get(6) + "\"}").status()).isEqualTo(200);
        String ballot = "{\"sheet\":1,\"keptCandidateIds\":[\"" + c.candidateIds.get(0) + "\"]}";

        // A delegate of the congress, not on the committee, given a COUNTING account for it.
        String notOnDecision = c.personIds.get(6);
        assertThat(committee).doesNotContain(notOnDecision);
        Http outsider = c.counting().member(notOnDecision);
        long before = eventCount();
        Answer refused = outsider.post(round + "/paper-entries", ballot);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.body().path("code").asText()).isEqualTo("not-on-counting-committee");
        assertThat(refused.body().path("rule").asText()).isEqualTo("R-29");
        assertThat(refused.body().path("title").asText()).contains("Ban kiểm phiếu");
        Answer accounting = outsider.post(round + "/paper-accounting", "{\"notReturned\":0}");
        assertThat(accounting.status()).as(accounting.raw()).isEqualTo(409);
        assertThat(accounting.body().path("code").asText()).isEqualTo("not-on-counting-committee");
        // An account with the grant and no person at all is refused the same way.
        Answer personless = account("COUNTING", c.scenario.congress).post(round + "/paper-entries", ballot);
        assertThat(personless.status()).as(personless.raw()).isEqualTo(409);
        assertThat(personless.body().path("code").asText()).isEqualTo("not-on-counting-committee");
        assertThat(eventCount()).as("nothing recorded for the refused entries").isEqualTo(before);

        // The members named on the decision enter it twice and account for it; the round then counts.
        for (int m = 0; m < 2; m++) {
            Answer entered = c.counting().member(committee.get(m)).post(round + "/paper-entries", ballot);
            assertThat(entered.status()).as(entered.raw()).isEqualTo(204);
        }
        assertThat(c.counting().member(committee.get(2)).post(round + "/paper-accounting", "{\"notReturned\":0}").status()).isEqualTo(200);
        Answer counted = c.close(1);
        assertThat(counted.status()).as(counted.raw()).isEqualTo(200);
        assertThat(counted.body().path("paper").asInt()).isEqualTo(1);
    }
}
