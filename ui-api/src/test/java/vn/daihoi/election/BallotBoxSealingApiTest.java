package vn.daihoi.election;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.CountingDesk;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;
import vn.daihoi.support.PdfText;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0017: the box is sealed by the counting committee — each member takes his key share once,
 * the box takes ballots only when every member holds his, and it opens only with k distinct shares issued for its
 * key; a round whose shares are lost is void and held again.
 */
class BallotBoxSealingApiTest extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    private vn.daihoi.election.infra.JdbcBallotBox box;

    private CongressInSession congressWithCommittee(int committee) {
        CongressInSession c = new CongressInSession(this, 12, 10);
        c.election(2, c.personIds.subList(0, 3));
        c.decide("COUNTING_COMMITTEE", "Ban kiểm phiếu", c.personIds.subList(12 - committee, 12), null);
        return c;
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void theBoxTakesBallotsOnlyOnceEveryMemberHoldsHisShareAndEachShareIsHandedOutOnce() throws Exception {
        CongressInSession c = congressWithCommittee(3);
        CountingDesk desk = c.counting();
        Answer opened = c.organiser.post("/api/elections/" + c.electionId + "/rounds", "{\"round\":1}");
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        assertThat(opened.body().path("box").path("sealed").asBoolean()).isFalse();
        assertThat(opened.body().path("box").path("sharesNeeded").asInt()).as("a majority of 3").isEqualTo(2);
        assertThat(opened.body().path("box").path("keyFingerprint").asText()).matches("[0-9a-f]{4}(-[0-9a-f]{4}){3}");

        Answer early = c.cast(c.voters.get(0), 1, key(), List.of(c.candidateIds.get(0)));
        assertThat(early.status()).as(early.raw()).isEqualTo(409);
        assertThat(early.body().path("code").asText()).isEqualTo("box-not-sealed");
        assertThat(early.body().path("rule").asText()).isEqualTo("R-23");

        List<String> members = desk.committee();
        // Not on the committee: an organiser, a counting account of someone else, another congress's member.
        Answer organiserTakes = c.organiser.post("/api/elections/" + c.electionId + "/rounds/1/key-share", "");
        assertThat(organiserTakes.status()).isEqualTo(403);
        Http stranger = account("COUNTING", c.scenario.congress);
        Answer strangerTakes = stranger.post("/api/elections/" + c.electionId + "/rounds/1/key-share", "");
        assertThat(strangerTakes.status()).as(strangerTakes.raw()).isEqualTo(409);
        assertThat(strangerTakes.body().path("code").asText()).isEqualTo("not-a-share-holder");

        // The first member takes his share as the printed sheet, the others as data.
        byte[] sheet = desk.member(members.get(0)).postForBytes("/api/elections/" + c.electionId + "/rounds/1/key-share.pdf", "");
        String text = PdfText.of(sheet);
        assertThat(text).contains("MẢNH KHOÁ HÒM PHIẾU ĐIỆN TỬ").containsPattern("Mảnh số: [123] / 3").contains("Số mảnh cần để mở hòm phiếu: 2")
                .contains(opened.body().path("box").path("keyFingerprint").asText()).contains("KP1-");
        java.util.regex.Matcher printed = java.util.regex.Pattern.compile("KP1(-[A-Z2-9]{5}){15}-[A-Z2-9]")
                .matcher(text.replaceAll("\\s", ""));
        assertThat(printed.find()).as("the share code printed under its QR code").isTrue();
        String firstShare = printed.group();
        Answer again = desk.takeShare(members.get(0), c.electionId, 1);
        assertThat(again.status()).as("a share is handed out once").isEqualTo(409);
        assertThat(again.body().path("code").asText()).isEqualTo("share-already-taken");

        List<String> shares = new ArrayList<>(List.of(firstShare));
        for (String m : members.subList(1, 3)) {
            Answer s = desk.takeShare(m, c.electionId, 1);
            assertThat(s.status()).as(s.raw()).isEqualTo(200);
            shares.add(s.body().path("shareCode").asText());
        }
        JsonNode round = c.organiser.get("/api/elections/" + c.electionId + "/rounds/1").body();
        assertThat(round.path("box").path("sealed").asBoolean()).isTrue();
        assertThat(round.path("box").path("sharesTaken")).hasSize(3);
        assertThat(round.toString()).doesNotContain(shares.get(1).substring(4, 20));

        for (int v = 0; v < 6; v++) {
            Answer cast = c.cast(c.voters.get(v), 1, key(), List.of(c.candidateIds.get(v % 3)));
            assertThat(cast.status()).as(cast.raw()).isEqualTo(201);
        }

        // k − 1 shares: refused, and the round stays open (a ballot can still be cast).
        Answer tooFew = CountingDesk.close(c.organiser, c.electionId, 1, shares.subList(0, 1));
        assertThat(tooFew.status()).as(tooFew.raw()).isEqualTo(409);
        assertThat(tooFew.body().path("code").asText()).isEqualTo("shares-too-few");
        assertThat(tooFew.body().path("title").asText()).contains("Cần 2 mảnh khoá");
        // The same share twice is one share.
        assertThat(CountingDesk.close(c.organiser, c.electionId, 1, List.of(shares.get(1), shares.get(1))).body().path("code").asText())
                .isEqualTo("shares-too-few");
        Answer later = c.cast(c.voters.get(6), 1, key(), List.of(c.candidateIds.get(0)));
        assertThat(later.status()).as("the round is still open after refused closes").isEqualTo(201);

        // A mistyped share, and a forged one (well-formed, right key, not issued): refused by name, nothing changes.
        // One letter of the share itself mistyped (not the last one, whose low bits are padding).
        char[] letters = shares.get(1).toCharArray();
        letters[10] = letters[10] == 'A' ? 'B' : 'A';
        String typo = new String(letters);
        Answer unreadable = CountingDesk.close(c.organiser, c.electionId, 1, List.of(shares.get(0), typo));
        assertThat(unreadable.status()).isEqualTo(422);
        assertThat(unreadable.body().path("code").asText()).isEqualTo("share-unreadable");
        assertThat(unreadable.body().path("field").asText()).isEqualTo("shares[1]");

        // k shares: the box opens and the count is right (7 ballots).
        Answer counted = CountingDesk.close(c.organiser, c.electionId, 1, List.of(shares.get(2), shares.get(0)));
        assertThat(counted.status()).as(counted.raw()).isEqualTo(200);
        assertThat(counted.body().path("collected").asInt()).isEqualTo(7);
        assertThat(counted.body().path("ballots")).hasSize(7);
        assertThat(counted.body().path("box").path("openedBy")).hasSize(2);
        int votes = 0;
        for (JsonNode line : counted.body().path("lines")) votes += line.path("votes").asInt();
        assertThat(votes).isEqualTo(7);
    }

    @Test
    void aShareOfAnotherRoundOrNotIssuedByTheCommitteeDoesNotOpenTheBox() {
        CongressInSession c = congressWithCommittee(3);
        assertThat(c.openRound(1, null).status()).isEqualTo(201);
        for (int v = 0; v < 3; v++) assertThat(c.cast(c.voters.get(v), 1, key(), List.of(c.candidateIds.get(0))).status()).isEqualTo(201);
        List<String> mine = c.counting().shares(c.electionId, 1);

        // Another congress's round, its shares valid there.
        CongressInSession other = congressWithCommittee(3);
        assertThat(other.openRound(1, null).status()).isEqualTo(201);
        List<String> theirs = other.counting().shares(other.electionId, 1);
        Answer foreign = CountingDesk.close(c.organiser, c.electionId, 1, List.of(mine.get(0), theirs.get(1)));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.body().path("code").asText()).isEqualTo("share-of-another-key");

        // A share of the right key and number whose content was never issued (a member altering his, or a guess):
        // rebuilt here with a correct check so that only the commitment can refuse it.
        String forged = ShareForgery.withOtherContent(mine.get(1));
        Answer notIssued = CountingDesk.close(c.organiser, c.electionId, 1, List.of(mine.get(0), forged));
        assertThat(notIssued.status()).as(notIssued.raw()).isEqualTo(422);
        assertThat(notIssued.body().path("code").asText()).isEqualTo("share-not-issued");
        assertThat(notIssued.body().path("rule").asText()).isEqualTo("R-23");

        assertThat(c.close(1).status()).isEqualTo(200);
    }

    @Test
    void aRoundWhoseSharesAreLostIsVoidOnTheCongresssDecisionAndHeldAgain() {
        CongressInSession c = congressWithCommittee(3);
        assertThat(c.openRound(1, null).status()).isEqualTo(201);
        for (int v = 0; v < 4; v++) assertThat(c.cast(c.voters.get(v), 1, key(), List.of(c.candidateIds.get(1))).status()).isEqualTo(201);
        // Two of the three members lost their sheets: one share is all there is.
        List<String> left = c.counting().shares(c.electionId, 1).subList(0, 1);
        assertThat(CountingDesk.close(c.organiser, c.electionId, 1, left).body().path("code").asText()).isEqualTo("shares-too-few");

        Answer noDecision = c.organiser.post("/api/elections/" + c.electionId + "/rounds/1/void", "{\"reason\":\"Mất mảnh khoá\"}");
        assertThat(noDecision.status()).isEqualTo(400);
        Answer member = c.counting().member(c.counting().committee().get(0))
                .post("/api/elections/" + c.electionId + "/rounds/1/void", "{\"reason\":\"x\",\"decisionReference\":\"y\"}");
        assertThat(member.status()).as("the organisers void a round, on the congress's decision").isEqualTo(403);
        Answer voided = c.organiser.post("/api/elections/" + c.electionId + "/rounds/1/void",
                "{\"reason\":\"Hai thành viên Ban kiểm phiếu mất mảnh khoá\",\"decisionReference\":\"NQ-05/ĐH: huỷ vòng 1, bầu lại\"}");
        assertThat(voided.status()).as(voided.raw()).isEqualTo(200);
        assertThat(voided.body().path("status").asText()).isEqualTo("VOID");
        assertThat(voided.body().path("box").path("voidDecision").asText()).isEqualTo("NQ-05/ĐH: huỷ vòng 1, bầu lại");
        assertThat(voided.body().path("ballots")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from ballot_box where election_id = ?", Integer.class, c.electionId))
                .as("the void round's ballots are destroyed unopened").isZero();
        assertThat(c.cast(c.voters.get(5), 1, key(), List.of(c.candidateIds.get(0))).status()).isEqualTo(409);

        // Held again: round 2, the same list and seats, a fresh key; everyone votes anew.
        Answer repeat = c.openRound(2, "{\"round\":2,\"decisionReference\":\"NQ-05/ĐH: huỷ vòng 1, bầu lại\"}");
        assertThat(repeat.status()).as(repeat.raw()).isEqualTo(201);
        assertThat(repeat.body().path("candidateIds")).hasSize(3);
        assertThat(repeat.body().path("seats").asInt()).isEqualTo(2);
        assertThat(repeat.body().path("box").path("keyFingerprint").asText())
                .isNotEqualTo(voided.body().path("box").path("keyFingerprint").asText());
        for (int v = 0; v < 10; v++) {
            assertThat(c.cast(c.voters.get(v), 2, key(), List.of(c.candidateIds.get(0), c.candidateIds.get(1))).status()).isEqualTo(201);
        }
        JsonNode counted = c.close(2).body();
        assertThat(counted.path("collected").asInt()).isEqualTo(10);
        assertThat(c.organiser.get("/api/elections/" + c.electionId).body().path("electedCandidateIds")).hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRestartBeforeSealingLosesTheSharesStillInMemoryAndTheEmptyBoxIsKeyedAfresh() throws Exception {
        CongressInSession c = congressWithCommittee(3);
        CountingDesk desk = c.counting();
        List<String> members = desk.committee();
        Answer opened = c.organiser.post("/api/elections/" + c.electionId + "/rounds", "{\"round\":1}");
        String firstKey = opened.body().path("box").path("keyFingerprint").asText();
        Answer early = desk.takeShare(members.get(0), c.electionId, 1);
        assertThat(early.status()).isEqualTo(200);

        // The server restarts: what it held in memory — the shares nobody has taken yet — is gone.
        java.lang.reflect.Field held = vn.daihoi.election.infra.JdbcBallotBox.class.getDeclaredField("unsealedShares");
        held.setAccessible(true);
        ((java.util.Map<String, ?>) held.get(box)).clear();

        Answer next = desk.takeShare(members.get(1), c.electionId, 1);
        assertThat(next.status()).as(next.raw()).isEqualTo(200);
        assertThat(next.body().path("keyFingerprint").asText()).as("a new key for the still empty box").isNotEqualTo(firstKey);
        JsonNode round = c.organiser.get("/api/elections/" + c.electionId + "/rounds/1").body();
        assertThat(round.path("box").path("sealed").asBoolean()).isFalse();
        assertThat(round.path("box").path("sharesTaken")).as("the share of the old key no longer counts").hasSize(1);
        assertThat(c.cast(c.voters.get(0), 1, key(), List.of(c.candidateIds.get(0))).body().path("code").asText()).isEqualTo("box-not-sealed");

        // The first member takes his share of the new key; the third seals the box.
        Answer again = desk.takeShare(members.get(0), c.electionId, 1);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        Answer last = desk.takeShare(members.get(2), c.electionId, 1);
        assertThat(last.body().path("boxSealed").asBoolean()).isTrue();
        for (int v = 0; v < 3; v++) assertThat(c.cast(c.voters.get(v), 1, key(), List.of(c.candidateIds.get(0))).status()).isEqualTo(201);

        Answer stale = CountingDesk.close(c.organiser, c.electionId, 1,
                List.of(early.body().path("shareCode").asText(), next.body().path("shareCode").asText()));
        assertThat(stale.body().path("code").asText()).isEqualTo("share-of-another-key");
        Answer counted = CountingDesk.close(c.organiser, c.electionId, 1,
                List.of(next.body().path("shareCode").asText(), again.body().path("shareCode").asText()));
        assertThat(counted.status()).as(counted.raw()).isEqualTo(200);
        assertThat(counted.body().path("collected").asInt()).isEqualTo(3);
    }
}
