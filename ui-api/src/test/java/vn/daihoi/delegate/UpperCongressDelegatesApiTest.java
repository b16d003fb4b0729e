package vn.daihoi.delegate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Ballots;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * end to end over HTTP on PostgreSQL: a branch congress elects its delegates and alternates to the upper
 * unit's congress by secret ballot, and the upper level brings them onto its congress's roll, alternates marked.
 */
class UpperCongressDelegatesApiTest extends ApiTest {

    private static Answer convene(Http organiser, String unitId, int ordinal, int termStart, String date) {
        return organiser.post("/api/congresses", """
                {"unitId":"%s","ordinal":%d,"term":{"startYear":%d,"endYear":%d},"kind":"DELEGATE","date":"%s",
                 "venue":"Hội trường Liên đoàn Lao động","announcedSeats":9}""".formatted(unitId, ordinal, termStart, termStart + 5, date));
    }

    private static String idOf(Answer convened) {
        assertThat(convened.status()).as(convened.raw()).isEqualTo(201);
        return convened.body().path("congress").path("congressId").asText();
    }

    private static Answer send(Http caller, String congressId, String electionId) {
        return caller.post("/api/congresses/" + congressId + "/delegates/from-election", "{\"electionId\":\"" + electionId + "\"}");
    }

    private static void assertProblem(Answer a, int status, String code, String rule) {
        assertThat(a.status()).as(a.raw()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().path("type").asText()).isEqualTo("urn:daihoi:problem:" + code);
        if (rule != null) assertThat(a.body().path("rule").asText()).isEqualTo(rule);
    }

    @Test
    void delegatesElectedToTheUpperCongressAppearInThatCongresssRollAlternatesMarked() {
        CongressInSession branch = new CongressInSession(this, 10, 10);
        Http upperOrganiser = account("ORGANISER", branch.scenario.upper);
        String upperCongress = idOf(convene(upperOrganiser, branch.scenario.upper, 5, 2023, "2023-08-01"));

        // delegates and alternates are elected by secret ballot, each on its own list.
        List<String> p = branch.personIds;
        Ballots ballots = new Ballots(branch.organiser, branch.scenario.congress);
        Ballots.Result delegates = ballots.elect("UPPER_CONGRESS_DELEGATES", 2, List.of(p.get(7), p.get(8), p.get(9)),
                List.of(p.get(7), p.get(8)), branch.voters);
        assertThat(delegates.electedPersonIds()).containsExactlyInAnyOrder(p.get(7), p.get(8));
        Ballots.Result alternates = ballots.elect("UPPER_CONGRESS_ALTERNATES", 1, List.of(p.get(5), p.get(6)),
                List.of(p.get(6)), branch.voters);
        assertThat(alternates.electedPersonIds()).containsExactly(p.get(6));

        Answer sent = send(upperOrganiser, upperCongress, delegates.electionId());
        assertThat(sent.status()).as(sent.raw()).isEqualTo(200);
        assertThat(sent.body().path("added").asInt()).isEqualTo(2);
        Answer sentAlternates = send(upperOrganiser, upperCongress, alternates.electionId());
        assertThat(sentAlternates.body().path("added").asInt()).isEqualTo(1);
        Answer again = send(upperOrganiser, upperCongress, delegates.electionId());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("added").asInt()).as("sending twice adds nobody twice").isZero();
        assertThat(again.body().path("alreadyOnRoll").asInt()).isEqualTo(2);

