package vn.daihoi.election;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.CountingDesk;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;
import vn.daihoi.support.Scenario;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-31 over HTTP on PostgreSQL: a counted round's paper ballots stay sealed for the profile's six months from the day
 * in Vietnam the round closed. The organisers of the congress's unit record an opening decided by the presidium or
 * the executive committee and, once the seal has run out, the destruction; nobody else, and never earlier. Every
 * refusal changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaperBallotSealApiTest extends ApiTest {

    private CongressInSession c;
    private String round;
    private LocalDate closedOn;

    @BeforeAll
    void aRoundCountedWithOnePaperBallot() {
        c = new CongressInSession(this, 4, 3);
        c.election(2, c.personIds.subList(0, 3));
        assertThat(c.openRound(1, null).status()).isEqualTo(201);
        round = "/api/elections/" + c.electionId + "/rounds/1";
        // The first delegate votes on paper, entered twice by the counting committee; the others electronically.
        assertThat(c.organiser.post(round + "/paper-ballots", "{\"delegateId\":\"" + c.delegateIds.get(0) + "\"}").status()).isEqualTo(200);
        List<String> committee = c.counting().committee();
        for (String member : committee.subList(0, 2)) {
            Answer entry = c.counting().member(member).post(round + "/paper-entries",
                    "{\"sheet\":1,\"keptCandidateIds\":[\"" + c.candidateIds.get(0) + "\",\"" + c.candidateIds.get(1) + "\"]}");
            assertThat(entry.status()).as(entry.raw()).isEqualTo(204);
        }
        assertThat(c.organiser.post(round + "/paper-accounting", "{\"notReturned\":0}").status()).isEqualTo(200);
        for (int i = 1; i < 3; i++) {
            Answer cast = c.cast(c.voters.get(i), 1, UUID.randomUUID().toString(), List.of(c.candidateIds.get(0), c.candidateIds.get(2)));
            assertThat(cast.status()).as(cast.raw()).isEqualTo(201);
        }
        closedOn = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        JsonNode counted = c.close(1).body();
        assertThat(counted.path("status").asText()).as(counted.toString()).isEqualTo("COUNTED");
        assertThat(counted.path("paper").asInt()).isEqualTo(1);
    }

    private LocalDate sealedUntil() {
        return closedOn.plusMonths(6);
    }

    @Test
    void theBallotsCannotBeDestroyedBeforeTheirSixMonthsAreOver() {
        long before = eventCount();
        Answer a = c.organiser.post(round + "/paper-ballots/destruction", "{\"decisionReference\":\"12/QĐ-BCH\"}");
        assertThat(a.status()).as(a.raw()).isEqualTo(409);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().path("code").asText()).isEqualTo("ballots-still-sealed");
        assertThat(a.body().path("rule").asText()).isEqualTo("R-31");
        assertThat(a.body().path("title").asText()).contains("niêm phong đến ngày " + sealedUntil());
        assertThat(a.body().path("titleEn").asText()).contains("sealed until " + sealedUntil());
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void thePresidiumsDecisionOpensThemAndTheyStaySealedUntilTheSameDay() {
        Answer a = c.organiser.post(round + "/paper-ballots/openings",
                "{\"authority\":\"PRESIDIUM\",\"decisionReference\":\"7/NQ-ĐCT\",\"reason\":\"Kiểm tra khiếu nại của đại biểu về phiếu số 1\"}");
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        assertThat(a.body().path("done").asText()).isEqualTo("OPENED");
        assertThat(a.body().path("authority").asText()).isEqualTo("PRESIDIUM");
        assertThat(a.body().path("on").asText()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString());
        assertThat(a.body().path("sealedUntil").asText()).isEqualTo(sealedUntil().toString());
    }

    @Test
    void nobodyButThePresidiumOrTheExecutiveCommitteeOpensThem() {
        long before = eventCount();
        for (String body : List.of(
                "{\"authority\":\"ORGANISER\",\"decisionReference\":\"7/NQ\",\"reason\":\"Xem lại\"}",
                "{\"authority\":\"COUNTING_COMMITTEE\",\"decisionReference\":\"7/NQ\",\"reason\":\"Xem lại\"}",
                "{\"decisionReference\":\"7/NQ\",\"reason\":\"Xem lại\"}")) {
            Answer a = c.organiser.post(round + "/paper-ballots/openings", body);
            assertThat(a.status()).as(body + " " + a.raw()).isEqualTo(422);
            assertThat(a.body().path("code").asText()).isEqualTo("seal-authority-required");
            assertThat(a.body().path("rule").asText()).isEqualTo("R-31");
            assertThat(a.body().path("title").asText()).contains("Đoàn Chủ tịch");
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void onlyTheOrganisersOfTheCongresssUnitRecordAnOpeningOrADestruction() {
        String otherProvince = new Scenario(admin()).unit("CB", "Liên đoàn Lao động tỉnh Cao Bằng", "PROVINCIAL_FEDERATION", null);
        Map<String, Http> refused = new LinkedHashMap<>();
        refused.put("counting member", CountingDesk.of(c.organiser, c.scenario.congress).member(c.counting().committee().get(0)));
        refused.put("auditor", account("AUDITOR", c.scenario.province));
        refused.put("another province's organiser", account("ORGANISER", otherProvince));
        refused.put("voter", c.voters.get(1));
        long before = eventCount();
        refused.forEach((who, caller) -> {
            for (String[] call : List.of(
                    new String[]{"/paper-ballots/openings", "{\"authority\":\"EXECUTIVE_COMMITTEE\",\"decisionReference\":\"7/NQ\",\"reason\":\"Xem lại\"}"},
                    new String[]{"/paper-ballots/destruction", "{\"decisionReference\":\"12/QĐ\"}"})) {
                Answer a = caller.post(round + call[0], call[1]);
                assertThat(a.status()).as(who + " " + call[0] + " " + a.raw()).isEqualTo(403);
                assertThat(a.body().path("code").asText()).isEqualTo("forbidden");
            }
        });
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aRoundWithoutCountedPaperBallotsHasNothingSealed() {
        long before = eventCount();
        Answer a = c.organiser.post("/api/elections/" + c.electionId + "/rounds/2/paper-ballots/openings",
                "{\"authority\":\"PRESIDIUM\",\"decisionReference\":\"7/NQ\",\"reason\":\"Xem lại\"}");
        assertThat(a.status()).as(a.raw()).isEqualTo(409);
        assertThat(a.body().path("code").asText()).isEqualTo("no-paper-ballots");
        assertThat(a.body().path("rule").asText()).isEqualTo("R-31");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void badInputIsAProblemNeverA500AndChangesNothing() {
        long before = eventCount();
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("no decision", c.organiser.post(round + "/paper-ballots/destruction", "{}"));
        answers.put("NUL", c.organiser.post(round + "/paper-ballots/destruction", "{\"decisionReference\":\"12/\\u0000QĐ\"}"));
        answers.put("over-long", c.organiser.post(round + "/paper-ballots/openings",
                "{\"authority\":\"PRESIDIUM\",\"decisionReference\":\"7/NQ\",\"reason\":\"" + "x".repeat(1001) + "\"}"));
        answers.put("over-long authority", c.organiser.post(round + "/paper-ballots/openings",
                "{\"authority\":\"" + "P".repeat(5000) + "\",\"decisionReference\":\"7/NQ\",\"reason\":\"x\"}"));
        answers.put("no reason", c.organiser.post(round + "/paper-ballots/openings", "{\"authority\":\"PRESIDIUM\",\"decisionReference\":\"7/NQ\"}"));
        answers.put("not JSON", c.organiser.post(round + "/paper-ballots/openings", "niêm phong"));
        answers.put("round not a number", c.organiser.post("/api/elections/" + c.electionId + "/rounds/one/paper-ballots/destruction",
                "{\"decisionReference\":\"12/QĐ\"}"));
        answers.forEach((what, a) -> {
            assertThat(a.status()).as(what + ": " + a.raw()).isEqualTo(400);
            assertThat(a.contentType()).as(what).startsWith("application/problem+json");
            assertThat(a.body().path("titleEn").asText()).as(what).isNotBlank();
        });
        assertThat(eventCount()).isEqualTo(before);
    }
}
