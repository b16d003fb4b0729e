package vn.daihoi.election;

import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.ConfidenceVote;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http.Answer;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, finding 9 (ADR 0015, R-23): an Idempotency-Key repeats one ballot, never another; what the database keeps
 * to tell them apart lets nobody without the voter's key learn his choice, and is forgotten at the count.
 */
class IdempotencyKeyApiTest extends ApiTest {

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static void assertReused(Answer a) {
        assertThat(a.status()).as(a.raw()).isEqualTo(422);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().path("code").asText()).isEqualTo("idempotency-key-reused");
        assertThat(a.body().path("title").asText()).contains("đã được dùng cho một lá phiếu khác");
    }

    @Test
    void theSameKeyWithTheSameBallotGetsTheSameReceiptAndWithAnotherBallotIsRefused() {
        CongressInSession c = new CongressInSession(this, 6, 5);
        c.election(2, c.personIds.subList(3, 6));
        List<String> k = c.candidateIds;
        assertThat(c.openRound(1, null).status()).isEqualTo(201);
        String sameKey = key();

        Answer first = c.cast(c.voters.get(0), 1, sameKey, List.of(k.get(0), k.get(1)));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        Answer retry = c.cast(c.voters.get(0), 1, sameKey, List.of(k.get(1), k.get(0)));
        assertThat(retry.status()).as("the same names, in another order, are the same ballot").isEqualTo(200);
        assertThat(retry.body().path("trackingCode").asText()).isEqualTo(first.body().path("trackingCode").asText());
        assertReused(c.cast(c.voters.get(0), 1, sameKey, List.of(k.get(2))));
        assertReused(c.cast(c.voters.get(0), 1, sameKey, List.of()));
        Answer otherKey = c.cast(c.voters.get(0), 1, key(), List.of(k.get(2)));
        assertThat(otherKey.body().path("code").asText()).isEqualTo("already-voted");

        // Two voters with the same ballot leave different marks: equal ballots cannot be grouped by a database reader.
        assertThat(c.cast(c.voters.get(1), 1, key(), List.of(k.get(0), k.get(1))).status()).isEqualTo(201);
        List<byte[]> marks = jdbc.queryForList("select idem_content from ballot_round_voter where election_id = ? and took_part",
                byte[].class, c.electionId);
        assertThat(marks).hasSize(2).doesNotContainNull();
        assertThat(marks.get(0)).isNotEqualTo(marks.get(1));

        assertThat(c.close(1).body().path("ballots")).as("one ballot per voter, the first as cast").hasSize(2)
                .allSatisfy(b -> assertThat(b.path("keptCandidateIds")).hasSize(2));
        assertThat(jdbc.queryForObject("select count(*) from ballot_round_voter where election_id = ? and idem_content is not null",
                Integer.class, c.electionId)).as("the marks are forgotten at the count").isZero();
    }

    @Test
    void aConfidenceBallotRetriedWithOtherRatingsUnderTheSameKeyIsRefused() {
        CongressInSession c = new CongressInSession(this, 6, 5);
        c.decide("COUNTING_COMMITTEE", "Ban kiểm phiếu", c.personIds.subList(4, 6), null);
        ConfidenceVote v = new ConfidenceVote(c, c.personIds.subList(0, 2), List.of("Chủ tịch", "Phó Chủ tịch"));
        assertThat(v.openRound(1).status()).isEqualTo(201);
        String sameKey = key();
        Answer first = v.rate(c.voters.get(0), 1, sameKey, "HIGH", "LOW");
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        Answer retry = v.rate(c.voters.get(0), 1, sameKey, "HIGH", "LOW");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().path("trackingCode").asText()).isEqualTo(first.body().path("trackingCode").asText());
        assertReused(v.rate(c.voters.get(0), 1, sameKey, "LOW", "LOW"));
    }

    @Test
    void aShortIdempotencyKeyIsRefusedBeforeTheBallotIsCast() {
        CongressInSession c = new CongressInSession(this, 4, 3);
        c.election(1, c.personIds.subList(2, 4));
        assertThat(c.openRound(1, null).status()).isEqualTo(201);
        Answer shortKey = c.cast(c.voters.get(0), 1, "retry-1", List.of(c.candidateIds.get(0)));
        assertThat(shortKey.status()).as(shortKey.raw()).isEqualTo(422);
        assertThat(shortKey.body().path("code").asText()).isEqualTo("weak-idempotency-key");
        assertThat(jdbc.queryForObject("select count(*) from ballot_box where election_id = ?", Integer.class, c.electionId)).isZero();
        assertThat(c.cast(c.voters.get(0), 1, key(), List.of(c.candidateIds.get(0))).status()).isEqualTo(201);
    }
}