        JsonNode roll = upperOrganiser.get("/api/congresses/" + upperCongress + "/delegates").body().path("delegates");
        assertThat(roll).hasSize(3);
        Map<String, JsonNode> byPerson = new HashMap<>();
        roll.forEach(d -> byPerson.put(d.path("personId").asText(), d));
        for (String official : List.of(p.get(7), p.get(8))) {
            JsonNode d = byPerson.get(official);
            assertThat(d.path("category").asText()).isEqualTo("DELEGATE");
            assertThat(d.path("categoryVi").asText()).isEqualTo("Đại biểu chính thức");
            assertThat(d.path("basis").asText()).isEqualTo("ELECTED");
            assertThat(d.path("votes").asBoolean()).isTrue();
            assertThat(d.path("fromElectionId").asText()).isEqualTo(delegates.electionId());
            assertThat(d.path("fullName").asText()).isNotBlank();
        }
        JsonNode alternate = byPerson.get(p.get(6));
        assertThat(alternate.path("category").asText()).isEqualTo("ALTERNATE");
        assertThat(alternate.path("categoryVi").asText()).isEqualTo("Đại biểu dự khuyết");
        assertThat(alternate.path("basis").asText()).isEqualTo("ELECTED");
        assertThat(alternate.path("votes").asBoolean()).as("an alternate votes only once he replaces a delegate").isFalse();
        assertThat(alternate.path("fromElectionId").asText()).isEqualTo(alternates.electionId());
        JsonNode dashboard = upperOrganiser.get("/api/congresses/" + upperCongress).body();
        assertThat(dashboard.path("summoned").asInt()).isEqualTo(2);
        assertThat(dashboard.path("alternates").asInt()).isEqualTo(1);
        // An auditor of the province reads that roll.
        assertThat(account("AUDITOR", branch.scenario.province).get("/api/congresses/" + upperCongress + "/delegates").status()).isEqualTo(200);
    }

    @Test
    void delegatesGoOnlyToTheParentUnitsCongressOfTheSameTermAndOnlyByItsOrganisers() {
        CongressInSession branch = new CongressInSession(this, 6, 6);
        Http upperOrganiser = account("ORGANISER", branch.scenario.upper);
        Http provinceOrganiser = account("ORGANISER", branch.scenario.province);
        String upperCongress = idOf(convene(upperOrganiser, branch.scenario.upper, 5, 2023, "2023-08-01"));
        String provinceCongress = idOf(convene(provinceOrganiser, branch.scenario.province, 11, 2023, "2023-09-15"));
        String nextTerm = idOf(convene(upperOrganiser, branch.scenario.upper, 6, 2028, "2028-08-01"));
        List<String> p = branch.personIds;
        Ballots ballots = new Ballots(branch.organiser, branch.scenario.congress);
        Answer openDelegates = ballots.open("UPPER_CONGRESS_DELEGATES", 1);
        String uncounted = openDelegates.body().path("electionId").asText();
        String committee = ballots.open("EXECUTIVE_COMMITTEE", 3).body().path("electionId").asText();
        Ballots.Result delegates = ballots.elect("UPPER_CONGRESS_DELEGATES", 1, List.of(p.get(4), p.get(5)), List.of(p.get(5)), branch.voters);

        long before = eventCount();
        assertThat(send(branch.organiser, upperCongress, delegates.electionId()).status())
                .as("the branch's organiser does not write the upper congress's roll").isEqualTo(403);
        assertThat(send(account("AUDITOR", branch.scenario.province), upperCongress, delegates.electionId()).status()).isEqualTo(403);
        assertProblem(send(upperOrganiser, upperCongress, "no-such-election"), 404, "unknown-election", null);
        assertProblem(send(upperOrganiser, upperCongress, committee), 422, "not-an-upper-delegates-election", "R-23");
        assertProblem(send(upperOrganiser, upperCongress, uncounted), 409, "nobody-elected", "R-26");
        assertProblem(send(provinceOrganiser, provinceCongress, delegates.electionId()), 409, "upper-congress-not-of-parent-unit", "R-01");
        assertProblem(send(upperOrganiser, nextTerm, delegates.electionId()), 409, "upper-congress-of-another-term", "R-02");
        assertProblem(send(upperOrganiser, branch.scenario.congress, delegates.electionId()), 409, "upper-congress-not-of-parent-unit", "R-01");
        assertProblem(upperOrganiser.post("/api/congresses/" + upperCongress + "/delegates/from-election", "{}"), 400, "missing-field", null);
        assertProblem(upperOrganiser.post("/api/congresses/" + upperCongress + "/delegates/from-election", "{\"electionId\":"), 400, "malformed-request", null);
        assertThat(eventCount()).as("refusals record nothing").isEqualTo(before);
        assertThat(upperOrganiser.get("/api/congresses/" + upperCongress + "/delegates").body().path("delegates")).isEmpty();

        // After every refusal, the rightful request still works.
        assertThat(send(upperOrganiser, upperCongress, delegates.electionId()).body().path("added").asInt()).isEqualTo(1);
    }
}
