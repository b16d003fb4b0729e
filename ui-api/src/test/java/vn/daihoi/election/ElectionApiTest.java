package vn.daihoi.election;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** end to end over HTTP on PostgreSQL: electronic ballots, counting, ties and refusals. */
class ElectionApiTest extends ApiTest {

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static List<String> pick(List<String> candidates, int... indexes) {
        List<String> out = new ArrayList<>();
        for (int i : indexes) out.add(candidates.get(i));
        return out;
    }

    private CongressInSession pilot(int summoned, int present, int seats, int candidates) {
        CongressInSession c = new CongressInSession(this, summoned, present);
        return c.election(seats, c.personIds.subList(summoned - candidates, summoned));
    }

    @Test
    void aPilotCongressElectsFiveOfSevenAndTheResultMatchesAHandCount() {
        CongressInSession c = pilot(60, 45, 5, 7);
        List<String> k = c.candidateIds;
        assertThat(k).hasSize(7);
        Answer opened = c.openRound(1, null);
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        assertThat(opened.body().path("voters").asInt()).isEqualTo(45);

        // Hand count: k0, k1, k2 40 each; k3, k4 30; k5, k6 14; one ballot strikes every name (a vote for nobody).
        for (int v = 0; v < 45; v++) {
            List<String> kept = v < 30 ? pick(k, 0, 1, 2, 3, 4) : v < 40 ? pick(k, 0, 1, 2, 5, 6) : v < 44 ? pick(k, 5, 6) : List.of();
            Answer cast = c.cast(c.voters.get(v), 1, key(), kept);
            assertThat(cast.status()).as(cast.raw()).isEqualTo(201);
            assertThat(cast.body().path("trackingCode").asText()).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        }
        JsonNode open = c.organiser.get("/api/elections/" + c.electionId + "/rounds/1").body();
        assertThat(open.path("participants").asInt()).as("turnout while open").isEqualTo(45);
        assertThat(open.path("lines")).as("no interim results").isEmpty();
        assertThat(open.path("ballots")).isEmpty();

        JsonNode r = c.close(1).body();
        assertThat(r.path("status").asText()).isEqualTo("COUNTED");
        assertThat(r.path("collected").asInt()).isEqualTo(45);
        assertThat(r.path("valid").asInt()).isEqualTo(45);
        JsonNode lines = r.path("lines");
        assertThat(lines).extracting(l -> l.path("candidateId").asText()).containsExactlyElementsOf(k);
        assertThat(lines).extracting(l -> l.path("votes").asInt()).containsExactly(40, 40, 40, 30, 30, 14, 14);
        assertThat(lines).extracting(l -> l.path("percentOfCollected").asText())
                .containsExactly("88.89", "88.89", "88.89", "66.67", "66.67", "31.11", "31.11");
        assertThat(lines).extracting(l -> l.path("outcome").asText())
                .containsExactly("ELECTED", "ELECTED", "ELECTED", "ELECTED", "ELECTED", "BELOW_THRESHOLD", "BELOW_THRESHOLD");
        assertThat(r.path("ballots")).hasSize(45);
        JsonNode election = c.organiser.get("/api/elections/" + c.electionId).body();
        assertThat(election.path("electedCandidateIds")).extracting(JsonNode::asText).containsExactlyElementsOf(k.subList(0, 5));

        // Anyone who may read can recount the published ballots and find the same numbers.
        int[] recount = new int[7];
        for (JsonNode b : r.path("ballots")) b.path("keptCandidateIds").forEach(id -> recount[k.indexOf(id.asText())]++);
        assertThat(recount).containsExactly(40, 40, 40, 30, 30, 14, 14);
        // A delegate of the congress reads the published result with his voting token.
        assertThat(c.voters.get(0).get("/api/elections/" + c.electionId + "/rounds/1").body().path("collected").asInt()).isEqualTo(45);
    }

