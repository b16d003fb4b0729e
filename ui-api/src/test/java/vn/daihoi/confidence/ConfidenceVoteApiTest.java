package vn.daihoi.confidence;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.daihoi.election.ElectionProjection;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.ConfidenceVote;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;
import vn.daihoi.support.PdfText;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * end to end: a confidence vote at a congress in session, on the election engine, against PostgreSQL.
 */
class ConfidenceVoteApiTest extends ApiTest {

    @Autowired
    EventProcessingConfiguration processing;

    private static final List<String> OFFICES = List.of("Chủ tịch", "Phó Chủ tịch", "Ủy viên Ban Thường vụ");

    private static String key() {
        return UUID.randomUUID().toString();
    }

    /** A person's valid lines, invalid lines, high, confidence and low counts. */
    private static List<Integer> lines(JsonNode person) {
        return List.of(person.path("valid").asInt(), person.path("invalid").asInt(), person.path("high").asInt(),
                person.path("confidence").asInt(), person.path("low").asInt());
    }

    private static JsonNode person(JsonNode results, int position) {
        return results.path("people").get(position);
    }

    /**
     * Issue acceptance: 15 summoned, 13 present, 12 ballots collected (one voter does not vote). The chair is rated
     * low on 8 (= 2/3: dismissal), the vice-chair on 7 (between 1/2 and 2/3: review), the standing member on 6
     * (exactly 1/2: no flag), whom one voter leaves unrated.
     */
    @Test
    void theResultsGiveEachPersonHisBallotsLevelsPercentagesOfCollectedAndFlags() throws Exception {
        CongressInSession c = new CongressInSession(this, 15, 13);
        c.decide("COUNTING_COMMITTEE", "Ban kiểm phiếu", c.personIds.subList(13, 15), null);
        ConfidenceVote v = new ConfidenceVote(c, c.personIds.subList(0, 3), OFFICES);
        assertThat(v.officials).hasSize(3);
        JsonNode vote = c.organiser.get(v.confidence("")).body();
        assertThat(vote.path("body").asText()).isEqualTo("CONFIDENCE_VOTE");
        assertThat(vote.path("candidates").get(0).path("office").asText()).isEqualTo("Chủ tịch");
        assertThat(vote.path("ballotOrder").get(0).asText()).as("the list keeps the organisers' order").isEqualTo(v.officials.get(0));

        assertThat(v.openRound(1).status()).isEqualTo(201);
        for (int i = 0; i < 12; i++) {
            String[] levels = i < 6 ? new String[]{"LOW", "LOW", "LOW"}
                    : i == 6 ? new String[]{"LOW", "LOW", "HIGH"}
                    : i == 7 ? new String[]{"LOW", "HIGH", null}
                    : new String[]{"HIGH", "CONFIDENCE", "CONFIDENCE"};
            Answer cast = v.rate(c.voters.get(i), 1, key(), levels);
            assertThat(cast.status()).as(cast.raw()).isEqualTo(201);
            assertThat(cast.body().path("trackingCode").asText()).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        }

        // No interim results while the round is open: the turnout only.
        JsonNode open = v.results(c.voters.get(0), 1);
        assertThat(open.path("status").asText()).isEqualTo("OPEN");
        assertThat(open.path("turnout").asInt()).isEqualTo(12);
        assertThat(open.path("people")).isEmpty();
        Answer earlyMinutes = c.organiser.get(v.confidence("/rounds/1/minutes"));
        assertThat(earlyMinutes.status()).isEqualTo(409);
        assertThat(earlyMinutes.body().path("rule").asText()).isEqualTo("R-63");

        Answer closed = v.close(1);
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        assertThat(closed.body().path("issued").asInt()).isEqualTo(13);
        assertThat(closed.body().path("collected").asInt()).isEqualTo(12);
        assertThat(closed.body().path("ballots")).hasSize(12);

        Http auditor = account("AUDITOR", c.scenario.province);
        JsonNode r = v.results(auditor, 1);
        assertThat(r.path("status").asText()).isEqualTo("COUNTED");
        assertThat(r.path("issued").asInt()).isEqualTo(13);
        assertThat(r.path("collected").asInt()).isEqualTo(12);
        JsonNode chair = person(r, 0);
        JsonNode vice = person(r, 1);
        JsonNode member = person(r, 2);
        assertThat(chair.path("office").asText()).isEqualTo("Chủ tịch");
        assertThat(chair.path("fullName").asText()).isNotBlank();
        for (JsonNode p : r.path("people")) {
            assertThat(p.path("issued").asInt()).isEqualTo(13);
            assertThat(p.path("collected").asInt()).isEqualTo(12);
        }
        assertThat(lines(chair)).containsExactly(12, 0, 4, 0, 8);
        assertThat(List.of(chair.path("percentHigh").asText(), chair.path("percentConfidence").asText(), chair.path("percentLow").asText()))
                .containsExactly("33.33", "0.00", "66.67");
        assertThat(chair.path("flaggedForDismissal").asBoolean()).isTrue();
        assertThat(chair.path("flaggedForReview").asBoolean()).isTrue();

        assertThat(lines(vice)).containsExactly(12, 0, 1, 4, 7);
        assertThat(List.of(vice.path("percentHigh").asText(), vice.path("percentConfidence").asText(), vice.path("percentLow").asText()))
                .containsExactly("8.33", "33.33", "58.33");
        assertThat(vice.path("flaggedForReview").asBoolean()).isTrue();
        assertThat(vice.path("flaggedForDismissal").asBoolean()).isFalse();

        assertThat(lines(member)).containsExactly(11, 1, 1, 4, 6);
        assertThat(member.path("percentLow").asText()).isEqualTo("50.00");
        assertThat(member.path("flaggedForReview").asBoolean()).as("exactly half is not flagged").isFalse();
        assertThat(member.path("flaggedForDismissal").asBoolean()).isFalse();

        // The minutes, as JSON and as a Vietnamese PDF, carry the same numbers and percentages.
        JsonNode minutes = c.voters.get(3).get(v.confidence("/rounds/1/minutes")).body();
        assertThat(minutes.path("ballotsIssued").asInt()).isEqualTo(13);
        assertThat(minutes.path("ballotsCollected").asInt()).isEqualTo(12);
        assertThat(minutes.path("countingCommittee")).hasSize(2);
        assertThat(minutes.path("reviewRule").asText()).isEqualTo("> 1/2");
        assertThat(minutes.path("dismissalRule").asText()).isEqualTo("≥ 2/3");
        assertThat(minutes.path("people").get(1).path("percentLow").asText()).isEqualTo(vice.path("percentLow").asText());
        assertThat(minutes.path("flaggedForDismissal")).extracting(JsonNode::asText).containsExactly(chair.path("fullName").asText());
        // dismissal includes review — the chair, flagged for dismissal, is on the review list too.
        assertThat(minutes.path("flaggedForReview")).extracting(JsonNode::asText)
                .containsExactly(chair.path("fullName").asText(), vice.path("fullName").asText());
        String text = PdfText.of(c.organiser.getBytes(v.confidence("/rounds/1/minutes.pdf")));
        assertThat(text).contains("BIÊN BẢN KIỂM PHIẾU LẤY PHIẾU TÍN NHIỆM").contains("Lấy phiếu tín nhiệm giữa nhiệm kỳ")
                .contains("Số phiếu phát ra: 13").contains("Số phiếu thu về: 12 (điện tử 12, giấy 0)")
                .contains("Chủ tịch").contains("Ủy viên Ban Thường vụ").contains("8 (66,67 %)").contains("7 (58,33 %)")
                .contains("6 (50,00 %)").contains("Xem xét miễn nhiệm").contains("Tín nhiệm thấp")
                .contains(chair.path("fullName").asText()).contains("Đại hội lần thứ X");

        // Election minutes do not pretend to describe a confidence vote.
        Answer wrong = c.organiser.get(v.round(1) + "/minutes");
        assertThat(wrong.status()).isEqualTo(409);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
    }

