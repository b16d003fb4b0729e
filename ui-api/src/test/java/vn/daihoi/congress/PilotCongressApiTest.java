package vn.daihoi.congress;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;
import vn.daihoi.support.Scenario;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue acceptance, through the HTTP API with real logins: an organiser of the upper-level union convenes the
 * pilot congress, imports a 63-row roll of which three rows are bad, checks in 45 (quorum met, R-13) and then
 * checks 6 out (quorum lost).
 */
class PilotCongressApiTest extends ApiTest {

    @Test
    void anOrganiserRunsThePilotCongressFromRollImportToQuorum() {
        Scenario s = new Scenario(admin()).units();
        Http organiser = account("ORGANISER", s.upper);

        Answer convened = s.convene(organiser);
        assertThat(convened.status()).as(convened.raw()).isEqualTo(201);
        assertThat(convened.body().path("congress").path("ordinalRoman").asText()).isEqualTo("X");
        assertThat(convened.body().path("congress").path("pilot").asBoolean()).isTrue();
        assertThat(convened.body().path("congress").path("profileId").asText()).isEqualTo("union-2020");

        // 60 good rows, then three bad ones: no name, an unknown category, a repeated code.
        String decomposedName = Normalizer.normalize("Lâm Thị Ngọc Điệp (hư cấu)", Normalizer.Form.NFD);
        String csv = Scenario.csv(59, "DB") + "DB060;" + decomposedName + ";;Nữ;Chính thức;Kế toán\n"
                + "DB061;;01/01/1980;Nam;Chính thức;Chuyên viên\n"
                + "DB062;Trương Văn Lộc (hư cấu);02/02/1981;Nam;Thượng khách;Chuyên viên\n"
                + "DB001;Mai Văn Tư (hư cấu);03/03/1982;Nam;Chính thức;Chuyên viên\n";
        Answer imported = organiser.postCsv("/api/congresses/" + s.congress + "/delegates/import", csv);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        assertThat(imported.body().path("added").asInt()).isEqualTo(60);
        JsonNode rejected = imported.body().path("rejected");
        assertThat(rejected).extracting(r -> r.path("line").asInt()).containsExactly(62, 63, 64);
        assertThat(rejected.get(0).path("reasonVi").asText()).contains("họ và tên");
        assertThat(rejected.get(1).path("reasonVi").asText()).contains("Thượng khách");
        assertThat(rejected.get(2).path("reasonVi").asText()).contains("lặp lại");

        Answer again = organiser.postCsv("/api/congresses/" + s.congress + "/delegates/import", csv);
        assertThat(again.body().path("added").asInt()).as("importing the same file again adds nothing").isZero();
        assertThat(again.body().path("alreadyOnRoll").asInt()).isEqualTo(60);

        JsonNode roll = organiser.get("/api/congresses/" + s.congress + "/delegates").body().path("delegates");
        assertThat(roll).hasSize(60);
        List<String> names = new ArrayList<>();
        roll.forEach(d -> names.add(d.path("fullName").asText()));
        assertThat(names).contains("Lâm Thị Ngọc Điệp (hư cấu)");

        for (int i = 0; i < 45; i++) {
            Answer in = organiser.post("/api/congresses/" + s.congress + "/delegates/" + roll.get(i).path("delegateId").asText()
                    + "/check-in", "");
            assertThat(in.status()).as(in.raw()).isEqualTo(200);
            assertThat(in.body().path("votingCode").asText()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
        }
        JsonNode dashboard = organiser.get("/api/congresses/" + s.congress).body();
        assertThat(dashboard.path("summoned").asInt()).isEqualTo(60);
        assertThat(dashboard.path("present").asInt()).isEqualTo(45);
        assertThat(dashboard.path("quorumMet").asBoolean()).as("3 × 45 ≥ 2 × 60").isTrue();

        for (int i = 0; i < 6; i++) {
            Answer out = organiser.post("/api/congresses/" + s.congress + "/delegates/" + roll.get(i).path("delegateId").asText()
                    + "/check-out", "");
            assertThat(out.status()).as(out.raw()).isEqualTo(200);
        }
        dashboard = organiser.get("/api/congresses/" + s.congress).body();
        assertThat(dashboard.path("present").asInt()).isEqualTo(39);
        assertThat(dashboard.path("quorumMet").asBoolean()).as("3 × 39 < 2 × 60").isFalse();

        // The federation sees the branch's congress in its season view for the term.
        JsonNode season = organiser.get("/api/units/" + s.upper + "/congresses?term=2023").body();
        assertThat(season.path("units")).anySatisfy(u -> {
            assertThat(u.path("unitId").asText()).isEqualTo(s.branch);
            assertThat(u.path("congress").path("status").asText()).isEqualTo("CONVENED");
        });
    }

    @Test
    void showOfHandsDecisionsNeedQuorumAndKeepCountersAndCandidatesApart() {
        Scenario s = new Scenario(admin()).units();
        Http organiser = account("ORGANISER", s.branch);
        assertThat(s.convene(organiser).status()).isEqualTo(201);
        organiser.postCsv("/api/congresses/" + s.congress + "/delegates/import", Scenario.csv(9, "D"));
        JsonNode roll = organiser.get("/api/congresses/" + s.congress + "/delegates").body().path("delegates");
        assertThat(organiser.post("/api/congresses/" + s.congress + "/open", "").status()).isEqualTo(200);

        Answer noQuorum = organiser.post("/api/congresses/" + s.congress + "/decisions",
                "{\"subject\":\"AGENDA\",\"title\":\"Chương trình đại hội\",\"votesFor\":0,\"votesAgainst\":0,\"abstentions\":0}");
        assertThat(noQuorum.status()).isEqualTo(409);
        assertThat(noQuorum.body().path("rule").asText()).isEqualTo("R-13");

        for (int i = 0; i < 6; i++) {
            organiser.post("/api/congresses/" + s.congress + "/delegates/" + roll.get(i).path("delegateId").asText() + "/check-in", "");
        }
        String p1 = roll.get(0).path("personId").asText();
        String p2 = roll.get(1).path("personId").asText();
        Answer counting = organiser.post("/api/congresses/" + s.congress + "/decisions", """
                {"subject":"COUNTING_COMMITTEE","title":"Ban kiểm phiếu","personIds":["%s"],"votesFor":6,"votesAgainst":0,"abstentions":0}"""
                .formatted(p1));
        assertThat(counting.status()).as(counting.raw()).isEqualTo(200);
        assertThat(counting.body().path("decisions").get(0).path("passed").asBoolean()).isTrue();
        assertThat(counting.body().path("decisions").get(0).path("attendance").path("present").asInt()).isEqualTo(6);

        Answer list = organiser.post("/api/congresses/" + s.congress + "/decisions", """
                {"subject":"CANDIDATE_LIST","title":"Danh sách bầu cử","personIds":["%s","%s"],"votesFor":6,"votesAgainst":0,"abstentions":0}"""
                .formatted(p1, p2));
        assertThat(list.status()).isEqualTo(409);
        assertThat(list.body().path("code").asText()).isEqualTo("candidate-on-counting-committee");
        assertThat(list.body().path("rule").asText()).isEqualTo("R-14");

        Answer size = organiser.post("/api/congresses/" + s.congress + "/decisions",
                "{\"subject\":\"COMMITTEE_SIZE\",\"title\":\"Số lượng BCH\",\"seats\":5,\"votesFor\":3,\"votesAgainst\":2,\"abstentions\":1}");
        assertThat(size.body().path("congress").path("approvedSeats").isNull()).as("3 of 6 is not more than half").isTrue();
        Answer tooMany = organiser.post("/api/congresses/" + s.congress + "/decisions",
                "{\"subject\":\"COMMITTEE_SIZE\",\"title\":\"Số lượng BCH\",\"seats\":5,\"votesFor\":7,\"votesAgainst\":0,\"abstentions\":0}");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.body().path("rule").asText()).isEqualTo("R-15");
    }
}