    @Test
    void theBallotListsCandidatesByGivenNameInVietnameseOrder() {
        CongressInSession c = pilot(12, 10, 2, 3);
        List<String> names = new ArrayList<>();
        JsonNode candidates = c.election.path("candidates");
        for (String id : c.candidateIds) {
            for (JsonNode cand : candidates) if (cand.path("candidateId").asText().equals(id)) names.add(cand.path("fullName").asText());
        }
        List<String> given = names.stream().map(BallotOrder::givenName).toList();
        List<String> sorted = new ArrayList<>(given);
        sorted.sort(java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi-VN")));
        assertThat(given).isEqualTo(sorted);
    }

    @Test
    void aTieAtTheLastSeatOpensATieRoundAmongTheTiedOnly() {
        CongressInSession c = pilot(12, 9, 2, 3);
        List<String> k = c.candidateIds;
        c.openRound(1, null);
        List<List<String>> ballots = List.of(pick(k, 0, 1), pick(k, 0, 1), pick(k, 0, 1), pick(k, 0, 2), pick(k, 0, 2), pick(k, 0, 2),
                pick(k, 1, 2), pick(k, 1, 2), pick(k, 0));
        for (int v = 0; v < 9; v++) assertThat(c.cast(c.voters.get(v), 1, key(), ballots.get(v)).status()).isEqualTo(201);
        JsonNode r1 = c.close(1).body();
        assertThat(r1.path("lines")).extracting(l -> l.path("outcome").asText())
                .containsExactly("ELECTED", "TIED_FOR_LAST_SEAT", "TIED_FOR_LAST_SEAT");
        assertThat(r1.path("tied")).extracting(JsonNode::asText).containsExactly(k.get(1), k.get(2));
        assertThat(r1.path("tieSeats").asInt()).isEqualTo(1);

        Answer withOthers = c.openRound(2, """
                {"round":2,"candidateIds":["%s","%s"],"seats":1,"decisionReference":"NQ vòng 2"}""".formatted(k.get(0), k.get(1)));
        assertThat(withOthers.status()).as("the elected cannot stand again").isEqualTo(422);
        Answer tie = c.openRound(2, """
                {"round":2,"candidateIds":["%s","%s"],"seats":1,"decisionReference":"Nghị quyết bầu vòng 2 giữa hai người bằng phiếu"}"""
                .formatted(k.get(1), k.get(2)));
        assertThat(tie.status()).as(tie.raw()).isEqualTo(201);
        assertThat(tie.body().path("candidateIds")).extracting(JsonNode::asText).containsExactly(k.get(1), k.get(2));
        for (int v = 0; v < 9; v++) c.cast(c.voters.get(v), 2, key(), v < 6 ? pick(k, 1) : pick(k, 2));
        JsonNode r2 = c.close(2).body();
        assertThat(r2.path("lines").get(0).path("outcome").asText()).isEqualTo("ELECTED");
        assertThat(c.organiser.get("/api/elections/" + c.electionId).body().path("electedCandidateIds"))
                .extracting(JsonNode::asText).containsExactly(k.get(0), k.get(1));
    }

    @Test
    void fiftyConcurrentAttemptsByOneVoterCountOnceAndARetryGetsTheSameReceipt() throws Exception {
        CongressInSession c = pilot(12, 10, 2, 3);
        List<String> k = c.candidateIds;
        c.openRound(1, null);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            String sameKey = key();
            List<Future<Answer>> retries = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                retries.add(pool.submit((Callable<Answer>) () -> c.cast(c.voters.get(0), 1, sameKey, pick(k, 0))));
            }
            Set<String> codes = new HashSet<>();
            int created = 0;
            for (Future<Answer> f : retries) {
                Answer a = f.get();
                assertThat(a.status()).as(a.raw()).isIn(200, 201);
                if (a.status() == 201) created++;
                codes.add(a.body().path("trackingCode").asText());
            }
            assertThat(created).isEqualTo(1);
            assertThat(codes).hasSize(1);

            List<Future<Answer>> distinct = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                distinct.add(pool.submit((Callable<Answer>) () -> c.cast(c.voters.get(1), 1, key(), pick(k, 1))));
            }
            int accepted = 0;
            for (Future<Answer> f : distinct) {
                Answer a = f.get();
                if (a.status() == 201) accepted++;
                else assertThat(a.body().path("code").asText()).as(a.raw()).isEqualTo("already-voted");
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        JsonNode r = c.close(1).body();
        assertThat(r.path("collected").asInt()).isEqualTo(2);
        assertThat(r.path("participants").asInt()).isEqualTo(2);
    }