    /** electronic and paper ballots in one round, double entry with a mismatch and its correction. */
    @Test
    void aMixedRoundOfElectronicAndPaperRatingBallotsIsEnteredTwiceBalancedAndCounted() throws Exception {
        CongressInSession c = new CongressInSession(this, 7, 6);
        ConfidenceVote v = new ConfidenceVote(c, c.personIds.subList(5, 7), OFFICES.subList(0, 2));
        // two people named on the congress's counting committee, each with his own account.
        Http memberA = c.counting().member(c.counting().committee().get(0));
        Http memberB = c.counting().member(c.counting().committee().get(1));
        assertThat(v.openRound(1).status()).isEqualTo(201);
        assertThat(c.organiser.getBytes(v.round(1) + "/ballot-papers.pdf?copies=2")).satisfies(pdf ->
                assertThat(PdfText.of(pdf)).contains("PHIẾU LẤY PHIẾU TÍN NHIỆM").contains("Tín nhiệm cao").contains("Phó Chủ tịch"));

        assertThat(v.rate(c.voters.get(0), 1, key(), "LOW", "HIGH").status()).isEqualTo(201);
        assertThat(v.rate(c.voters.get(1), 1, key(), "LOW", "LOW").status()).isEqualTo(201);
        assertThat(v.rate(c.voters.get(2), 1, key(), "CONFIDENCE", null).status()).isEqualTo(201);
        for (int i = 3; i < 6; i++) {
            assertThat(c.organiser.post(v.round(1) + "/paper-ballots", "{\"delegateId\":\"" + c.delegateIds.get(i) + "\"}").status()).isEqualTo(200);
        }
        assertThat(c.organiser.post(v.round(1) + "/paper-ballots/spoiled", "{\"delegateId\":\"" + c.delegateIds.get(3) + "\"}").status()).isEqualTo(200);
        Answer both = v.rate(c.voters.get(4), 1, key(), "HIGH", "HIGH");
        assertThat(both.status()).isEqualTo(409);
        assertThat(both.body().path("code").asText()).isEqualTo("paper-issued");

        String a = v.officials.get(0);
        String b = v.officials.get(1);
        String sheet1 = "[{\"candidateId\":\"%s\",\"level\":\"HIGH\"},{\"candidateId\":\"%s\",\"level\":\"LOW\"}]".formatted(a, b);
        String sheet1Wrong = "[{\"candidateId\":\"%s\",\"level\":\"CONFIDENCE\"},{\"candidateId\":\"%s\",\"level\":\"LOW\"}]".formatted(a, b);
        String sheet2 = "[{\"candidateId\":\"%s\",\"level\":\"LOW\"},{\"candidateId\":\"%s\",\"invalid\":\"SEVERAL_LEVELS\"}]".formatted(a, b);
        enter(v, memberA, 1, "\"ratings\":" + sheet1);
        enter(v, memberB, 1, "\"ratings\":" + sheet1Wrong);
        enter(v, memberA, 2, "\"ratings\":" + sheet2);
        enter(v, memberB, 2, "\"ratings\":" + sheet2);
        enter(v, memberA, 3, "\"invalid\":\"NOT_ISSUED\"");
        enter(v, memberB, 3, "\"invalid\":\"NOT_ISSUED\"");

        Answer again = memberB.post(v.confidence("/rounds/1/paper-entries"), "{\"sheet\":1,\"ratings\":" + sheet1 + "}");
        assertThat(again.status()).as("a correction needs its reason").isEqualTo(409);
        assertThat(again.body().path("code").asText()).isEqualTo("entry-exists");
        Answer mismatch = v.close(1);
        assertThat(mismatch.status()).isEqualTo(409);
        assertThat(mismatch.body().path("code").asText()).isEqualTo("paper-entries-unsettled");
        assertThat(mismatch.body().path("title").asText()).contains("[1]");
        enter(v, memberB, 1, "\"ratings\":" + sheet1 + ",\"correctionReason\":\"Nhập nhầm mức của dòng 1\"");
        Answer unbalanced = v.close(1);
        assertThat(unbalanced.status()).isEqualTo(409);
        assertThat(unbalanced.body().path("code").asText()).isEqualTo("paper-accounting-unbalanced");
        assertThat(memberA.post(v.round(1) + "/paper-accounting", "{\"notReturned\":0}").status()).isEqualTo(200);

        Answer closed = v.close(1);
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        assertThat(closed.body().path("electronic").asInt()).isEqualTo(3);
        assertThat(closed.body().path("paper").asInt()).isEqualTo(3);

        JsonNode r = v.results(c.organiser, 1);
        assertThat(r.path("issued").asInt()).as("6 on the roll and 1 spoiled ballot exchanged").isEqualTo(7);
        assertThat(r.path("collected").asInt()).isEqualTo(6);
        assertThat(r.path("whollyInvalid").asInt()).isEqualTo(1);
        JsonNode first = person(r, 0);
        assertThat(lines(first)).containsExactly(5, 1, 1, 1, 3);
        assertThat(first.path("percentLow").asText()).isEqualTo("50.00");
        assertThat(first.path("flaggedForReview").asBoolean()).isFalse();
        JsonNode second = person(r, 1);
        assertThat(lines(second)).containsExactly(3, 3, 1, 0, 2);
        assertThat(second.path("percentHigh").asText()).isEqualTo("16.67");
        assertThat(second.path("percentLow").asText()).isEqualTo("33.33");

        JsonNode minutes = c.organiser.get(v.confidence("/rounds/1/minutes")).body();
        assertThat(minutes.path("paper").asInt()).isEqualTo(3);
        assertThat(minutes.path("ballotsSpoiled").asInt()).isEqualTo(1);
        assertThat(PdfText.of(c.organiser.getBytes(v.confidence("/rounds/1/minutes.pdf"))))
                .contains("Số phiếu thu về: 6 (điện tử 3, giấy 3)").contains("Số phiếu không hợp lệ cả phiếu: 1").contains("3 (50,00 %)");
    }

