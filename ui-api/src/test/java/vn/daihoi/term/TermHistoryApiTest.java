package vn.daihoi.term;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;
import vn.daihoi.support.PdfText;
import vn.daihoi.support.Scenario;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 1 and 4 end to end over HTTP on PostgreSQL: an imported 2017–2023 term, a 2023–2028 congress that
 * elects the committee and its chair, recognition by the upper level, changes during the term
 * the congress season, who may read it, and a replay of every projection to identical answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TermHistoryApiTest extends ApiTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ApplicationContext context;

    private CongressInSession c;
    private Http upper;
    private String chair;
    private String committeeElection;
    private String chairElection;
    private String imported;
    private String current;
    private String late;
    private final Map<String, JsonNode> answers = new LinkedHashMap<>();

    private static String decision(String number, String on) {
        return "{\"number\":\"%s\",\"signedOn\":\"%s\",\"issuedBy\":\"Công đoàn Viên chức tỉnh Sóc Trăng\"}".formatted(number, on);
    }

    /** Opens, votes and counts a one-round election at the congress in which every voter keeps {@code kept}. */
    private String elect(String body, int seats, List<String> candidates, List<String> keptPersons, String title) {
        // the congress decides by show of hands how many members of the committee it elects.
        if (body.equals("EXECUTIVE_COMMITTEE")) c.decide("COMMITTEE_SIZE", "Số lượng ủy viên Ban Chấp hành cần bầu", List.of(), seats);
        Answer e = c.organiser.post(c.path("/elections"), "{\"body\":\"%s\",\"seats\":%d,\"title\":\"%s\"}".formatted(body, seats, title));
        assertThat(e.status()).as(e.raw()).isEqualTo(201);
        String id = e.body().path("electionId").asText();
        for (String p : candidates) {
            Answer n = c.organiser.post("/api/elections/" + id + "/candidates", "{\"personId\":\"" + p + "\",\"source\":\"OUTGOING_COMMITTEE\"}");
            assertThat(n.status()).as(n.raw()).isEqualTo(200);
        }
        String list = c.decide("CANDIDATE_LIST", title, candidates, null);
        Answer a = c.organiser.post("/api/elections/" + id + "/approve-list", "{\"listDecisionId\":\"" + list + "\"}");
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        List<String> kept = new ArrayList<>();
        for (JsonNode cand : a.body().path("candidates")) {
            if (keptPersons.contains(cand.path("personId").asText())) kept.add("\"" + cand.path("candidateId").asText() + "\"");
        }
        assertThat(c.openRound(id, 1, null).status()).isEqualTo(201);
        for (Http voter : c.voters) {
            Answer cast = voter.postWithHeader("/api/elections/" + id + "/rounds/1/ballots", "{\"keptCandidateIds\":[" + String.join(",", kept) + "]}",
                    "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(cast.status()).as(cast.raw()).isEqualTo(201);
        }
        Answer closed = c.close(id, 1);
        assertThat(closed.body().path("status").asText()).as(closed.raw()).isEqualTo("COUNTED");
        return id;
    }

    @BeforeAll
    void history() {
        c = new CongressInSession(this, 12, 10);
        upper = account("ORGANISER", c.scenario.upper);
        List<String> p = c.personIds;
        chair = p.get(11);

        // The 2017–2023 term from its decisions: six years, so the shift decision is recorded.
        Answer past = upper.post("/api/units/" + c.scenario.branch + "/terms/import", """
                {"term":{"startYear":2017,"endYear":2023},"congressOrdinal":9,"congressDate":"2017-12-20","seats":5,
                 "termShift":{"decision":%s,"months":12},"recognisedOn":"2018-01-10","decision":%s,
                 "holdings":[{"personId":"%s","office":"COMMITTEE_MEMBER"},{"personId":"%s","office":"CHAIR"},
                             {"personId":"%s","office":"COMMITTEE_MEMBER"},{"personId":"%s","office":"COMMITTEE_MEMBER"},
                             {"personId":"%s","office":"COMMITTEE_MEMBER"},
                             {"personId":"%s","office":"VICE_CHAIR","to":"2020-05-01","ended":"TRANSFER","endDecision":%s}]}"""
                .formatted(decision("88/QĐ-LĐLĐ", "2017-11-01"), decision("12/QĐ-CĐVC", "2018-01-10"), chair, chair, p.get(6), p.get(7),
                        p.get(8), p.get(10), decision("40/QĐ-CĐVC", "2020-04-28")));
        assertThat(past.status()).as(past.raw()).isEqualTo(201);
        imported = past.body().path("leadershipId").asText();

        // The 10th congress elects five of six, then its chair directly.
        c.decide("COMMITTEE_SIZE", "Số lượng Ban Chấp hành", List.of(), 5);
        List<String> elected = List.of(p.get(6), p.get(7), p.get(8), p.get(9), chair);
        committeeElection = elect("EXECUTIVE_COMMITTEE", 5, p.subList(6, 12), elected, "Bầu Ban Chấp hành khóa X");
        chairElection = elect("CHAIR", 1, List.of(chair), List.of(chair), "Bầu Chủ tịch Công đoàn cơ sở");

        Answer submitted = c.organiser.post("/api/units/" + c.scenario.branch + "/terms",
                "{\"electionIds\":[\"" + committeeElection + "\",\"" + chairElection + "\"]}");
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        assertThat(submitted.body().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.body().path("congressOrdinal").asInt()).isEqualTo(10);
        current = submitted.body().path("leadershipId").asText();
    }

    @Test
    @Order(1)
    void anOrganiserCannotRecogniseHisOwnUnitsCommittee() {
        long before = eventCount();
        Answer own = c.organiser.post("/api/terms/" + current + "/recognise",
                "{\"recognisedOn\":\"2023-06-15\",\"decision\":" + decision("1/QĐ-CĐCS", "2023-06-15") + "}");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(own.body().path("code").asText()).isEqualTo("forbidden");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void theUpperOrganiserRecognisesAndWhoWasChairOnADateIsAnsweredAcrossBothTerms() {
        Answer r = upper.post("/api/terms/" + current + "/recognise",
                "{\"recognisedOn\":\"2023-06-15\",\"decision\":" + decision("125/QĐ-CĐVC", "2023-06-15") + "}");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().path("status").asText()).isEqualTo("RECOGNISED");
        assertThat(r.body().path("recognition").path("recognisedByUnitId").asText()).isEqualTo(c.scenario.upper);
        assertThat(r.body().path("committee")).hasSize(5).allSatisfy(h -> assertThat(h.path("startedOn").asText()).isEqualTo("2023-06-15"));

        JsonNode on2024 = c.organiser.get("/api/units/" + c.scenario.branch + "/office-holders?on=2024-06-01").body();
        assertThat(chairs(on2024)).singleElement().satisfies(h -> {
            assertThat(h.path("personId").asText()).isEqualTo(chair);
            assertThat(h.path("leadershipId").asText()).isEqualTo(current);
            assertThat(h.path("imported").asBoolean()).isFalse();
        });
        JsonNode on2020 = c.organiser.get("/api/units/" + c.scenario.branch + "/office-holders?on=2020-01-01").body();
        assertThat(chairs(on2020)).singleElement().satisfies(h -> {
            assertThat(h.path("leadershipId").asText()).isEqualTo(imported);
            assertThat(h.path("imported").asBoolean()).isTrue();
        });
        assertThat(on2020.path("holdings")).extracting(h -> h.path("office").asText()).contains("VICE_CHAIR");
        JsonNode dayBefore = c.organiser.get("/api/units/" + c.scenario.branch + "/office-holders?on=2023-06-14").body();
        assertThat(chairs(dayBefore)).singleElement().satisfies(h -> assertThat(h.path("leadershipId").asText()).isEqualTo(imported));
        JsonNode onTheDay = c.organiser.get("/api/units/" + c.scenario.branch + "/office-holders?on=2023-06-15").body();
        assertThat(chairs(onTheDay)).singleElement().satisfies(h -> assertThat(h.path("leadershipId").asText()).isEqualTo(current));
        JsonNode vice2021 = c.organiser.get("/api/units/" + c.scenario.branch + "/office-holders?on=2021-01-01").body();
        assertThat(vice2021.path("holdings")).extracting(h -> h.path("office").asText()).doesNotContain("VICE_CHAIR");
    }

    private static List<JsonNode> chairs(JsonNode holders) {
        List<JsonNode> out = new ArrayList<>();
        holders.path("holdings").forEach(h -> { if (h.path("office").asText().equals("CHAIR")) out.add(h); });
        return out;
    }

    @Test
    @Order(3)
    void theChairsOfficeHistorySpansBothTermsAndThePredecessorsOfficeEndedOnRecognition() {
        Answer a = c.organiser.get("/api/people/" + chair + "/offices");
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        List<JsonNode> chairs = chairs(a.body());
        assertThat(chairs).hasSize(2);
        assertThat(chairs.get(0).path("term").path("startYear").asInt()).isEqualTo(2017);
        assertThat(chairs.get(0).path("startedOn").asText()).isEqualTo("2018-01-10");
        assertThat(chairs.get(0).path("endedOn").asText()).isEqualTo("2023-06-15");
        assertThat(chairs.get(0).path("ended").asText()).isEqualTo("SUCCEEDED_ON_RECOGNITION");
        assertThat(chairs.get(0).path("imported").asBoolean()).isTrue();
        assertThat(chairs.get(1).path("term").path("startYear").asInt()).isEqualTo(2023);
        assertThat(chairs.get(1).path("began").asText()).isEqualTo("ELECTED_AT_CONGRESS");
        assertThat(chairs.get(1).path("electionId").asText()).isEqualTo(chairElection);
        assertThat(chairs.get(1).path("endedOn").isNull()).isTrue();
        assertThat(a.body().path("fullName").asText()).contains("(hư cấu)");
    }

    @Test
    @Order(4)
    void theUnitsTermsShowEachTermWithItsCongressRecognitionAndWhetherImported() {
        JsonNode terms = c.organiser.get("/api/units/" + c.scenario.branch + "/terms").body().path("terms");
        assertThat(terms).hasSize(2);
        JsonNode past = terms.get(0);
        assertThat(past.path("term").path("startYear").asInt()).isEqualTo(2017);
        assertThat(past.path("imported").asBoolean()).isTrue();
        assertThat(past.path("status").asText()).isEqualTo("IMPORTED");
        assertThat(past.path("congressOrdinalRoman").asText()).isEqualTo("IX");
        assertThat(past.path("termShiftMonths").asInt()).isEqualTo(12);
        assertThat(past.path("chair")).hasSize(1);
        assertThat(past.path("changes")).extracting(ch -> ch.path("kind").asText()).contains("SUCCEEDED");
        JsonNode now = terms.get(1);
        assertThat(now.path("congressId").asText()).isEqualTo(c.scenario.congress);
        assertThat(now.path("congressOrdinalRoman").asText()).isEqualTo("X");
        assertThat(now.path("recognition").path("decision").path("number").asText()).isEqualTo("125/QĐ-CĐVC");
        assertThat(now.path("imported").asBoolean()).isFalse();
    }

    @Test
    @Order(5)
    void theRecognitionDossierListsTheMembersAndEachElectionsCount() throws Exception {
        JsonNode d = c.organiser.get("/api/terms/" + current + "/dossier").body();
        assertThat(d.path("members")).hasSize(5);
        assertThat(d.path("congressElections")).hasSize(2);
        JsonNode committee = d.path("congressElections").get(0).path("rounds").get(0);
        assertThat(committee.path("ballotsCollected").asInt()).isEqualTo(10);
        assertThat(committee.path("elected")).hasSize(5);
        byte[] pdf = c.organiser.getBytes("/api/terms/" + current + "/dossier.pdf");
        String text = PdfText.of(pdf);
        assertThat(text).contains("HỒ SƠ ĐỀ NGHỊ CÔNG NHẬN BAN CHẤP HÀNH").contains("BIÊN BẢN KIỂM PHIẾU").contains("Chủ tịch")
                .contains("125/QĐ-CĐVC");
    }

    @Test
    @Order(6)
    void aByElectionBeyondTheProfilesCapIsRefusedWithoutUpperLevelConsentAndAcceptedWithIt() {
        List<String> p = c.personIds;
        for (int i = 6; i <= 9; i++) {
            Answer end = c.organiser.post("/api/terms/" + current + "/offices/end", """
                    {"personId":"%s","how":"RESIGNATION","endedOn":"2024-03-01","decision":%s}""".formatted(p.get(i), decision("2" + i + "/QĐ-CĐVC", "2024-03-01")));
            assertThat(end.status()).as(end.raw()).isEqualTo(200);
        }
        for (int i = 0; i <= 2; i++) {
            Answer appointed = upper.post("/api/terms/" + current + "/appointments", """
                    {"personId":"%s","office":"COMMITTEE_MEMBER","startedOn":"2024-04-01","decision":%s}""".formatted(p.get(i), decision("3" + i + "/QĐ-CĐVC", "2024-04-01")));
            assertThat(appointed.status()).as(appointed.raw()).isEqualTo(200);
        }
        String byElection = elect("EXECUTIVE_COMMITTEE", 1, List.of(p.get(3)), List.of(p.get(3)), "Bầu bổ sung Ban Chấp hành");
        String sibling = c.scenario.unit("SYT", "Công đoàn cơ sở Sở Y tế tỉnh Sóc Trăng", "BRANCH_UNION", c.scenario.upper);
        Http siblingOrganiser = account("ORGANISER", sibling);
        Http provinceOrganiser = account("ORGANISER", c.scenario.province);
        long before = eventCount();
        Answer refused = c.organiser.post("/api/terms/" + current + "/by-elections",
                "{\"electionId\":\"" + byElection + "\",\"startedOn\":\"2024-09-01\"}");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.body().path("code").asText()).isEqualTo("additions-cap-exceeded");
        assertThat(refused.body().path("rule").asText()).isEqualTo("R-50");
        assertThat(refused.body().path("title").asText()).contains("cấp trên");
        assertThat(eventCount()).isEqualTo(before);
        // R-50, ADR 0029: the consent is the upper level's. The branch's own organiser cannot send one, nor can the
        // organiser of a sibling branch (the same endpoint with another unit's data); the province's is a level too
        // high; each refusal records nothing.
        String withConsent = "{\"electionId\":\"" + byElection + "\",\"startedOn\":\"2024-09-01\",\"consent\":" + decision("77/CV-CĐVC", "2024-08-20") + "}";
        Answer own = c.organiser.post("/api/terms/" + current + "/by-elections", withConsent);
        assertThat(own.status()).as(own.raw()).isEqualTo(403);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(own.body().path("code").asText()).isEqualTo("forbidden");
        Answer siblings = siblingOrganiser.post("/api/terms/" + current + "/by-elections", withConsent);
        assertThat(siblings.status()).as(siblings.raw()).isEqualTo(403);
        assertThat(siblings.body().path("code").asText()).isEqualTo("forbidden");
        Answer province = provinceOrganiser.post("/api/terms/" + current + "/by-elections", withConsent);
        assertThat(province.status()).as(province.raw()).isEqualTo(409);
        assertThat(province.body().path("code").asText()).isEqualTo("consent-not-from-upper-level");
        assertThat(province.body().path("rule").asText()).isEqualTo("R-50");
        assertThat(province.body().path("title").asText()).contains("cấp trên trực tiếp");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(c.organiser.get("/api/terms/" + current).body().path("additions").asInt()).isEqualTo(3);
        Answer accepted = upper.post("/api/terms/" + current + "/by-elections", withConsent);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.body().path("additions").asInt()).isEqualTo(4);
        assertThat(accepted.body().path("changes")).filteredOn(ch -> ch.path("how").asText().equals("BY_ELECTION")).singleElement()
                .satisfies(ch -> assertThat(ch.path("consent").path("number").asText()).isEqualTo("77/CV-CĐVC"));
        JsonNode member = c.organiser.get("/api/people/" + p.get(6) + "/offices").body().path("holdings");
        assertThat(member).filteredOn(h -> h.path("leadershipId").asText().equals(current)).singleElement()
                .satisfies(h -> {
                    assertThat(h.path("startedOn").asText()).isEqualTo("2023-06-15");
                    assertThat(h.path("endedOn").asText()).isEqualTo("2024-03-01");
                    assertThat(h.path("endDecision").path("number").asText()).isEqualTo("26/QĐ-CĐVC");
                });
    }

    @Test
    @Order(7)
    void anAuditorOfOneProvinceCannotReadAnotherProvincesUnits() {
        Scenario b = new Scenario(admin());
        String otherProvince = b.unit("CB", "Liên đoàn Lao động tỉnh Cao Bằng", "PROVINCIAL_FEDERATION", null);
        Http auditorB = account("AUDITOR", otherProvince);
        for (String path : List.of("/api/units/" + c.scenario.branch + "/terms", "/api/terms/" + current,
                "/api/units/" + c.scenario.branch + "/office-holders?on=2024-06-01", "/api/terms/" + current + "/dossier",
                "/api/people/" + chair + "/offices", "/api/units/" + c.scenario.province + "/congress-season?term=2023")) {
            Answer a = auditorB.get(path);
            assertThat(a.status()).as(path).isEqualTo(403);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.body().path("code").asText()).isEqualTo("forbidden");
        }
        Http auditorA = account("AUDITOR", c.scenario.province);
        assertThat(auditorA.get("/api/units/" + c.scenario.branch + "/terms").status()).isEqualTo(200);
        assertThat(auditorA.post("/api/terms/" + current + "/recognise", "{\"recognisedOn\":\"2023-06-15\",\"decision\":{\"number\":\"x\"}}").status())
                .as("an auditor reads, never recognises").isEqualTo(403);
    }

    @Test
    @Order(8)
    void theCongressSeasonShowsHeldRecognisedAndOverdueUnitsAgainstTheFederationsDeadline() {
        late = c.scenario.unit("SNV2", "Công đoàn cơ sở Sở Tư pháp tỉnh Sóc Trăng", "BRANCH_UNION", c.scenario.upper);
        assertThat(c.organiser.post(c.path("/close"), "").status()).isEqualTo(200);
        Answer set = upper.post("/api/units/" + c.scenario.upper + "/congress-season/2023/deadline",
                "{\"congressBy\":\"2023-06-30\",\"recognitionBy\":\"2023-07-31\",\"decision\":" + decision("05/KH-CĐVC", "2023-01-05") + "}");
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        JsonNode season = upper.get("/api/units/" + c.scenario.upper + "/congress-season?term=2023&asOf=2023-08-01").body();
        assertThat(season.path("deadline").path("congressBy").asText()).isEqualTo("2023-06-30");
        Map<String, JsonNode> byUnit = new LinkedHashMap<>();
        season.path("units").forEach(u -> byUnit.put(u.path("unitId").asText(), u));
        assertThat(byUnit.get(c.scenario.branch).path("held").asBoolean()).isTrue();
        assertThat(byUnit.get(c.scenario.branch).path("recognised").asBoolean()).isTrue();
        assertThat(byUnit.get(c.scenario.branch).path("overdue").asBoolean()).isFalse();
        assertThat(byUnit.get(late).path("overdue").asBoolean()).isTrue();
        assertThat(byUnit.get(late).path("overdueReasons")).extracting(JsonNode::asText).containsExactly("CONGRESS", "RECOGNITION");
        JsonNode inTime = upper.get("/api/units/" + c.scenario.upper + "/congress-season?term=2023&asOf=2023-06-30").body();
        assertThat(inTime.path("overdue").asInt()).as("the deadline day itself is in time").isZero();
        assertThat(c.organiser.post("/api/units/" + c.scenario.upper + "/congress-season/2023/deadline",
                "{\"congressBy\":\"2023-06-30\",\"decision\":{\"number\":\"x\"}}").status()).as("the branch does not set its federation's deadline").isEqualTo(403);
    }

    @Test
    @Order(9)
    void theUpperLevelAppointsAProvisionalCommitteeAndConsentsToAnExtraordinaryCongressOnlyOnItsGrounds() {
        List<String> p = c.personIds;
        Answer provisional = upper.post("/api/units/" + late + "/terms/provisional", """
                {"term":{"startYear":2023,"endYear":2028},"reason":"FOUNDING","appointedOn":"2023-09-01","decision":%s,"seats":3,
                 "members":[{"personId":"%s","office":"COMMITTEE_MEMBER"},{"personId":"%s","office":"CHAIR"},
                            {"personId":"%s","office":"COMMITTEE_MEMBER"}]}""".formatted(decision("90/QĐ-CĐVC", "2023-09-01"), p.get(4), p.get(4), p.get(5)));
        assertThat(provisional.status()).as(provisional.raw()).isEqualTo(201);
        assertThat(provisional.body().path("status").asText()).isEqualTo("PROVISIONAL");
        assertThat(provisional.body().path("provisionalReason").asText()).isEqualTo("FOUNDING");
        JsonNode holders = upper.get("/api/units/" + late + "/office-holders?on=2023-10-01").body();
        assertThat(chairs(holders)).singleElement().satisfies(h -> {
            assertThat(h.path("personId").asText()).isEqualTo(p.get(4));
            assertThat(h.path("began").asText()).isEqualTo("PROVISIONAL");
        });
        assertThat(c.organiser.post("/api/units/" + late + "/terms/provisional", "{}").status()).as("validation first").isEqualTo(400);

        Answer noGrounds = upper.post("/api/terms/" + current + "/extraordinary-congress",
                "{\"grounds\":\"MORE_THAN_HALF_SEATS_VACANT\",\"approvedOn\":\"2025-01-10\",\"consent\":" + decision("3/CV-CĐVC", "2025-01-10") + "}");
        assertThat(noGrounds.status()).as(noGrounds.raw()).isEqualTo(409);
        assertThat(noGrounds.body().path("rule").asText()).isEqualTo("R-53");
        // R-53, ADR 0029: the branch does not consent to its own extraordinary congress, nor does the province in
        // place of the union directly above; nothing is recorded.
        Http provinceOrganiser = account("ORGANISER", c.scenario.province);
        long before = eventCount();
        String tasksChanged = "{\"grounds\":\"TASKS_CHANGED\",\"approvedOn\":\"2025-01-10\",\"consent\":" + decision("4/CV-CĐVC", "2025-01-10") + "}";
        Answer own = c.organiser.post("/api/terms/" + current + "/extraordinary-congress", tasksChanged);
        assertThat(own.status()).as(own.raw()).isEqualTo(403);
        Answer province = provinceOrganiser.post("/api/terms/" + current + "/extraordinary-congress", tasksChanged);
        assertThat(province.status()).as(province.raw()).isEqualTo(409);
        assertThat(province.body().path("code").asText()).isEqualTo("consent-not-from-upper-level");
        assertThat(province.body().path("rule").asText()).isEqualTo("R-53");
        assertThat(eventCount()).isEqualTo(before);
        Answer tasks = upper.post("/api/terms/" + current + "/extraordinary-congress",
                "{\"grounds\":\"TASKS_CHANGED\",\"approvedOn\":\"2025-01-10\",\"consent\":" + decision("4/CV-CĐVC", "2025-01-10") + "}");
        assertThat(tasks.status()).as(tasks.raw()).isEqualTo(200);
        assertThat(tasks.body().path("changes")).extracting(ch -> ch.path("kind").asText()).contains("EXTRAORDINARY_CONGRESS_APPROVED");
    }

    @Test
    @Order(10)
    void badInputIsAProblemNeverA500AndChangesNothing() {
        long before = eventCount();
        String branch = c.scenario.branch;
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("date", upper.post("/api/terms/" + current + "/recognise", "{\"recognisedOn\":\"15/06/2023\",\"decision\":{\"number\":\"x\"}}"));
        answers.put("empty import", upper.post("/api/units/" + branch + "/terms/import", "{}"));
        answers.put("unknown election", c.organiser.post("/api/units/" + branch + "/terms", "{\"electionIds\":[\"no-such-election\"]}"));
        answers.put("unknown term", c.organiser.post("/api/terms/no-such-term/offices/end",
                "{\"personId\":\"x\",\"how\":\"RESIGNATION\",\"endedOn\":\"2024-01-01\",\"decision\":{\"number\":\"x\"}}"));
        answers.put("six years, no shift", upper.post("/api/units/" + branch + "/terms/import", """
                {"term":{"startYear":2011,"endYear":2017},"congressOrdinal":8,"seats":5,"recognisedOn":"2012-01-01",
                 "decision":{"number":"1/QĐ"},"holdings":[{"personId":"%s","office":"CHAIR"}]}""".formatted(chair)));
        answers.put("term again", upper.post("/api/units/" + branch + "/terms/import", """
                {"term":{"startYear":2017,"endYear":2022},"congressOrdinal":9,"seats":5,"recognisedOn":"2018-01-01",
                 "decision":{"number":"1/QĐ"},"holdings":[{"personId":"%s","office":"CHAIR"}]}""".formatted(chair)));
        answers.put("unknown person", upper.post("/api/units/" + branch + "/terms/import", """
                {"term":{"startYear":2012,"endYear":2017},"congressOrdinal":8,"seats":5,"recognisedOn":"2012-01-01",
                 "decision":{"number":"1/QĐ"},"holdings":[{"personId":"nobody","office":"CHAIR"}]}"""));
        answers.put("recognised twice", upper.post("/api/terms/" + current + "/recognise", "{\"recognisedOn\":\"2023-06-16\",\"decision\":{\"number\":\"x\"}}"));
        answers.put("bad office", c.organiser.post("/api/terms/" + current + "/offices/end",
                "{\"personId\":\"x\",\"office\":\"KING\",\"how\":\"RESIGNATION\",\"endedOn\":\"2024-01-01\",\"decision\":{\"number\":\"x\"}}"));
        answers.put("bad on", c.organiser.get("/api/units/" + branch + "/office-holders?on=yesterday"));
        answers.put("bad season term", c.organiser.get("/api/units/" + branch + "/congress-season?term=soon"));
        answers.put("unknown person", c.organiser.get("/api/people/no-such-person/offices"));
        answers.forEach((what, a) -> {
            assertThat(a.status()).as(what + ": " + a.raw()).isBetween(400, 499);
            assertThat(a.contentType()).as(what).startsWith("application/problem+json");
            assertThat(a.body().path("titleEn").asText()).as(what).isNotBlank();
        });
        assertThat(answers.get("six years, no shift").body().path("rule").asText()).isEqualTo("R-02");
        assertThat(answers.get("term again").body().path("code").asText()).isEqualTo("term-exists");
        assertThat(answers.get("bad on").body().path("titleEn").asText()).contains("YYYY-MM-DD");
        assertThat(answers.get("bad season term").body().path("titleEn").asText()).contains("whole number").doesNotContain("YYYY");
        assertThat(answers.get("unknown person").status()).isEqualTo(404);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    @Order(11)
    void everyStreamingProcessingGroupEmptiesItsTablesOnReset() {
        Map<String, Boolean> groups = new LinkedHashMap<>();
        for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            Class<?> type = AopUtils.getTargetClass(bean);
            String group = type.getAnnotation(ProcessingGroup.class).value();
            if (processing.eventProcessorByProcessingGroup(group, StreamingEventProcessor.class).isEmpty()) continue;
            boolean reset = Arrays.stream(type.getDeclaredMethods()).anyMatch((Method m) -> m.isAnnotationPresent(ResetHandler.class));
            groups.merge(group, reset, Boolean::logicalOr);
        }
        assertThat(groups).containsKeys("units", "congresses", "elections", "people", "terms");
        assertThat(groups).allSatisfy((group, reset) -> assertThat(reset).as(group).isTrue());
    }

    /** Acceptance 4: delete every projection row, replay every processor from the store, and the API answers the same. */
    @Test
    @Order(12)
    void replayingEveryProjectionFromTheEventStoreGivesIdenticalAnswers() throws Exception {
        String branch = c.scenario.branch;
        List<String> reads = new ArrayList<>(List.of(
                "/api/units/" + branch + "/terms", "/api/terms/" + current, "/api/terms/" + imported,
                "/api/units/" + branch + "/office-holders?on=2020-01-01", "/api/units/" + branch + "/office-holders?on=2023-06-15",
                "/api/units/" + branch + "/office-holders?on=2024-06-01", "/api/units/" + branch + "/office-holders?on=2025-01-01",
                "/api/people/" + chair + "/offices", "/api/people/" + c.personIds.get(6) + "/offices", "/api/terms/" + current + "/dossier",
                "/api/units/" + c.scenario.upper + "/congress-season?term=2023&asOf=2023-08-01",
                "/api/units/" + late + "/terms", "/api/units/" + late + "/office-holders?on=2023-10-01",
                "/api/units/" + branch, "/api/units/" + branch + "/history", "/api/units?asOf=2024-01-01&root=" + c.scenario.province,
                "/api/units/" + c.scenario.upper + "/congresses?term=2023", "/api/congresses/" + c.scenario.congress,
                "/api/congresses/" + c.scenario.congress + "/delegates", "/api/people/" + chair,
                "/api/elections/" + committeeElection, "/api/elections/" + committeeElection + "/rounds/1",
                "/api/elections/" + committeeElection + "/rounds/1/minutes", "/api/elections/" + chairElection + "/rounds/1"));
        Http admin = admin();
        for (String path : reads) {
            Answer a = admin.get(path);
            assertThat(a.status()).as(path + " " + a.raw()).isEqualTo(200);
            answers.put(path, a.body());
        }

        for (String table : projectionTables()) jdbc.update("delete from " + table);
        assertThat(admin.get("/api/units/" + branch + "/terms").body().path("terms").size()).as("the read models are empty").isZero();

        Answer replay = admin.post("/api/operations/replay", "");
        assertThat(replay.status()).as(replay.raw()).isEqualTo(200);
        assertThat(replay.body().path("processors")).extracting(JsonNode::asText).contains("terms", "units", "congresses", "elections", "people");
        replay.body().path("caughtUp").forEach(v -> assertThat(v.asBoolean()).as(replay.raw()).isTrue());

        // Other test classes write some projection rows directly (events in, queries out), and those are gone after a
        // replay: every read here stays within this history's own units.
        List<String> differ = new ArrayList<>();
        for (String path : reads) {
            if (!admin.get(path).body().equals(answers.get(path))) differ.add(path);
        }
        assertThat(differ).as("answers that changed after the replay").isEmpty();
        assertThat(c.organiser.post("/api/operations/replay", "").status()).as("administrators only").isEqualTo(403);
    }

    /** Every table the query side's migrations create: the projections' tables and nothing else. */
    private static List<String> projectionTables() throws Exception {
        List<String> tables = new ArrayList<>();
        Pattern create = Pattern.compile("(?i)create table (\\w+)");
        try (Stream<Path> files = Files.list(Path.of("..", "query-side", "src", "main", "resources", "db", "migration"))) {
            for (Path f : files.sorted().toList()) {
                Matcher m = create.matcher(Files.readString(f));
                while (m.find()) tables.add(m.group(1));
            }
        }
        assertThat(tables).contains("term_view", "holding_view", "unit_version", "congress_view", "election_view", "person_view");
        return tables;
    }
}