    @Test
    void ballotsThatMustNotCountAreRefusedWithProblemDetailsAndRecordNothing() {
        CongressInSession c = pilot(12, 9, 2, 3);
        List<String> k = c.candidateIds;
        c.openRound(1, null);
        String round = "/api/elections/" + c.electionId + "/rounds/1";

        Answer unknown = c.cast(c.voters.get(0), 1, key(), List.of("no-such-candidate"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().path("rule").asText()).isEqualTo("R-25");
        Answer tooMany = c.cast(c.voters.get(0), 1, key(), pick(k, 0, 1, 2));
        assertThat(tooMany.body().path("code").asText()).isEqualTo("invalid-ballot-too-many-names");
        assertThat(c.organiser.get(round).body().path("participants").asInt()).as("nothing recorded").isZero();
        assertThat(c.cast(c.voters.get(0), 1, key(), pick(k, 0)).status()).as("the voter can still vote").isEqualTo(201);

        Answer noKey = c.voters.get(1).postWithHeader(round + "/ballots", "{\"keptCandidateIds\":[]}", "Idempotency-Key", null);
        assertThat(noKey.status()).isEqualTo(422);

        // A delegate who arrives after the roll froze is not on it until the organisers add him.
        String lateCode = c.organiser.post(c.path("/delegates/" + c.delegateIds.get(10) + "/check-in"), "").body().path("votingCode").asText();
        Http late = http().as(http().post("/api/auth/voting-code", "{\"code\":\"" + lateCode + "\"}").body().path("token").asText());
        Answer notOnRoll = c.cast(late, 1, key(), pick(k, 0));
        assertThat(notOnRoll.status()).isEqualTo(409);
        assertThat(notOnRoll.body().path("code").asText()).isEqualTo("not-on-round-roll");
        assertThat(c.organiser.post(round + "/late-voters", "{\"delegateId\":\"" + c.delegateIds.get(10)
                + "\",\"decisionReference\":\"Quyết định bổ sung cử tri số 2\"}").status()).isEqualTo(200);
        assertThat(c.cast(late, 1, key(), pick(k, 0)).status()).isEqualTo(201);

        // A revoked credential no longer signs anyone in.
        c.organiser.post(c.path("/delegates/" + c.delegateIds.get(2) + "/credential/revoke"), "{\"reason\":\"Mất thẻ\"}");
        Answer revoked = c.cast(c.voters.get(2), 1, key(), pick(k, 0));
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.contentType()).startsWith("application/problem+json");

        // Another congress's voter has no right here.
        CongressInSession other = new CongressInSession(this, 3, 3);
        Answer foreign = c.cast(other.voters.get(0), 1, key(), pick(k, 0));
        assertThat(foreign.status()).isEqualTo(403);

        // Guests hold no credential at all, so they cannot even sign in to vote.
        assertThat(c.cast(http(), 1, key(), pick(k, 0)).status()).isEqualTo(401);

        c.close(1);
        Answer afterClose = c.cast(c.voters.get(3), 1, key(), pick(k, 0));
        assertThat(afterClose.status()).isEqualTo(409);
        assertThat(afterClose.body().path("code").asText()).isEqualTo("round-closed");
        assertThat(c.organiser.get(round).body().path("collected").asInt()).isEqualTo(2);
    }

    @Test
    void theChairIsElectedDirectlyInTheSameSessionOnItsOwnBallot() throws Exception {
        CongressInSession c = pilot(12, 9, 2, 3);
        // the chair's own election, one seat; a single-seat list may have one candidate.
        Answer chair = c.organiser.post(c.path("/elections"), "{\"body\":\"CHAIR\",\"title\":\"Bầu trực tiếp Chủ tịch Công đoàn cơ sở\"}");
        assertThat(chair.status()).as(chair.raw()).isEqualTo(201);
        assertThat(chair.body().path("seats").asInt()).isEqualTo(1);
        String chairId = chair.body().path("electionId").asText();
        String person = c.personIds.get(11);
        assertThat(c.organiser.post("/api/elections/" + chairId + "/candidates",
                "{\"personId\":\"" + person + "\",\"source\":\"DELEGATE\",\"nominatedByDelegateId\":\"" + c.delegateIds.get(0) + "\"}").status())
                .isEqualTo(200);
        String list = c.decide("CANDIDATE_LIST", "Danh sách bầu Chủ tịch", List.of(person), null);
        assertThat(c.organiser.post("/api/elections/" + chairId + "/approve-list", "{\"listDecisionId\":\"" + list + "\"}").status()).isEqualTo(200);
        String candidate = c.organiser.get("/api/elections/" + chairId).body().path("ballotOrder").get(0).asText();
        assertThat(c.openRound(chairId, 1, null).status()).isEqualTo(201);

        byte[] papers = c.organiser.getBytes("/api/elections/" + chairId + "/rounds/1/ballot-papers.pdf?copies=2");
        assertThat(vn.daihoi.support.PdfText.pages(papers)).isEqualTo(2);
        assertThat(vn.daihoi.support.PdfText.of(papers)).contains("PHIẾU BẦU CỬ").contains("Bầu trực tiếp Chủ tịch Công đoàn cơ sở")
                .contains("Giữ lại không quá 1 người");
        for (int v = 0; v < 9; v++) {
            Answer cast = c.voters.get(v).postWithHeader("/api/elections/" + chairId + "/rounds/1/ballots",
                    v < 7 ? "{\"keptCandidateIds\":[\"" + candidate + "\"]}" : "{\"keptCandidateIds\":[]}", "Idempotency-Key", key());
            assertThat(cast.status()).as(cast.raw()).isEqualTo(201);
        }
        JsonNode r = c.close(chairId, 1).body();
        assertThat(r.path("lines").get(0).path("votes").asInt()).isEqualTo(7);
        assertThat(r.path("lines").get(0).path("outcome").asText()).isEqualTo("ELECTED");
    }
}