    private static void enter(ConfidenceVote v, Http member, int sheet, String content) {
        Answer a = member.post(v.confidence("/rounds/1/paper-entries"), "{\"sheet\":" + sheet + "," + content + "}");
        assertThat(a.status()).as(a.raw()).isEqualTo(204);
    }

    /** what must not count is refused with problem details before anything is recorded. */
    @Test
    void badConfidenceBallotsAndListsAreRefusedWithProblemDetailsAndRecordNothing() {
        CongressInSession c = new CongressInSession(this, 6, 5);
        String congress = c.path("/confidence-votes");
        long before = eventCount();
        for (String body : List.of(
                "{\"officials\":[]}",
                "{\"officials\":[{\"personId\":\"" + c.personIds.get(0) + "\"}]}",
                "{\"officials\":[{\"personId\":\"no-such-person\",\"office\":\"Chủ tịch\"}]}",
                "{\"officials\":[{\"personId\":\"" + c.personIds.get(0) + "\",\"office\":\"Chủ tịch\"},{\"personId\":\"" + c.personIds.get(0) + "\",\"office\":\"Ủy viên\"}]}",
                "{\"officials\":[null]}",
                "{\"title\":\"" + "Lấy phiếu ".repeat(30) + "\",\"officials\":[{\"personId\":\"" + c.personIds.get(0) + "\",\"office\":\"Chủ tịch\"}]}",
                "{\"officials\":[{\"personId\":\"" + c.personIds.get(0) + "\",\"office\":\"" + "Ủy viên ".repeat(40) + "\"}]}",
                "{\"officials\":\"Chủ tịch\"}",
                "{}",
                "not json")) {
            Answer a = c.organiser.post(congress, body);
            assertThat(a.status()).as(body + " → " + a.raw()).isBetween(400, 422);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.body().path("title").asText()).isNotBlank();
            assertThat(a.body().path("titleEn").asText()).isNotBlank();
        }
        Answer noOffice = c.organiser.post(congress, "{\"officials\":[{\"personId\":\"" + c.personIds.get(0) + "\",\"office\":\" \"}]}");
        assertThat(noOffice.body().path("rule").asText()).isEqualTo("R-60");
        assertThat(noOffice.body().path("title").asText()).contains("chức vụ");
        Answer viaElections = c.organiser.post(c.path("/elections"), "{\"body\":\"CONFIDENCE_VOTE\"}");
        assertThat(viaElections.status()).isEqualTo(422);
        assertThat(eventCount()).isEqualTo(before);

