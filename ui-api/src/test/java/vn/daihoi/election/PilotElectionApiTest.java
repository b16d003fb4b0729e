package vn.daihoi.election;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue acceptance: a full pilot congress under the default profile — 5 seats, 7 candidates, 45 voters, 40
 * electronic and 5 paper ballots (one invalid for keeping 6 names) — whose results and PDF minutes match a hand
 * count with percentages of the 45 ballots collected; and edge case 7.
 */
class PilotElectionApiTest extends ApiTest {

    private static List<String> pick(List<String> k, int... idx) {
        List<String> out = new ArrayList<>();
        for (int i : idx) out.add(k.get(i));
        return out;
    }

    private static String ids(List<String> ids) {
        StringBuilder b = new StringBuilder();
        for (String id : ids) b.append(b.length() == 0 ? "" : ",").append('"').append(id).append('"');
        return "[" + b + "]";
    }

    private static void enter(Http member, CongressInSession c, int round, int sheet, List<String> kept, String invalid, String correction) {
        Answer a = member.post("/api/elections/" + c.electionId + "/rounds/" + round + "/paper-entries", """
                {"sheet":%d,"keptCandidateIds":%s,"invalid":%s,"correctionReason":%s}""".formatted(sheet, ids(kept),
                invalid == null ? "null" : "\"" + invalid + "\"", correction == null ? "null" : "\"" + correction + "\""));
        assertThat(a.status()).as(a.raw()).isEqualTo(204);
    }

    @Test
    void aFullPilotCongressWithElectronicAndPaperBallotsMatchesAHandCount() throws Exception {
        CongressInSession c = new CongressInSession(this, 60, 45);
        c.decide("COUNTING_COMMITTEE", "Ban kiểm phiếu", c.personIds.subList(0, 3), null);
        c.election(5, c.personIds.subList(53, 60));
        List<String> k = c.candidateIds;
        // two people named on the congress's counting committee, each with his own account.
        Http memberA = c.counting().member(c.counting().committee().get(0));
        Http memberB = c.counting().member(c.counting().committee().get(1));
        assertThat(c.openRound(1, null).status()).isEqualTo(201);
        String round = "/api/elections/" + c.electionId + "/rounds/1";

        for (int v = 0; v < 40; v++) {
            Answer cast = c.cast(c.voters.get(v), 1, UUID.randomUUID().toString(), v < 30 ? pick(k, 0, 1, 2, 3, 4) : pick(k, 0, 1, 2, 5, 6));
            assertThat(cast.status()).as(cast.raw()).isEqualTo(201);
        }
        for (int v = 40; v < 45; v++) {
            assertThat(c.organiser.post(round + "/paper-ballots", "{\"delegateId\":\"" + c.delegateIds.get(v) + "\"}").status()).isEqualTo(200);
        }
        // Edge case 4: a spoiled paper ballot is exchanged against the spoiled one.
        assertThat(c.organiser.post(round + "/paper-ballots/spoiled", "{\"delegateId\":\"" + c.delegateIds.get(40) + "\"}").status()).isEqualTo(200);
        // A voter with a paper ballot cannot also vote electronically.
        Answer both = c.cast(c.voters.get(41), 1, UUID.randomUUID().toString(), pick(k, 0));
        assertThat(both.status()).isEqualTo(409);
        assertThat(both.body().path("code").asText()).isEqualTo("paper-issued");

        List<List<String>> sheets = List.of(pick(k, 0, 1, 2, 3, 4), pick(k, 0, 1, 2, 3, 5), pick(k, 5, 6), List.of());
        for (int s = 0; s < 4; s++) {
            enter(memberA, c, 1, s + 1, sheets.get(s), null, null);
            enter(memberB, c, 1, s + 1, s == 1 ? pick(k, 0, 1, 2, 3, 6) : sheets.get(s), null, null);
        }
        enter(memberA, c, 1, 5, pick(k, 0, 1, 2, 3, 4, 5), "TOO_MANY_NAMES", null);
        enter(memberB, c, 1, 5, pick(k, 0, 1, 2, 3, 4, 5), "TOO_MANY_NAMES", null);

        Answer mismatch = c.close(1);
        assertThat(mismatch.status()).isEqualTo(409);
        assertThat(mismatch.body().path("code").asText()).isEqualTo("paper-entries-unsettled");
        assertThat(mismatch.body().path("title").asText()).contains("[2]");
        enter(memberB, c, 1, 2, sheets.get(1), null, "Nhập nhầm tên ở phiếu số 2");
        Answer unbalanced = c.close(1);
        assertThat(unbalanced.status()).isEqualTo(409);
        assertThat(unbalanced.body().path("code").asText()).isEqualTo("paper-accounting-unbalanced");
        assertThat(memberA.post(round + "/paper-accounting", "{\"notReturned\":0}").status()).isEqualTo(200);

        Answer closed = c.close(1);
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        JsonNode r = closed.body();
        assertThat(r.path("collected").asInt()).isEqualTo(45);
        assertThat(r.path("valid").asInt()).isEqualTo(44);
        assertThat(r.path("invalid").asInt()).isEqualTo(1);
        assertThat(r.path("electronic").asInt()).isEqualTo(40);
        assertThat(r.path("paper").asInt()).isEqualTo(5);
        assertThat(r.path("issued").asInt()).isEqualTo(46);
        assertThat(r.path("spoiled").asInt()).isEqualTo(1);
        assertThat(r.path("notReturned").asInt()).isZero();
        assertThat(r.path("lines")).extracting(l -> l.path("votes").asInt()).containsExactly(42, 42, 42, 32, 31, 12, 11);
        assertThat(r.path("lines")).extracting(l -> l.path("percentOfCollected").asText())
                .containsExactly("93.33", "93.33", "93.33", "71.11", "68.89", "26.67", "24.44");
        assertThat(r.path("lines")).extracting(l -> l.path("outcome").asText()).containsExactly("ELECTED", "ELECTED", "ELECTED",
                "ELECTED", "ELECTED", "BELOW_THRESHOLD", "BELOW_THRESHOLD");

        JsonNode minutes = c.organiser.get(round + "/minutes").body();
        assertThat(minutes.path("ballotsCollected").asInt()).isEqualTo(45);
        assertThat(minutes.path("ballotsInvalid").asInt()).isEqualTo(1);
        assertThat(minutes.path("countingCommittee")).hasSize(3);
        assertThat(minutes.path("candidates").asInt()).isEqualTo(7);
        assertThat(minutes.path("candidatesBySource").path("OUTGOING_COMMITTEE").asInt()).isEqualTo(7);
        assertThat(minutes.path("elected")).hasSize(5);
        assertThat(minutes.path("lines").get(0).path("percentOfCollected").asText()).isEqualTo("93.33");

        byte[] pdf = c.organiser.getBytes(round + "/minutes.pdf");
        String text = vn.daihoi.support.PdfText.of(pdf);
        assertThat(text).contains("BIÊN BẢN KIỂM PHIẾU").contains("Số phiếu thu về: 45 (điện tử 40, giấy 5)")
                .contains("Số phiếu không hợp lệ: 1").contains("93,33 %").contains("24,44 %").contains("Trúng cử")
                .contains("Đại hội lần thứ X").contains(minutes.path("elected").get(0).asText())
                .contains(minutes.path("countingCommittee").get(0).asText());
    }

