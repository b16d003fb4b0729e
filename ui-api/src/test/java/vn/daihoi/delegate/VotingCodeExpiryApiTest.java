package vn.daihoi.delegate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;
import vn.daihoi.support.Scenario;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** R-13, ADR 0015: a voting code and a voter's token live only as long as their congress is open. */
class VotingCodeExpiryApiTest extends ApiTest {

    private record Congress(Scenario scenario, Http organiser, List<String> codes) {
        String path(String tail) {
            return "/api/congresses/" + scenario.congress + tail;
        }
    }

    /** A convened congress of three delegates, each checked in and holding a code not yet exchanged. */
    private Congress convened() {
        Scenario s = new Scenario(admin()).units();
        Http organiser = account("ORGANISER", s.branch);
        assertThat(s.convene(organiser).status()).isEqualTo(201);
        organiser.postCsv("/api/congresses/" + s.congress + "/delegates/import", Scenario.csv(3, "X"));
        List<String> codes = new ArrayList<>();
        for (JsonNode d : organiser.get("/api/congresses/" + s.congress + "/delegates").body().path("delegates")) {
            codes.add(organiser.post("/api/congresses/" + s.congress + "/delegates/" + d.path("delegateId").asText() + "/check-in", "")
                    .body().path("votingCode").asText());
        }
        return new Congress(s, organiser, codes);
    }

    private Answer exchange(String code) {
        return anonymous().post("/api/auth/voting-code", "{\"code\":\"" + code + "\"}");
    }

    private void assertExpired(Answer a) {
        assertThat(a.status()).as(a.raw()).isEqualTo(409);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().path("code").asText()).isEqualTo("voting-code-expired");
        assertThat(a.body().path("rule").asText()).isEqualTo("R-13");
        assertThat(a.body().path("title").asText()).isEqualTo("Mã biểu quyết đã hết hạn: đại hội đã bế mạc hoặc đã bị huỷ.");
    }

    @Test
    void aCodeExpiresAndAVotersTokenStopsWorkingWhenTheCongressCloses() {
        Congress c = convened();
        Answer exchanged = exchange(c.codes().get(0));
        assertThat(exchanged.status()).as(exchanged.raw()).isEqualTo(200);
        Http voter = anonymous().as(exchanged.body().path("token").asText());
        assertThat(c.organiser().post(c.path("/open"), "").status()).isEqualTo(200);
        assertThat(voter.get(c.path("/me")).status()).isEqualTo(200);

        Answer closed = c.organiser().post(c.path("/close"), "");
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);

        assertThat(voter.get(c.path("/me")).status()).as("the voter's token after the close").isEqualTo(401);
        assertExpired(exchange(c.codes().get(1)));
        assertThat(jdbc.queryForObject("select count(*) from voting_credential where congress_id = ? and state = 'ISSUED'",
                Integer.class, c.scenario().congress)).as("an expired code is not spent").isEqualTo(2);
        Answer wrong = exchange("AAAA-AAAA");
        assertThat(wrong.body().path("code").asText()).as("a wrong code is still only wrong").isEqualTo("invalid-voting-code");
    }

    @Test
    void aCodeExpiresAndAVotersTokenStopsWorkingWhenTheCongressIsCancelled() {
        Congress c = convened();
        Answer exchanged = exchange(c.codes().get(0));
        assertThat(exchanged.status()).as(exchanged.raw()).isEqualTo(200);
        Http voter = anonymous().as(exchanged.body().path("token").asText());
        assertThat(voter.get(c.path("/me")).status()).isEqualTo(200);

        Answer cancelled = c.organiser().post(c.path("/cancel"), "{\"reason\":\"Hoãn vì bão\"}");
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);

        assertThat(voter.get(c.path("/me")).status()).as("the voter's token after the cancellation").isEqualTo(401);
        assertExpired(exchange(c.codes().get(2)));
    }
}