        ConfidenceVote v = new ConfidenceVote(c, c.personIds.subList(4, 6), OFFICES.subList(0, 2));
        Answer nomination = c.organiser.post("/api/elections/" + v.electionId + "/candidates",
                "{\"personId\":\"" + c.personIds.get(0) + "\",\"source\":\"OUTGOING_COMMITTEE\"}");
        assertThat(nomination.status()).isEqualTo(409);
        assertThat(nomination.body().path("code").asText()).isEqualTo("confidence-vote-takes-no-nominations");
        assertThat(v.openRound(1).status()).isEqualTo(201);
        Http voter = c.voters.get(0);
        String ballots = v.confidence("/rounds/1/ballots");
        String a = v.officials.get(0);
        record Bad(String body, int status, String code) {}
        for (Bad bad : List.of(
                new Bad("{\"ratings\":[{\"candidateId\":\"someone-else\",\"level\":\"LOW\"}]}", 422, "invalid-confidence-ballot-name-not-listed"),
                new Bad("{\"ratings\":[{\"candidateId\":\"" + a + "\",\"level\":\"VERY_LOW\"}]}", 422, "invalid-confidence-ballot-unknown-level"),
                new Bad("{\"ratings\":[{\"candidateId\":\"" + a + "\",\"level\":\"LOW\"},{\"candidateId\":\"" + a + "\",\"level\":\"HIGH\"}]}", 422, "invalid-confidence-ballot-name-twice"),
                new Bad("{\"ratings\":[{\"candidateId\":\"" + a + "\",\"invalid\":\"NAME_STRUCK\"}]}", 422, "invalid-confidence-ballot-line-reason"),
                new Bad("{\"ratings\":[null]}", 422, "invalid-confidence-ballot-name-not-listed"),
                new Bad("{\"ratings\":{\"a\":1}}", 400, "malformed-request"),
                new Bad("{}", 400, "missing-field"))) {
            Answer r = voter.postWithHeader(ballots, bad.body(), "Idempotency-Key", key());
            assertThat(r.status()).as(bad.body() + " → " + r.raw()).isEqualTo(bad.status());
            assertThat(r.body().path("code").asText()).isEqualTo(bad.code());
            assertThat(r.body().path("type").asText()).isEqualTo("urn:daihoi:problem:" + bad.code());
            if (bad.status() == 422) assertThat(r.body().path("rule").asText()).startsWith("R-6");
        }
        // An election ballot in a confidence round is refused too.
        Answer keptNames = voter.postWithHeader(v.round(1) + "/ballots", "{\"keptCandidateIds\":[\"" + a + "\"]}", "Idempotency-Key", key());
        assertThat(keptNames.status()).isEqualTo(422);
        assertThat(keptNames.body().path("rule").asText()).isEqualTo("R-60");
        assertThat(v.results(c.organiser, 1).path("turnout").asInt()).as("nothing was cast").isZero();

