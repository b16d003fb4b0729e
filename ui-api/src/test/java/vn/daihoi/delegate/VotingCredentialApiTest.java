package vn.daihoi.delegate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;
import vn.daihoi.support.Scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** a voting credential belongs to one delegate of one congress, works once, and dies when revoked. */
class VotingCredentialApiTest extends ApiTest {

    private String voterToken(String code) {
        Answer a = http().post("/api/auth/voting-code", "{\"code\":\"" + code + "\"}");
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        return a.body().path("token").asText();
    }

    @Test
    void aCredentialWorksOnlyForItsCongressAndStopsOnceRevoked() {
        Scenario s = new Scenario(admin()).units();
        Http organiser = account("ORGANISER", s.upper);
        assertThat(s.convene(organiser).status()).isEqualTo(201);
        String congressA = s.congress;
        String otherBranch = s.unit("NV2", "Công đoàn cơ sở Sở Tư pháp tỉnh Sóc Trăng", "BRANCH_UNION", s.upper);
        Answer b = organiser.post("/api/congresses", """
                {"unitId":"%s","ordinal":8,"term":{"startYear":2023,"endYear":2028},"kind":"DELEGATE","date":"2023-06-02",
                 "venue":"Sở Tư pháp","announcedSeats":5}""".formatted(otherBranch));
        String congressB = b.body().path("congress").path("congressId").asText();

        organiser.postCsv("/api/congresses/" + congressA + "/delegates/import", Scenario.csv(3, "A")
                + "G1;Khách Mời Một (hư cấu);;Nam;Khách mời;Đại diện LĐLĐ tỉnh\n");
        JsonNode roll = organiser.get("/api/congresses/" + congressA + "/delegates").body().path("delegates");
        String delegate = roll.get(0).path("delegateId").asText();
        String guest = roll.get(3).path("delegateId").asText();
        assertThat(roll.get(3).path("category").asText()).isEqualTo("GUEST");

        String code = organiser.post("/api/congresses/" + congressA + "/delegates/" + delegate + "/check-in", "").body()
                .path("votingCode").asText();
        Http voter = http().as(voterToken(code.toLowerCase().replace("-", " ")));

        assertThat(voter.get("/api/congresses/" + congressA + "/me").body().path("delegateId").asText()).isEqualTo(delegate);
        assertThat(voter.get("/api/congresses/" + congressB + "/me").status()).isEqualTo(403);
        assertThat(voter.get("/api/congresses/" + congressA).status()).as("a voter does not read the organisers' dashboard").isEqualTo(403);
        assertThat(voter.get("/api/congresses/" + congressA + "/delegates").status()).as("nor the roll").isEqualTo(403);

        Answer reused = http().post("/api/auth/voting-code", "{\"code\":\"" + code + "\"}");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body().path("code").asText()).isEqualTo("invalid-voting-code");

        assertThat(organiser.post("/api/congresses/" + congressA + "/delegates/" + delegate + "/credential/revoke",
                "{\"reason\":\"Mất thẻ\"}").status()).isEqualTo(200);
        assertThat(voter.get("/api/congresses/" + congressA + "/me").status()).as("revoked: the token is gone").isEqualTo(401);

        String fresh = organiser.post("/api/congresses/" + congressA + "/delegates/" + delegate + "/credential", "").body()
                .path("votingCode").asText();
        assertThat(fresh).isNotEqualTo(code);
        assertThat(http().as(voterToken(fresh)).get("/api/congresses/" + congressA + "/me").status()).isEqualTo(200);

        Answer guestIn = organiser.post("/api/congresses/" + congressA + "/delegates/" + guest + "/check-in", "");
        assertThat(guestIn.status()).isEqualTo(200);
        assertThat(guestIn.body().path("votingCode").isNull()).as("a guest never receives a credential").isTrue();
        Answer guestCredential = organiser.post("/api/congresses/" + congressA + "/delegates/" + guest + "/credential", "");
        assertThat(guestCredential.status()).isEqualTo(409);
        assertThat(guestCredential.body().path("code").asText()).isEqualTo("not-a-voter");
    }

    @Test
    void slipsPrintAsAVietnamesePdfWhoseCodesSignVotersIn() throws Exception {
        Scenario s = new Scenario(admin()).units();
        Http organiser = account("ORGANISER", s.branch);
        s.convene(organiser);
        organiser.postCsv("/api/congresses/" + s.congress + "/delegates/import", Scenario.csv(2, "P"));
        JsonNode roll = organiser.get("/api/congresses/" + s.congress + "/delegates").body().path("delegates");
        String d1 = roll.get(0).path("delegateId").asText();
        String d2 = roll.get(1).path("delegateId").asText();
        organiser.post("/api/congresses/" + s.congress + "/delegates/" + d1 + "/check-in", "");
        organiser.post("/api/congresses/" + s.congress + "/delegates/" + d2 + "/check-in", "");

        byte[] pdf = organiser.postForBytes("/api/congresses/" + s.congress + "/credential-slips",
                "{\"delegateIds\":[\"" + d1 + "\",\"" + d2 + "\"]}");
        String text = vn.daihoi.support.PdfText.of(pdf);
        assertThat(text).contains("Thẻ biểu quyết điện tử").contains("Đại hội lần thứ X, nhiệm kỳ 2023–2028")
                .contains(roll.get(0).path("fullName").asText());
        Matcher codes = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}").matcher(text);
        assertThat(codes.find()).isTrue();
        Http voter = http().as(voterToken(codes.group()));
        assertThat(voter.get("/api/congresses/" + s.congress + "/me").status()).isEqualTo(200);
    }

    /** slips for a list with one delegate not yet checked in are refused before any code is reissued. */
    @Test
    void slipsForAListWithAnAbsentDelegateReissueNothing() {
        Scenario s = new Scenario(admin()).units();
        Http organiser = account("ORGANISER", s.branch);
        s.convene(organiser);
        organiser.postCsv("/api/congresses/" + s.congress + "/delegates/import", Scenario.csv(2, "Q"));
        JsonNode roll = organiser.get("/api/congresses/" + s.congress + "/delegates").body().path("delegates");
        String present = roll.get(0).path("delegateId").asText();
        String absent = roll.get(1).path("delegateId").asText();
        String code = organiser.post("/api/congresses/" + s.congress + "/delegates/" + present + "/check-in", "").body()
                .path("votingCode").asText();
        long before = eventCount();

        Answer refused = organiser.post("/api/congresses/" + s.congress + "/credential-slips",
                "{\"delegateIds\":[\"" + present + "\",\"" + absent + "\"]}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("code").asText()).isEqualTo("not-checked-in");
        assertThat(refused.body().path("rule").asText()).isEqualTo("R-13");
        assertThat(refused.body().path("field").asText()).isEqualTo("delegateIds");
        assertThat(eventCount()).as("nothing reissued").isEqualTo(before);
        assertThat(http().as(voterToken(code)).get("/api/congresses/" + s.congress + "/me").status())
                .as("the slip already handed out still works").isEqualTo(200);
    }
}
