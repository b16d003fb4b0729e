package vn.daihoi.account;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;
import vn.daihoi.support.Scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One table over every endpoint: without a token each protected endpoint answers 401; for each caller whose
 * role or unit gives no right it answers 403; the public endpoints are exactly those the README lists.
 * The table must name every endpoint the application maps, so a new endpoint cannot slip past it.
 * Data scope (ADR 0013): a second world, another province with its own branch, congress, roll, election and
 * term, whose callers in every role are refused on this world's data, row by row; and ids of that world put in
 * the body of this world's rightful caller are refused too. A refused request writes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixApiTest extends ApiTest {

    /** An endpoint, a body a rightful caller could send, and the callers who must be refused. */
    record Row(String method, String pattern, String path, String body, List<String> denied) {}

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Scenario a;
    private final Map<String, Http> callers = new LinkedHashMap<>();
    private final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    void world() {
        World w = congressInSession("M");
        a = w.scenario();
        Http organiser = w.organiser();
        JsonNode roll = w.roll();
        String delegate = w.delegate();
        String code = w.code();
        ids.put("{election}", w.electionId());
        Answer confidence = organiser.post("/api/congresses/" + a.congress + "/confidence-votes",
                "{\"officials\":[{\"personId\":\"" + roll.get(1).path("personId").asText() + "\",\"office\":\"Chủ tịch\"}]}");
        assertThat(confidence.status()).as(confidence.raw()).isEqualTo(201);
        ids.put("{confidence}", confidence.body().path("electionId").asText());

        Scenario b = new Scenario(admin());
        String otherProvince = b.unit("CB", "Liên đoàn Lao động tỉnh Cao Bằng", "PROVINCIAL_FEDERATION", null);
        callers.put("outsider", account("ORGANISER", otherProvince));
        callers.put("auditor", account("AUDITOR", a.province));
        callers.put("counting", account("COUNTING", a.congress));
        callers.put("organiser", organiser);
        callers.put("voter", http().as(http().post("/api/auth/voting-code", "{\"code\":\"" + code + "\"}").body().path("token").asText()));

        ids.put("{unit}", a.branch);
        ids.put("{upper}", a.upper);
        ids.put("{congress}", a.congress);
        ids.put("{delegate}", delegate);
        ids.put("{person}", roll.get(0).path("personId").asText());
        ids.put("{account}", admin().get("/api/accounts").body().get(0).path("accountId").asText());
        ids.put("{code}", "SNV-" + a.run);
        ids.put("{term}", importedTerm(a.branch, ids.get("{person}")));
        callers.put("above", account("ORGANISER", a.upper));
        otherWorld();
    }

    /** A province with a branch whose congress is in session: two on the roll, the first checked in, an election open. */
    private record World(Scenario scenario, Http organiser, JsonNode roll, String delegate, String code, String electionId) {}

    private World congressInSession(String codePrefix) {
        Scenario s = new Scenario(admin()).units();
        Http organiser = account("ORGANISER", s.branch);
        assertThat(s.convene(organiser).status()).isEqualTo(201);
        organiser.postCsv("/api/congresses/" + s.congress + "/delegates/import", Scenario.csv(2, codePrefix));
        JsonNode roll = organiser.get("/api/congresses/" + s.congress + "/delegates").body().path("delegates");
        String delegate = roll.get(0).path("delegateId").asText();
        String code = organiser.post("/api/congresses/" + s.congress + "/delegates/" + delegate + "/check-in", "").body()
                .path("votingCode").asText();
        assertThat(organiser.post("/api/congresses/" + s.congress + "/open", "").status()).isEqualTo(200);
        Answer election = organiser.post("/api/congresses/" + s.congress + "/elections", "{\"body\":\"EXECUTIVE_COMMITTEE\"}");
        assertThat(election.status()).as(election.raw()).isEqualTo(201);
        return new World(s, organiser, roll, delegate, code, election.body().path("electionId").asText());
    }

    /** A past term of the branch, imported with {@code personId} as its chair; its leadership id. */
    private String importedTerm(String branch, String personId) {
        Answer term = admin().post("/api/units/" + branch + "/terms/import", """
                {"term":{"startYear":2017,"endYear":2022},"congressOrdinal":9,"seats":5,"recognisedOn":"2018-01-10",
                 "decision":{"number":"12/QĐ"},"holdings":[{"personId":"%s","office":"CHAIR"}]}""".formatted(personId));
        assertThat(term.status()).as(term.raw()).isEqualTo(201);
        return term.body().path("leadershipId").asText();
    }

    /** The second world: another province, with the same shape and a caller of every role of its own. */
    private void otherWorld() {
        World w = congressInSession("K");
        Scenario b = w.scenario();
        Http organiser = w.organiser();
        String delegate = w.delegate();
        String code = w.code();
        String person = w.roll().get(1).path("personId").asText();
        String term = importedTerm(b.branch, person);

        callers.put("otherOrganiser", organiser);
        callers.put("otherAbove", account("ORGANISER", b.upper));
        callers.put("otherAuditor", account("AUDITOR", b.province));
        callers.put("otherCounting", account("COUNTING", b.congress));
        callers.put("otherVoter", http().as(http().post("/api/auth/voting-code", "{\"code\":\"" + code + "\"}").body().path("token").asText()));
        ids.put("{otherUnit}", b.branch);
        ids.put("{otherUpper}", b.upper);
        ids.put("{otherCongress}", b.congress);
        ids.put("{otherDelegate}", delegate);
        ids.put("{otherPerson}", person);
        ids.put("{otherElection}", w.electionId());
        ids.put("{otherTerm}", term);
    }

    private static final List<String> WRITE = List.of("outsider", "auditor", "counting", "voter");
    private static final List<String> READ = List.of("outsider", "voter");
    private static final List<String> ADMIN_ONLY = List.of("outsider", "auditor", "counting", "voter", "organiser");
    /** Decided above the unit: its own organiser is refused too. */
    private static final List<String> ABOVE = ADMIN_ONLY;
    private static final String DECISION = "\"effectiveOn\":\"2025-07-01\",\"decision\":{\"number\":\"9/QĐ\"}";

    private List<Row> table() {
        return List.of(
                row("POST", "/api/units", "/api/units", "{\"code\":\"NEW-X\",\"name\":\"Công đoàn cơ sở mới\",\"kind\":\"SECTION\",\"parentUnitId\":\"{unit}\"," + DECISION + "}", WRITE),
                row("POST", "/api/units/{unitId}/rename", "/api/units/{unit}/rename", "{\"name\":\"Tên mới\"," + DECISION + "}", WRITE),
                row("POST", "/api/units/{unitId}/move", "/api/units/{unit}/move", "{\"newParentUnitId\":\"{upper}\"," + DECISION + "}", WRITE),
                row("POST", "/api/units/{unitId}/dissolve", "/api/units/{unit}/dissolve", "{" + DECISION + "}", WRITE),
                row("POST", "/api/units/merge", "/api/units/merge", "{\"sourceUnitIds\":[\"{unit}\"],\"intoUnitId\":\"{upper}\"," + DECISION + "}", WRITE),
                row("POST", "/api/units/{unitId}/split", "/api/units/{unit}/split", "{\"into\":[{\"code\":\"SP-X\",\"name\":\"Tách\",\"kind\":\"SECTION\"}],\"sourceContinues\":true," + DECISION + "}", WRITE),
                // The forest without a root is filtered by grant rather than refused (checked below).
                row("GET", "/api/units", "/api/units", null, List.of()),
                row("GET", "/api/units/{unitId}", "/api/units/{unit}", null, READ),
                row("GET", "/api/units/by-code/{code}", "/api/units/by-code/{code}", null, READ),
                row("GET", "/api/units/{unitId}/children", "/api/units/{unit}/children", null, READ),
                row("GET", "/api/units/{unitId}/history", "/api/units/{unit}/history", null, READ),
                row("GET", "/api/units/{unitId}/congresses", "/api/units/{unit}/congresses?term=2023", null, READ),
                row("POST", "/api/congresses", "/api/congresses", "{\"unitId\":\"{unit}\",\"ordinal\":11,\"term\":{\"startYear\":2028,\"endYear\":2033},\"kind\":\"DELEGATE\",\"date\":\"2028-05-01\",\"venue\":\"Hội trường\",\"announcedSeats\":5}", WRITE),
                row("GET", "/api/congresses/{congressId}", "/api/congresses/{congress}", null, READ),
                row("POST", "/api/congresses/{congressId}/reschedule", "/api/congresses/{congress}/reschedule", "{\"date\":\"2023-05-21\",\"venue\":\"Hội trường\"}", WRITE),
                row("POST", "/api/congresses/{congressId}/cancel", "/api/congresses/{congress}/cancel", "{\"reason\":\"Lý do\"}", WRITE),
                row("POST", "/api/congresses/{congressId}/open", "/api/congresses/{congress}/open", "", WRITE),
                row("POST", "/api/congresses/{congressId}/close", "/api/congresses/{congress}/close", "", WRITE),
                row("POST", "/api/congresses/{congressId}/decisions", "/api/congresses/{congress}/decisions", "{\"subject\":\"AGENDA\",\"votesFor\":1,\"votesAgainst\":0,\"abstentions\":0}", WRITE),
                row("GET", "/api/rule-profiles", "/api/rule-profiles", null, List.of()),
                row("GET", "/api/congresses/{congressId}/delegates", "/api/congresses/{congress}/delegates", null, READ),
                row("GET", "/api/congresses/{congressId}/me", "/api/congresses/{congress}/me", null, List.of("outsider", "auditor", "counting", "organiser")),
                row("POST", "/api/congresses/{congressId}/delegates", "/api/congresses/{congress}/delegates", "{\"personId\":\"{person}\",\"code\":\"Z9\"}", WRITE),
                row("POST", "/api/congresses/{congressId}/delegates/import", "/api/congresses/{congress}/delegates/import", "CSV", WRITE),
                row("POST", "/api/congresses/{congressId}/delegates/{delegateId}/check-in", "/api/congresses/{congress}/delegates/{delegate}/check-in", "", WRITE),
                row("POST", "/api/congresses/{congressId}/delegates/{delegateId}/check-out", "/api/congresses/{congress}/delegates/{delegate}/check-out", "", WRITE),
                row("POST", "/api/congresses/{congressId}/delegates/{delegateId}/attendance-correction", "/api/congresses/{congress}/delegates/{delegate}/attendance-correction", "{\"present\":false,\"reason\":\"nhầm\"}", WRITE),
                row("POST", "/api/congresses/{congressId}/delegates/{delegateId}/replace", "/api/congresses/{congress}/delegates/{delegate}/replace", "{\"alternateId\":\"x\",\"reason\":\"ốm\"}", WRITE),
                row("POST", "/api/congresses/{congressId}/delegates/{delegateId}/credential", "/api/congresses/{congress}/delegates/{delegate}/credential", "", WRITE),
                row("POST", "/api/congresses/{congressId}/delegates/{delegateId}/credential/revoke", "/api/congresses/{congress}/delegates/{delegate}/credential/revoke", "{}", WRITE),
                row("POST", "/api/congresses/{congressId}/credential-slips", "/api/congresses/{congress}/credential-slips", "{\"delegateIds\":[\"{delegate}\"]}", WRITE),
                row("POST", "/api/congresses/{congressId}/delegates/elected-committee", "/api/congresses/{congress}/delegates/elected-committee", "", WRITE),
                row("POST", "/api/congresses/{congressId}/delegates/from-election", "/api/congresses/{congress}/delegates/from-election", "{\"electionId\":\"{election}\"}", WRITE),
                row("POST", "/api/congresses/{congressId}/credentials-report", "/api/congresses/{congress}/credentials-report", "{\"rejected\":[],\"notes\":\"\"}", WRITE),
                row("POST", "/api/congresses/{congressId}/elections", "/api/congresses/{congress}/elections", "{\"body\":\"CHAIR\"}", WRITE),
                row("GET", "/api/elections/{electionId}", "/api/elections/{election}", null, List.of("outsider")),
                row("POST", "/api/elections/{electionId}/candidates", "/api/elections/{election}/candidates", "{\"personId\":\"{person}\",\"source\":\"OUTGOING_COMMITTEE\"}", WRITE),
                row("POST", "/api/elections/{electionId}/candidates/{candidateId}/withdrawal", "/api/elections/{election}/candidates/x/withdrawal", "{\"granted\":true,\"decisionReference\":\"QĐ\"}", WRITE),
                row("POST", "/api/elections/{electionId}/approve-list", "/api/elections/{election}/approve-list", "{\"listDecisionId\":\"x\"}", WRITE),
                row("POST", "/api/elections/{electionId}/rounds", "/api/elections/{election}/rounds", "{\"round\":1}", WRITE),
                row("GET", "/api/elections/{electionId}/rounds/{round}", "/api/elections/{election}/rounds/1", null, List.of("outsider")),
                row("POST", "/api/elections/{electionId}/rounds/{round}/late-voters", "/api/elections/{election}/rounds/1/late-voters", "{\"delegateId\":\"{delegate}\",\"decisionReference\":\"QĐ\"}", WRITE),
                row("POST", "/api/elections/{electionId}/rounds/{round}/ballots", "/api/elections/{election}/rounds/1/ballots", "{\"keptCandidateIds\":[]}", List.of("outsider", "auditor", "counting", "organiser")),
                row("POST", "/api/elections/{electionId}/rounds/{round}/paper-ballots", "/api/elections/{election}/rounds/1/paper-ballots", "{\"delegateId\":\"{delegate}\"}", WRITE),
                row("POST", "/api/elections/{electionId}/rounds/{round}/paper-ballots/spoiled", "/api/elections/{election}/rounds/1/paper-ballots/spoiled", "{\"delegateId\":\"{delegate}\"}", WRITE),
                row("POST", "/api/elections/{electionId}/rounds/{round}/paper-ballots/openings", "/api/elections/{election}/rounds/1/paper-ballots/openings", "{\"authority\":\"PRESIDIUM\",\"decisionReference\":\"7/NQ\",\"reason\":\"Khiếu nại\"}", WRITE),
                row("POST", "/api/elections/{electionId}/rounds/{round}/paper-ballots/destruction", "/api/elections/{election}/rounds/1/paper-ballots/destruction", "{\"decisionReference\":\"12/QĐ\"}", WRITE),
                row("POST", "/api/elections/{electionId}/rounds/{round}/paper-entries", "/api/elections/{election}/rounds/1/paper-entries", "{\"sheet\":1,\"keptCandidateIds\":[]}", List.of("outsider", "auditor", "voter", "organiser")),
                row("POST", "/api/elections/{electionId}/rounds/{round}/paper-accounting", "/api/elections/{election}/rounds/1/paper-accounting", "{\"notReturned\":0}", List.of("outsider", "auditor", "voter")),
                row("GET", "/api/elections/{electionId}/rounds/{round}/ballot-papers.pdf", "/api/elections/{election}/rounds/1/ballot-papers.pdf", null, WRITE),
                row("GET", "/api/elections/{electionId}/rounds/{round}/minutes", "/api/elections/{election}/rounds/1/minutes", null, List.of("outsider")),
                row("GET", "/api/elections/{electionId}/rounds/{round}/minutes.pdf", "/api/elections/{election}/rounds/1/minutes.pdf", null, List.of("outsider")),
                // ADR 0017: the counting committee or the organisers close; the key shares are what opens the box.
                row("POST", "/api/elections/{electionId}/rounds/{round}/results-link", "/api/elections/{election}/rounds/1/results-link", "", WRITE),
                row("POST", "/api/elections/{electionId}/rounds/{round}/close", "/api/elections/{election}/rounds/1/close", "", List.of("outsider", "auditor", "voter")),
                // ADR 0017: only a counting member takes a key share (and only his own: see BallotBoxSealingApiTest).
                row("POST", "/api/elections/{electionId}/rounds/{round}/key-share", "/api/elections/{election}/rounds/1/key-share", "", List.of("outsider", "auditor", "voter", "organiser")),
                row("POST", "/api/elections/{electionId}/rounds/{round}/key-share.pdf", "/api/elections/{election}/rounds/1/key-share.pdf", "", List.of("outsider", "auditor", "voter", "organiser")),
                row("POST", "/api/elections/{electionId}/rounds/{round}/void", "/api/elections/{election}/rounds/1/void", "{\"reason\":\"Mất mảnh khoá\",\"decisionReference\":\"NQ\"}", WRITE),
                row("POST", "/api/congresses/{congressId}/confidence-votes", "/api/congresses/{congress}/confidence-votes", "{\"officials\":[{\"personId\":\"{person}\",\"office\":\"Chủ tịch\"}]}", WRITE),
                row("GET", "/api/confidence-votes/{electionId}", "/api/confidence-votes/{confidence}", null, List.of("outsider")),
                row("POST", "/api/confidence-votes/{electionId}/rounds/{round}/ballots", "/api/confidence-votes/{confidence}/rounds/1/ballots", "{\"ratings\":[]}", List.of("outsider", "auditor", "counting", "organiser")),
                row("POST", "/api/confidence-votes/{electionId}/rounds/{round}/paper-entries", "/api/confidence-votes/{confidence}/rounds/1/paper-entries", "{\"sheet\":1,\"invalid\":\"NOT_ISSUED\"}", List.of("outsider", "auditor", "voter", "organiser")),
                row("GET", "/api/confidence-votes/{electionId}/rounds/{round}/results", "/api/confidence-votes/{confidence}/rounds/1/results", null, List.of("outsider")),
                row("GET", "/api/confidence-votes/{electionId}/rounds/{round}/minutes", "/api/confidence-votes/{confidence}/rounds/1/minutes", null, List.of("outsider")),
                row("GET", "/api/confidence-votes/{electionId}/rounds/{round}/minutes.pdf", "/api/confidence-votes/{confidence}/rounds/1/minutes.pdf", null, List.of("outsider")),
                row("POST", "/api/units/{unitId}/terms", "/api/units/{unit}/terms", "{\"electionIds\":[\"{election}\"]}", WRITE),
                row("POST", "/api/terms/{leadershipId}/recognise", "/api/terms/{term}/recognise", "{\"recognisedOn\":\"2023-06-15\",\"decision\":{\"number\":\"1/QĐ\"}}", ABOVE),
                row("POST", "/api/terms/{leadershipId}/refuse", "/api/terms/{term}/refuse", "{\"refusedOn\":\"2023-06-15\",\"reason\":\"Thiếu hồ sơ\"}", ABOVE),
                row("POST", "/api/units/{unitId}/terms/import", "/api/units/{unit}/terms/import", "{\"term\":{\"startYear\":2012,\"endYear\":2017},\"congressOrdinal\":8,\"seats\":5,\"recognisedOn\":\"2012-06-01\",\"decision\":{\"number\":\"1/QĐ\"},\"holdings\":[{\"personId\":\"{person}\",\"office\":\"CHAIR\"}]}", ABOVE),
                row("POST", "/api/units/{unitId}/terms/provisional", "/api/units/{unit}/terms/provisional", "{\"term\":{\"startYear\":2023,\"endYear\":2028},\"reason\":\"COMMITTEE_DISSOLVED\",\"appointedOn\":\"2024-01-01\",\"decision\":{\"number\":\"1/QĐ\"},\"seats\":3,\"members\":[{\"personId\":\"{person}\",\"office\":\"COMMITTEE_MEMBER\"}]}", ABOVE),
                row("POST", "/api/terms/{leadershipId}/offices/end", "/api/terms/{term}/offices/end", "{\"personId\":\"{person}\",\"how\":\"RESIGNATION\",\"endedOn\":\"2019-01-01\",\"decision\":{\"number\":\"1/QĐ\"}}", WRITE),
                row("POST", "/api/terms/{leadershipId}/by-elections", "/api/terms/{term}/by-elections", "{\"electionId\":\"{election}\",\"startedOn\":\"2019-01-01\"}", WRITE),
                row("POST", "/api/terms/{leadershipId}/appointments", "/api/terms/{term}/appointments", "{\"personId\":\"{person}\",\"office\":\"VICE_CHAIR\",\"startedOn\":\"2019-01-01\",\"decision\":{\"number\":\"1/QĐ\"}}", ABOVE),
                row("POST", "/api/terms/{leadershipId}/extraordinary-congress", "/api/terms/{term}/extraordinary-congress", "{\"grounds\":\"TASKS_CHANGED\",\"approvedOn\":\"2019-01-01\",\"consent\":{\"number\":\"1/QĐ\"}}", ABOVE),
                row("POST", "/api/units/{unitId}/congress-season/{termStartYear}/deadline", "/api/units/{unit}/congress-season/2023/deadline", "{\"congressBy\":\"2023-06-30\",\"decision\":{\"number\":\"1/KH\"}}", WRITE),
                row("GET", "/api/terms/{leadershipId}", "/api/terms/{term}", null, READ),
                row("GET", "/api/units/{unitId}/terms", "/api/units/{unit}/terms", null, READ),
                row("GET", "/api/units/{unitId}/office-holders", "/api/units/{unit}/office-holders?on=2019-01-01", null, READ),
                row("GET", "/api/people/{personId}/offices", "/api/people/{person}/offices", null, List.of("outsider", "counting", "voter")),
                row("GET", "/api/terms/{leadershipId}/dossier", "/api/terms/{term}/dossier", null, READ),
                row("GET", "/api/terms/{leadershipId}/dossier.pdf", "/api/terms/{term}/dossier.pdf", null, READ),
                row("GET", "/api/units/{unitId}/congress-season", "/api/units/{unit}/congress-season?term=2023", null, READ),
                row("POST", "/api/operations/replay", "/api/operations/replay", "", ADMIN_ONLY),
                row("POST", "/api/operations/verify", "/api/operations/verify", "", List.of("outsider", "organiser", "counting", "voter")),
                row("GET", "/api/federation-keys", "/api/federation-keys", null, List.of()),
                row("POST", "/api/federation-keys", "/api/federation-keys", "{\"unitId\":\"{unit}\"}", ADMIN_ONLY),
                row("GET", "/api/congresses/{congressId}/bundle", "/api/congresses/{congress}/bundle", null, List.of("outsider", "counting", "voter")),
                row("POST", "/api/people", "/api/people", "{\"fullName\":\"Người Mới (hư cấu)\"}", List.of("auditor", "counting", "voter")),
                row("GET", "/api/people/{personId}", "/api/people/{person}", null, List.of("auditor", "counting", "voter")),
                row("POST", "/api/people/{personId}/correct", "/api/people/{person}/correct", "{\"fullName\":\"Tên Sửa (hư cấu)\"}", List.of("auditor", "counting", "voter")),
                row("POST", "/api/people/{personId}/erase", "/api/people/{person}/erase", "{\"requestReference\":\"YC-1\"}", ADMIN_ONLY),
                row("POST", "/api/accounts", "/api/accounts", "{\"username\":\"matrix-x\",\"password\":\"long-enough-pw\",\"grants\":[{\"role\":\"ORGANISER\",\"scopeId\":\"{unit}\"}]}", WRITE),
                row("POST", "/api/accounts/{accountId}/grants", "/api/accounts/{account}/grants", "{\"role\":\"AUDITOR\",\"scopeId\":\"{unit}\"}", WRITE),
                row("GET", "/api/accounts", "/api/accounts", null, ADMIN_ONLY),
                row("POST", "/api/auth/login", "/api/auth/login", "{\"username\":\"nobody\",\"password\":\"wrong-password\"}", List.of()),
                row("POST", "/api/auth/voting-code", "/api/auth/voting-code", "{\"code\":\"AAAA-AAAA\"}", List.of()),
                row("POST", "/api/auth/logout", "/api/auth/logout", "", List.of()),
                row("GET", "/api/auth/me", "/api/auth/me", null, List.of()));
    }

    private Row row(String method, String pattern, String path, String body, List<String> denied) {
        String p = path;
        String b = body;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            p = p.replace(id.getKey(), id.getValue());
            if (b != null) b = b.replace(id.getKey(), id.getValue());
        }
        return new Row(method, pattern, p, b, denied);
    }

    private Answer call(Http client, Row r) {
        if (r.method().equals("GET")) return client.get(r.path());
        if ("CSV".equals(r.body())) return client.postCsv(r.path(), "ma;ho_ten\nZ1;Người Nhập (hư cấu)\n");
        if (r.path().endsWith(".pdf")) return client.postForPdf(r.path(), r.body() == null ? "" : r.body());
        return client.post(r.path(), r.body() == null ? "" : r.body());
    }

    private Set<String> publicPairs() {
        Set<String> pairs = new TreeSet<>();
        for (String[] p : SecurityConfiguration.PUBLIC) pairs.add(p[0] + " " + p[1]);
        return pairs;
    }

    @Test
    void theTableNamesEveryEndpointTheApplicationMaps() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> info.getMethodsCondition().getMethods().forEach(m ->
                info.getPatternValues().forEach(p -> mapped.add(m.name() + " " + p))));
        mapped.removeIf(e -> e.contains("/error"));
        // The web pages have their own session chain and their own table (web.PageAccessTest).
        mapped.removeIf(e -> !e.contains(" /api/") && !e.contains(" /actuator"));
        Set<String> tabled = new TreeSet<>();
        table().forEach(r -> tabled.add(r.method() + " " + r.pattern()));
        assertThat(tabled).isEqualTo(mapped);
    }

    @Test
    void everyProtectedEndpointAnswers401WithoutCredentials() {
        Set<String> open = new TreeSet<>();
        for (Row r : table()) {
            Answer a = call(http(), r);
            if (a.status() != 401) {
                open.add(r.method() + " " + r.pattern());
            } else {
                assertThat(a.contentType()).startsWith("application/problem+json");
                assertThat(a.body().path("code").asText()).isEqualTo("unauthenticated");
            }
        }
        Set<String> publicApi = new TreeSet<>(publicPairs());
        publicApi.removeIf(p -> p.startsWith("GET /actuator"));
        assertThat(open).as("the endpoints answering without a token").isEqualTo(publicApi);
        assertThat(http().get("/actuator/health").status()).isEqualTo(200);
        assertThat(http().get("/actuator/info").status()).isEqualTo(401);
    }

    @Test
    void everyCallerWithoutTheRightIsRefusedWith403() {
        List<Long> before = written();
        List<String> failures = new ArrayList<>();
        for (Row r : table()) {
            for (String who : r.denied()) {
                Answer a = call(callers.get(who), r);
                if (a.status() != 403) failures.add(who + " → " + r.method() + " " + r.pattern() + " = " + a.status() + " " + a.raw());
                else assertThat(a.body().path("code").asText()).isEqualTo("forbidden");
            }
        }
        assertThat(failures).isEmpty();
        assertThat(written()).as("events and rows after the refused requests").isEqualTo(before);
    }

    /** Endpoints whose answer does not depend on a unit, congress or person of the path or body. */
    private static final Set<String> UNSCOPED = Set.of("GET /api/units", "GET /api/rule-profiles", "POST /api/people",
            "POST /api/auth/login", "POST /api/auth/voting-code", "POST /api/auth/logout", "GET /api/auth/me",
            "GET /api/federation-keys", "POST /api/operations/verify");
    private static final List<String> OTHER_SCOPE = List.of("otherOrganiser", "otherAbove", "otherAuditor", "otherCounting", "otherVoter");

    /** The event store and the tables a refused request here could have touched. */
    private List<Long> written() {
        List<Long> counts = new ArrayList<>();
        counts.add(eventCount());
        for (String table : List.of("person_view", "unit_summary", "unit_version", "congress_view", "delegate_view", "decision_view",
                "election_view", "candidate_view", "term_view", "holding_view", "account", "account_grant", "auth_token",
                "voting_credential", "person_registration")) {
            counts.add(jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    @Test
    void everyRoleOfAnotherScopeIsRefusedOnThisScopesDataWritingNothing() {
        List<Long> before = written();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Row r : table()) {
            if (UNSCOPED.contains(r.method() + " " + r.pattern())) continue;
            for (String who : OTHER_SCOPE) {
                Answer a = call(callers.get(who), r);
                calls++;
                if (a.status() != 403 || !"forbidden".equals(a.body().path("code").asText())) {
                    failures.add(who + " → " + r.method() + " " + r.pattern() + " = " + a.status() + " " + a.raw());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(calls).isEqualTo(OTHER_SCOPE.size() * (table().size() - UNSCOPED.size()));
        assertThat(written()).as("events and rows after the refused requests").isEqualTo(before);
    }

    /**
     * A rightful caller of this world, with an id of the other world in the body. Each attack has a control: the
     * same request with an id nobody registered, which must pass the access check (and be refused by the domain, not
     * with 403), so the 403 of the attack is the body id's, not the path's.
     */
    record Foreign(String who, String method, String path, String attack, String control) {}

    private List<Foreign> foreignBodies() {
        String decision = "\"effectiveOn\":\"2025-07-01\",\"decision\":{\"number\":\"9/QĐ\"}";
        String none = "no-such-id";
        List<Foreign> f = new ArrayList<>();
        f.add(new Foreign("organiser", "POST", "/api/units", "{\"code\":\"FX-1\",\"name\":\"Ngoại tỉnh\",\"kind\":\"SECTION\",\"parentUnitId\":\"%s\"," + decision + "}", "{otherUnit}"));
        f.add(new Foreign("above", "POST", "/api/units/{unit}/move", "{\"newParentUnitId\":\"%s\"," + decision + "}", "{otherUpper}"));
        f.add(new Foreign("above", "POST", "/api/units/merge", "{\"sourceUnitIds\":[\"{unit}\"],\"intoUnitId\":\"%s\"," + decision + "}", "{otherUnit}"));
        f.add(new Foreign("above", "POST", "/api/units/merge", "{\"sourceUnitIds\":[\"{unit}\",\"%s\"],\"newUnit\":{\"code\":\"FX-2\",\"name\":\"Hợp nhất\",\"kind\":\"BRANCH_UNION\",\"parentUnitId\":\"{upper}\"}," + decision + "}", "{otherUnit}"));
        f.add(new Foreign("above", "POST", "/api/units/merge", "{\"sourceUnitIds\":[\"{unit}\"],\"newUnit\":{\"code\":\"FX-3\",\"name\":\"Hợp nhất\",\"kind\":\"BRANCH_UNION\",\"parentUnitId\":\"%s\"}," + decision + "}", "{otherUpper}"));
        f.add(new Foreign("above", "POST", "/api/units/{unit}/split", "{\"into\":[{\"code\":\"FX-4\",\"name\":\"Tách\",\"kind\":\"SECTION\",\"parentUnitId\":\"%s\"}],\"sourceContinues\":true," + decision + "}", "{otherUpper}"));
        f.add(new Foreign("organiser", "POST", "/api/congresses", "{\"unitId\":\"%s\",\"ordinal\":11,\"term\":{\"startYear\":2028,\"endYear\":2033},\"kind\":\"DELEGATE\",\"date\":\"2028-05-01\",\"venue\":\"Hội trường\",\"announcedSeats\":5}", "{otherUnit}"));
        f.add(new Foreign("organiser", "POST", "/api/congresses/{congress}/decisions", "{\"subject\":\"AGENDA\",\"personIds\":[\"%s\"],\"votesFor\":1,\"votesAgainst\":0,\"abstentions\":0}", "{otherPerson}"));
        f.add(new Foreign("organiser", "POST", "/api/congresses/{congress}/delegates", "{\"personId\":\"%s\",\"code\":\"FX5\"}", "{otherPerson}"));
        f.add(new Foreign("organiser", "POST", "/api/congresses/{congress}/delegates/{delegate}/replace", "{\"alternateId\":\"%s\",\"reason\":\"ốm\"}", "{otherDelegate}"));
        f.add(new Foreign("organiser", "POST", "/api/congresses/{congress}/credential-slips", "{\"delegateIds\":[\"{delegate}\",\"%s\"]}", "{otherDelegate}"));
        f.add(new Foreign("organiser", "POST", "/api/congresses/{congress}/delegates/from-election", "{\"electionId\":\"%s\"}", "{otherElection}"));
        f.add(new Foreign("organiser", "POST", "/api/elections/{election}/candidates", "{\"personId\":\"%s\",\"source\":\"OUTGOING_COMMITTEE\"}", "{otherPerson}"));
        f.add(new Foreign("organiser", "POST", "/api/elections/{election}/candidates", "{\"personId\":\"{person}\",\"source\":\"DELEGATE\",\"nominatedByDelegateId\":\"%s\"}", "{otherDelegate}"));
        f.add(new Foreign("organiser", "POST", "/api/elections/{election}/rounds/1/late-voters", "{\"delegateId\":\"%s\",\"decisionReference\":\"QĐ\"}", "{otherDelegate}"));
        f.add(new Foreign("organiser", "POST", "/api/elections/{election}/rounds/1/paper-ballots", "{\"delegateId\":\"%s\"}", "{otherDelegate}"));
        f.add(new Foreign("organiser", "POST", "/api/elections/{election}/rounds/1/paper-ballots/spoiled", "{\"delegateId\":\"%s\"}", "{otherDelegate}"));
        f.add(new Foreign("organiser", "POST", "/api/congresses/{congress}/confidence-votes", "{\"officials\":[{\"personId\":\"%s\",\"office\":\"Chủ tịch\"}]}", "{otherPerson}"));
        f.add(new Foreign("organiser", "POST", "/api/units/{unit}/terms", "{\"electionIds\":[\"%s\"]}", "{otherElection}"));
        f.add(new Foreign("organiser", "POST", "/api/terms/{term}/by-elections", "{\"electionId\":\"%s\",\"startedOn\":\"2019-01-01\"}", "{otherElection}"));
        f.add(new Foreign("above", "POST", "/api/units/{unit}/terms/import", "{\"term\":{\"startYear\":2012,\"endYear\":2017},\"congressOrdinal\":8,\"seats\":5,\"recognisedOn\":\"2012-06-01\",\"decision\":{\"number\":\"1/QĐ\"},\"holdings\":[{\"personId\":\"%s\",\"office\":\"CHAIR\"}]}", "{otherPerson}"));
        f.add(new Foreign("above", "POST", "/api/units/{unit}/terms/provisional", "{\"term\":{\"startYear\":2023,\"endYear\":2028},\"reason\":\"COMMITTEE_DISSOLVED\",\"appointedOn\":\"2024-01-01\",\"decision\":{\"number\":\"1/QĐ\"},\"seats\":3,\"members\":[{\"personId\":\"%s\",\"office\":\"COMMITTEE_MEMBER\"}]}", "{otherPerson}"));
        f.add(new Foreign("above", "POST", "/api/terms/{term}/appointments", "{\"personId\":\"%s\",\"office\":\"VICE_CHAIR\",\"startedOn\":\"2019-01-01\",\"decision\":{\"number\":\"1/QĐ\"}}", "{otherPerson}"));
        f.add(new Foreign("above", "POST", "/api/accounts", "{\"username\":\"foreign-x\",\"password\":\"long-enough-pw\",\"grants\":[{\"role\":\"AUDITOR\",\"scopeId\":\"%s\"}]}", "{otherUnit}"));
        f.add(new Foreign("above", "POST", "/api/accounts", "{\"username\":\"foreign-y\",\"password\":\"long-enough-pw\",\"grants\":[{\"role\":\"COUNTING\",\"scopeId\":\"%s\"}]}", "{otherCongress}"));
        f.add(new Foreign("above", "POST", "/api/accounts/{account}/grants", "{\"role\":\"ORGANISER\",\"scopeId\":\"%s\"}", "{otherUnit}"));
        List<Foreign> resolved = new ArrayList<>();
        for (Foreign x : f) {
            Row attack = row(x.method(), x.path(), x.path(), x.attack().formatted(x.control()), List.of());
            Row control = row(x.method(), x.path(), x.path(), x.attack().formatted(none), List.of());
            resolved.add(new Foreign(x.who(), x.method(), attack.path(), attack.body(), control.body()));
        }
        return resolved;
    }

    @Test
    void idsOfAnotherScopeInTheBodyAreRefusedWritingNothing() {
        List<Long> before = written();
        List<String> failures = new ArrayList<>();
        for (Foreign f : foreignBodies()) {
            Row attack = new Row(f.method(), f.path(), f.path(), f.attack(), List.of());
            Answer a = call(callers.get(f.who()), attack);
            if (a.status() != 403 || !"forbidden".equals(a.body().path("code").asText())) {
                failures.add("attack " + f.who() + " → " + f.path() + " " + f.attack() + " = " + a.status() + " " + a.raw());
            }
            Answer c = call(callers.get(f.who()), new Row(f.method(), f.path(), f.path(), f.control(), List.of()));
            if (c.status() == 403 || c.status() < 400 || c.status() >= 500) {
                failures.add("control " + f.who() + " → " + f.path() + " " + f.control() + " = " + c.status() + " " + c.raw());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(written()).as("events and rows after the refused requests").isEqualTo(before);
    }

    @Test
    void theForestShowsEachCallerOnlyTheSubtreesGrantedToHim() {
        Answer outsider = callers.get("outsider").get("/api/units");
        assertThat(outsider.raw()).doesNotContain(a.province).doesNotContain(a.branch);
        for (String who : OTHER_SCOPE) {
            Answer other = callers.get(who).get("/api/units");
            assertThat(other.raw()).as(who).doesNotContain(a.province).doesNotContain(a.upper).doesNotContain(a.branch);
        }
        Answer auditor = callers.get("auditor").get("/api/units");
        assertThat(auditor.raw()).contains(a.province).contains(a.branch);
    }

    @Test
    void thePublicEndpointsAreExactlyThoseTheReadmeLists() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("<!-- public-endpoints -->");
        int end = readme.indexOf("<!-- /public-endpoints -->");
        assertThat(start).isNotNegative();
        Matcher m = Pattern.compile("`(GET|POST) ([^`]+)`").matcher(readme.substring(start, end));
        Set<String> listed = new TreeSet<>();
        while (m.find()) listed.add(m.group(1) + " " + m.group(2));
        assertThat(listed).isEqualTo(publicPairs());
    }
}