        // The voter corrects his ballot and casts it; a paper line reason it does not know is refused the same way.
        assertThat(v.rate(voter, 1, key(), "HIGH", null).status()).isEqualTo(201);
        Http member = account("COUNTING", c.scenario.congress);
        Answer unknownReason = member.post(v.confidence("/rounds/1/paper-entries"),
                "{\"sheet\":1,\"ratings\":[{\"candidateId\":\"" + a + "\",\"invalid\":\"SMUDGED\"}]}");
        assertThat(unknownReason.status()).isEqualTo(422);
        assertThat(unknownReason.body().path("code").asText()).isEqualTo("invalid-confidence-line-reason");
        Answer otherVote = member.post("/api/confidence-votes/no-such-vote/rounds/1/paper-entries", "{\"sheet\":1,\"invalid\":\"NOT_ISSUED\"}");
        assertThat(otherVote.status()).isEqualTo(404);
    }

    /** the confidence round's quorum is its own setting, 2/3 of those summoned by default. */
    @Test
    void aConfidenceRoundDoesNotOpenWithoutTwoThirdsOfThoseSummoned() {
        CongressInSession c = new CongressInSession(this, 9, 6);
        ConfidenceVote v = new ConfidenceVote(c, c.personIds.subList(0, 1), OFFICES.subList(0, 1));
        c.organiser.post(c.path("/delegates/" + c.delegateIds.get(5) + "/check-out"), "");
        Answer refused = v.openRound(1);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.body().path("code").asText()).isEqualTo("quorum-not-met");
        assertThat(refused.body().path("rule").asText()).isEqualTo("R-61");
    }

    /** the results are copied from the count, so a replay of the read side gives them back to the hundredth. */
    @Test
    void replayingTheReadSideGivesTheSameResults() throws Exception {
        CongressInSession c = new CongressInSession(this, 7, 7);
        ConfidenceVote v = new ConfidenceVote(c, c.personIds.subList(0, 2), OFFICES.subList(0, 2));
        assertThat(v.openRound(1).status()).isEqualTo(201);
        for (int i = 0; i < 7; i++) v.rate(c.voters.get(i), 1, key(), i < 5 ? "LOW" : "HIGH", i % 3 == 0 ? null : "CONFIDENCE");
        assertThat(v.close(1).status()).isEqualTo(200);
        JsonNode before = v.results(c.organiser, 1);
        assertThat(person(before, 0).path("percentLow").asText()).isEqualTo("71.43");
        assertThat(person(before, 0).path("flaggedForDismissal").asBoolean()).isTrue();

        StreamingEventProcessor p = processing.eventProcessor(ElectionProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        p.shutDown();
        p.resetTokens();
        p.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode after = null;
        while (System.nanoTime() < deadline) {
            Answer a = c.organiser.get(v.confidence("/rounds/1/results"));
            if (a.status() == 200 && "COUNTED".equals(a.body().path("status").asText())) {
                after = a.body();
                break;
            }
            Thread.sleep(100);
        }
        assertThat(after).as("replay finished").isEqualTo(before);
    }
}