    @Test
    void moreThanHalfOfValidBallotsIsNotEnoughWithoutMoreThanHalfOfBallotsCollected() {
        CongressInSession c = new CongressInSession(this, 12, 10);
        c.election(1, c.personIds.subList(10, 12));
        List<String> k = c.candidateIds;
        // two people named on the congress's counting committee, each with his own account.
        Http memberA = c.counting().member(c.counting().committee().get(0));
        Http memberB = c.counting().member(c.counting().committee().get(1));
        c.openRound(1, null);
        String round = "/api/elections/" + c.electionId + "/rounds/1";
        for (int v = 0; v < 6; v++) c.cast(c.voters.get(v), 1, UUID.randomUUID().toString(), v < 5 ? pick(k, 0) : pick(k, 1));
        for (int v = 6; v < 10; v++) c.organiser.post(round + "/paper-ballots", "{\"delegateId\":\"" + c.delegateIds.get(v) + "\"}");
        for (int s = 1; s <= 4; s++) {
            enter(memberA, c, 1, s, List.of(), "IDENTIFYING_MARK", null);
            enter(memberB, c, 1, s, List.of(), "IDENTIFYING_MARK", null);
        }
        memberB.post(round + "/paper-accounting", "{\"notReturned\":0}");
        JsonNode r = c.close(1).body();
        assertThat(r.path("collected").asInt()).isEqualTo(10);
        assertThat(r.path("valid").asInt()).isEqualTo(6);
        JsonNode top = r.path("lines").get(0);
        assertThat(top.path("votes").asInt()).as("5 of 6 valid ballots").isEqualTo(5);
        assertThat(top.path("percentOfCollected").asText()).isEqualTo("50.00");
        assertThat(top.path("outcome").asText()).isEqualTo("BELOW_THRESHOLD");
        assertThat(r.path("vacancies").asInt()).isEqualTo(1);
    }
}
