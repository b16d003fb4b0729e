package vn.daihoi.seed;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import vn.daihoi.seed.ScenarioLoader.Report;
import vn.daihoi.seed.ScenarioLoader.Step;
import vn.daihoi.seed.ScenarioLoader.Tally;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Http.Answer;
import vn.daihoi.support.Http;
import vn.daihoi.verifier.Verifier;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped seeds, loaded through the loader bean and read back over the HTTP API as the administrator.
 * The test database is shared by every test class of the run and the seeds' codes are fixed, so the Sóc Trăng
 * file is loaded first (the order below) and everything is looked up by code or by the seed's own ids.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedLoadingTest extends ApiTest {

    @Autowired
    ScenarioLoader loader;

    @Test
    @Order(1)
    void theSocTrangPilotCongressLoadsThroughTheCommandsAndLoadingItAgainAddsNothing() throws IOException {
        Scenario scenario = ScenarioFilesTest.read(ScenarioFilesTest.SOC_TRANG);
        Report first = loader.load(scenario);
        assertThat(first.steps()).containsEntry(Step.UNITS, new Tally(3, 0)).containsEntry(Step.PEOPLE, new Tally(26, 0))
                .containsEntry(Step.CONGRESSES, new Tally(3, 0)).containsEntry(Step.DELEGATES, new Tally(26 + 5 + 4, 0))
                .containsEntry(Step.CHECK_INS, new Tally(23 + 5 + 4, 0)).containsEntry(Step.SESSIONS, new Tally(3, 0))
                .containsEntry(Step.DECISIONS, new Tally(6 + 5 + 2, 0)).containsEntry(Step.ELECTIONS, new Tally(1 + 4 + 1, 0))
                .containsEntry(Step.BALLOTS, new Tally(22 + 4 * 5 + 4, 0)).containsEntry(Step.TERMS, new Tally(2, 0))
                .containsEntry(Step.TERM_CHANGES, new Tally(1 + 2, 0));

        Http admin = admin();
        JsonNode branch = get(admin, "/api/units/by-code/CDCS-SNV-ST?asOf=2023-04-14");
        assertThat(branch.path("unit").path("name").asText()).isEqualTo("Công đoàn cơ sở Sở Nội vụ tỉnh Sóc Trăng");
        assertThat(branch.path("unit").path("kind").asText()).isEqualTo("BRANCH_UNION");
        assertThat(codes(branch.path("ancestors"))).containsExactly("CDVC-ST", "LDLD-ST");
        String upperId = branch.path("ancestors").get(0).path("unitId").asText();

        String congressId = ScenarioLoader.id(scenario, "congress", "snv-x-2023");
        JsonNode dashboard = get(admin, "/api/congresses/" + congressId);
        JsonNode congress = dashboard.path("congress");
        assertThat(congress.path("unitId").asText()).isEqualTo(branch.path("unit").path("unitId").asText());
        assertThat(congress.path("pilot").asBoolean()).isTrue();
        assertThat(congress.path("pilotChosenByUnitId").asText()).isEqualTo(upperId);
        assertThat(congress.path("ordinal").asInt()).isEqualTo(10);
        assertThat(congress.path("ordinalRoman").asText()).isEqualTo("X");
        assertThat(congress.path("kind").asText()).isEqualTo("ALL_MEMBER");
        assertThat(congress.path("status").asText()).isEqualTo("IN_SESSION");
        assertThat(congress.path("approvedSeats").asInt()).as("the committee size the congress approved").isEqualTo(5);
        assertThat(dashboard.path("summoned").asInt()).isEqualTo(25);
        assertThat(dashboard.path("present").asInt()).isEqualTo(22);
        assertThat(dashboard.path("quorumMet").asBoolean()).as("R-13: 3 × 22 ≥ 2 × 25").isTrue();
        assertThat(dashboard.path("guests").asInt()).isEqualTo(1);
        assertThat(dashboard.path("guestsPresent").asInt()).isEqualTo(1);
        JsonNode decisions = dashboard.path("decisions");
        assertThat(decisions).hasSize(6).allSatisfy(d -> {
            assertThat(d.path("passed").asBoolean()).as(d.path("title").asText()).isTrue();
            assertThat(d.path("attendance").path("present").asInt()).isEqualTo(22);
        });
        List<String> subjects = new ArrayList<>();
        decisions.forEach(d -> subjects.add(d.path("subject").asText()));
        assertThat(subjects).containsExactlyInAnyOrder("PRESIDIUM", "SECRETARIAT", "AGENDA", "COMMITTEE_SIZE",
                "CANDIDATE_LIST", "COUNTING_COMMITTEE");

        JsonNode roll = get(admin, "/api/congresses/" + congressId + "/delegates").path("delegates");
        assertThat(roll).hasSize(26);
        List<String> names = new ArrayList<>();
        roll.forEach(d -> names.add(d.path("fullName").asText()));
        assertThat(names).containsExactlyInAnyOrderElementsOf(scenario.people().stream().map(Scenario.Person::fullName).toList());
        assertThat(roll).filteredOn(d -> d.path("votes").asBoolean() && d.path("present").asBoolean()).hasSize(22)
                .allSatisfy(d -> assertThat(d.path("hasCredential").asBoolean()).isTrue());
        assertThat(roll).filteredOn(d -> d.path("code").asText().equals("KM01")).singleElement().satisfies(guest -> {
            assertThat(guest.path("category").asText()).isEqualTo("GUEST");
            assertThat(guest.path("present").asBoolean()).isTrue();
            assertThat(guest.path("hasCredential").asBoolean()).as("guests never vote").isFalse();
        });
        assertThat(roll.get(0).path("delegateId").asText())
                .as("the HTTP API's own delegate id scheme").isEqualTo(ScenarioLoader.delegateId(congressId, "DV01"));

        // R-26: the invented counts elect five of seven, each with more than half of the 22 ballots collected.
        String electionId = ScenarioLoader.id(scenario, "election", "snv-x-2023/bch");
        JsonNode counted = get(admin, "/api/elections/" + electionId + "/rounds/1");
        assertThat(counted.path("collected").asInt()).isEqualTo(22);
        Map<String, Integer> votes = new java.util.HashMap<>();
        List<String> elected = new ArrayList<>();
        for (JsonNode line : counted.path("lines")) {
            votes.put(line.path("fullName").asText(), line.path("votes").asInt());
            if (line.path("outcome").asText().equals("ELECTED")) elected.add(line.path("fullName").asText());
        }
        assertThat(votes).containsEntry("Lâm Thị Ngọc Hân", 21).containsEntry("Trần Quốc Bảo", 18)
                .containsEntry("Sơn Văn Hiền", 9).containsEntry("Ngô Thanh Phong", 6);
        assertThat(elected).containsExactlyInAnyOrder("Lâm Thị Ngọc Hân", "Trần Quốc Bảo", "Huỳnh Thị Kim Loan",
                "Lê Minh Triết", "Đặng Thị Hồng Nhung");

        // R-41: the committee's first meeting re-elects the chair and elects the inspection committee.
        JsonNode meeting = get(admin, "/api/congresses/" + ScenarioLoader.id(scenario, "congress", "snv-x-2023-hn1")).path("congress");
        assertThat(meeting.path("kind").asText()).isEqualTo("COMMITTEE_MEETING");
        assertThat(meeting.path("purpose").asText()).isEqualTo("FIRST_MEETING");
        assertThat(meeting.path("ofCongressId").asText()).isEqualTo(congressId);
        JsonNode chair = get(admin, "/api/elections/" + ScenarioLoader.id(scenario, "election", "snv-x-2023-hn1/chair") + "/rounds/1");
        assertThat(chair.path("lines").get(0).path("fullName").asText()).isEqualTo("Lâm Thị Ngọc Hân");
        assertThat(chair.path("lines").get(0).path("outcome").asText()).isEqualTo("ELECTED");
        JsonNode inspection = get(admin, "/api/elections/" + ScenarioLoader.id(scenario, "election", "snv-x-2023-hn1/inspection") + "/rounds/1");
        List<String> inspectors = new ArrayList<>();
        inspection.path("lines").forEach(l -> { if (l.path("outcome").asText().equals("ELECTED")) inspectors.add(l.path("fullName").asText()); });
        assertThat(inspectors).containsExactlyInAnyOrder("Huỳnh Thị Kim Loan", "Hồ Thị Tuyết Mai", "Lê Minh Triết");

        long events = eventCount();
        Report again = loader.load(ScenarioFilesTest.read(ScenarioFilesTest.SOC_TRANG));
        assertThat(again.created()).isZero();
        assertThat(again.skipped()).isEqualTo(first.created());
        assertThat(eventCount()).as("no event written by the second load").isEqualTo(events);
        assertThat(get(admin, "/api/congresses/" + congressId + "/delegates").path("delegates")).hasSize(26);
        assertThat(get(admin, "/api/congresses/" + congressId).path("decisions")).hasSize(6);
        assertThat(get(admin, "/api/units/" + upperId + "/children?asOf=2023-04-14"))
                .filteredOn(u -> u.path("code").asText().equals("CDCS-SNV-ST")).hasSize(1);
    }

    @Test
    @Order(2)
    void theNgaNamFederationHangsItsBranchesUnderTheProvinceAlreadyThere() throws IOException {
        loader.load(ScenarioFilesTest.read(ScenarioFilesTest.SOC_TRANG)); // a no-op after the test above
        Http admin = admin();
        String province = get(admin, "/api/units/by-code/LDLD-ST").path("unit").path("unitId").asText();

        Report report = loader.load(ScenarioFilesTest.read(ScenarioFilesTest.NGA_NAM));
        assertThat(report.of(Step.UNITS)).as("the province is skipped, the town and its 12 branches created")
                .isEqualTo(new Tally(13, 1));

        JsonNode town = get(admin, "/api/units/by-code/LDLD-NN?asOf=2023-06-01");
        assertThat(town.path("unit").path("name").asText()).isEqualTo("Liên đoàn Lao động thị xã Ngã Năm");
        assertThat(town.path("unit").path("parentUnitId").asText()).as("the same province, not a copy").isEqualTo(province);
        JsonNode branches = get(admin, "/api/units/" + town.path("unit").path("unitId").asText() + "/children?asOf=2023-06-01");
        assertThat(branches).hasSize(12).allSatisfy(b -> {
            assertThat(b.path("kind").asText()).isEqualTo("BRANCH_UNION");
            assertThat(b.path("name").asText()).startsWith("Công đoàn cơ sở ");
        });
        assertThat(codes(branches)).contains("CDCS-NN-P1", "CDCS-NN-THVQ", "CDCS-NN-TTYT");
        assertThat(codes(get(admin, "/api/units/" + province + "/children?asOf=2023-06-01"))).contains("CDVC-ST", "LDLD-NN");

        long events = eventCount();
        Report again = loader.load(ScenarioFilesTest.read(ScenarioFilesTest.NGA_NAM));
        assertThat(again.created()).isZero();
        assertThat(again.of(Step.UNITS)).isEqualTo(new Tally(0, 14));
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    @Order(3)
    void theCaoBangConfidenceVoteShowsEachPersonsCountsAndTheThreeFlagsOfR64() throws IOException {
        Scenario scenario = ScenarioFilesTest.read(ScenarioFilesTest.CAO_BANG);
        Report report = loader.load(scenario);
        assertThat(report.of(Step.CONFIDENCE_VOTES)).isEqualTo(new Tally(1, 0));
        assertThat(report.of(Step.BALLOTS)).isEqualTo(new Tally(18, 0));

        String voteId = ScenarioLoader.id(scenario, "election", "hn-giua-nhiem-ky-2021/tin-nhiem-2021");
        JsonNode results = get(admin(), "/api/confidence-votes/" + voteId + "/rounds/1/results");
        assertThat(results.path("status").asText()).isEqualTo("COUNTED");
        assertThat(results.path("issued").asInt()).as("R-63: the 19 voters present were each issued a ballot").isEqualTo(19);
        assertThat(results.path("collected").asInt()).isEqualTo(18);
        Map<String, JsonNode> byName = new java.util.LinkedHashMap<>();
        results.path("people").forEach(p -> byName.put(p.path("fullName").asText(), p));
        assertThat(byName).hasSize(7);
        byName.values().forEach(p -> {
            assertThat(p.path("issued").asInt()).isEqualTo(19);
            assertThat(p.path("collected").asInt()).isEqualTo(18);
        });
        JsonNode dismissal = byName.get("Lục Văn Thành");
        assertThat(dismissal.path("low").asInt()).isEqualTo(12);
        assertThat(dismissal.path("percentLow").asText()).isEqualTo("66.67");
        assertThat(dismissal.path("flaggedForDismissal").asBoolean()).as("R-64: 12 of 18 is 2/3").isTrue();
        JsonNode review = byName.get("Bế Thị Nguyệt");
        assertThat(review.path("low").asInt()).isEqualTo(10);
        assertThat(review.path("flaggedForReview").asBoolean()).as("R-64: 10 of 18 is more than half").isTrue();
        assertThat(review.path("flaggedForDismissal").asBoolean()).isFalse();
        JsonNode half = byName.get("Triệu Đức Mạnh");
        assertThat(half.path("low").asInt()).isEqualTo(9);
        assertThat(half.path("percentLow").asText()).isEqualTo("50.00");
        assertThat(half.path("flaggedForReview").asBoolean()).as("R-64: exactly half is not flagged").isFalse();
        JsonNode unrated = byName.get("Đàm Thị Lan");
        assertThat(List.of(unrated.path("valid").asInt(), unrated.path("invalid").asInt())).as("R-62: one line left unrated")
                .containsExactly(17, 1);
        assertThat(byName.get("Nông Văn Quang").path("office").asText()).isEqualTo("Chủ tịch");

        long events = eventCount();
        assertThat(loader.load(ScenarioFilesTest.read(ScenarioFilesTest.CAO_BANG)).created()).isZero();
        assertThat(eventCount()).isEqualTo(events);
    }

    /**
     * Issue 5, acceptance 1 and 5, on the seeds: a federation auditor reads the Sóc Trăng branch's two terms, who
     * was chair on 2024-06-01 and the chair's history across both; the Cao Bằng auditor reads none of it.
     */
    @Test
    @Order(4)
    void aFederationAuditorReadsTheBranchsTermsWhoWasChairOnADateAndTheChairsHistoryAcrossBothTerms() throws IOException {
        Scenario socTrang = ScenarioFilesTest.read(ScenarioFilesTest.SOC_TRANG);
        loader.load(socTrang);
        loader.load(ScenarioFilesTest.read(ScenarioFilesTest.CAO_BANG));
        Http admin = admin();
        String province = get(admin, "/api/units/by-code/LDLD-ST").path("unit").path("unitId").asText();
        String branch = get(admin, "/api/units/by-code/CDCS-SNV-ST").path("unit").path("unitId").asText();
        Http auditor = account("AUDITOR", province);

        JsonNode terms = get(auditor, "/api/units/" + branch + "/terms").path("terms");
        Map<Integer, JsonNode> byStart = new java.util.HashMap<>();
        terms.forEach(t -> byStart.put(t.path("term").path("startYear").asInt(), t));
        assertThat(byStart).containsOnlyKeys(2017, 2023);
        JsonNode past = byStart.get(2017);
        assertThat(past.path("imported").asBoolean()).as("the 2017–2023 term was imported, not staged").isTrue();
        assertThat(past.path("termShiftMonths").asInt()).isEqualTo(12);
        assertThat(past.path("chair").get(0).path("fullName").asText()).isEqualTo("Lâm Thị Ngọc Hân");
        JsonNode current = byStart.get(2023);
        assertThat(current.path("status").asText()).isEqualTo("RECOGNISED");
        assertThat(current.path("imported").asBoolean()).isFalse();
        assertThat(current.path("congressOrdinal").asInt()).isEqualTo(10);
        assertThat(current.path("chair")).singleElement().satisfies(h -> {
            assertThat(h.path("fullName").asText()).isEqualTo("Lâm Thị Ngọc Hân");
            assertThat(h.path("began").asText()).isEqualTo("ELECTED_AT_FIRST_MEETING");
            assertThat(h.path("startedOn").asText()).as("R-42: from recognition").isEqualTo("2023-05-08");
        });
        assertThat(current.path("inspectionChair").get(0).path("fullName").asText()).isEqualTo("Huỳnh Thị Kim Loan");
        List<String> changes = new ArrayList<>();
        current.path("changes").forEach(ch -> changes.add(ch.toString()));
        assertThat(String.join("\n", changes)).as("the resignation and the by-election are on record")
                .contains("2025-01-15").contains("2025-03-20");
        List<String> committeeNow = new ArrayList<>();
        get(auditor, "/api/units/" + branch + "/office-holders?on=2025-06-01").path("holdings").forEach(h -> {
            if (h.path("office").asText().equals("COMMITTEE_MEMBER")) committeeNow.add(h.path("fullName").asText());
        });
        assertThat(committeeNow).as("Triết resigned, Hiền was by-elected").contains("Sơn Văn Hiền").doesNotContain("Lê Minh Triết").hasSize(5);

        List<JsonNode> chairOn = new ArrayList<>();
        get(auditor, "/api/units/" + branch + "/office-holders?on=2024-06-01").path("holdings").forEach(h -> {
            if (h.path("office").asText().equals("CHAIR")) chairOn.add(h);
        });
        assertThat(chairOn).singleElement().satisfies(h -> {
            assertThat(h.path("fullName").asText()).isEqualTo("Lâm Thị Ngọc Hân");
            assertThat(h.path("term").path("startYear").asInt()).isEqualTo(2023);
        });

        String chairId = ScenarioLoader.id(socTrang, "person", "lam-thi-ngoc-han");
        List<JsonNode> chairHistory = new ArrayList<>();
        get(auditor, "/api/people/" + chairId + "/offices").path("holdings").forEach(h -> {
            if (h.path("office").asText().equals("CHAIR")) chairHistory.add(h);
        });
        assertThat(chairHistory).extracting(h -> h.path("term").path("startYear").asInt()).containsExactly(2017, 2023);
        assertThat(chairHistory.get(0).path("endedOn").asText()).isEqualTo("2023-05-08");
        assertThat(chairHistory.get(0).path("imported").asBoolean()).isTrue();

        String caoBang = get(admin, "/api/units/by-code/LDLD-CB").path("unit").path("unitId").asText();
        Http otherAuditor = account("AUDITOR", caoBang);
        for (String path : List.of("/api/units/" + branch + "/terms", "/api/units/" + branch + "/office-holders?on=2024-06-01",
                "/api/terms/" + current.path("leadershipId").asText())) {
            Answer refused = otherAuditor.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(otherAuditor.get("/api/units/" + caoBang + "/terms").status()).isEqualTo(200);
    }

    private static JsonNode get(Http http, String path) {
        Answer a = http.get(path);
        assertThat(a.status()).as(path + " → " + a.raw()).isEqualTo(200);
        return a.body();
    }

    private static List<String> codes(JsonNode units) {
        List<String> codes = new ArrayList<>();
        units.forEach(u -> codes.add(u.path("code").asText()));
        return codes;
    }

    private String bundleCongressId;
    private String bundleElectionId;

    private void loadSeed() throws Exception {
        Scenario scenario = ScenarioFilesTest.read(ScenarioFilesTest.SOC_TRANG);
        loader.load(scenario);
        bundleCongressId = ScenarioLoader.id(scenario, "congress", "snv-x-2023");
        bundleElectionId = ScenarioLoader.id(scenario, "election", "snv-x-2023/bch");
        // The round's signed checkpoint is made by the checkpoint worker shortly after the count.
        for (int i = 0; i < 100; i++) {
            Integer made = jdbc.queryForObject("select count(*) from checkpoint where kind = 'round' and subject = ?", Integer.class, bundleElectionId + "#1");
            if (made != null && made > 0) return;
            Thread.sleep(100);
        }
        throw new AssertionError("no round checkpoint for the seeded election");
    }

    private byte[] bundle() {
        return admin().getBytes("/api/congresses/" + bundleCongressId + "/bundle");
    }

    private static vn.daihoi.verifier.Report verifier(byte[] zip) throws Exception {
        return new Verifier(Set.of()).verify(zip);
    }

    private JsonNode verifyEndpoint() {
        Http.Answer a = admin().post("/api/operations/verify", "");
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        return a.body();
    }

    private static List<String> kinds(JsonNode v) {
        List<String> out = new ArrayList<>();
        v.path("findings").forEach(f -> out.add(f.path("kind").asText() + " " + f.path("where").asText()));
        return out;
    }

    /**
     * Issue 10, acceptance 3, end to end across the two codebases: the bundle of the seeded pilot congress, exported
     * by the product, verifies with the independent verifier — as a library and as {@code java -jar verifier.jar
     * bundle.zip} — and one changed byte of an event, one published ballot or one result in the database makes both
     * the product's verify endpoint and the verifier fail, naming what changed.
     */
    @Test
    @Order(5)
    void theSeededPilotCongressBundleVerifiesAndEveryChangeIsNamedByBothCheckers() throws Exception {
        loadSeed();
        byte[] intact = bundle();
        vn.daihoi.verifier.Report report = verifier(intact);
        assertThat(report.passed()).as(report.text()).isTrue();
        assertThat(report.text()).contains("vòng 1: ĐÚNG").contains("round 1: VALID").contains("22 ballots collected");
        assertThat(verifyEndpoint().path("intact").asBoolean()).as(verifyEndpoint().toString()).isTrue();

        // As an auditor would run it: the shaded jar, on the file, exit code 0 (1 on a changed bundle).
        Path jar = Path.of("..", "query-side", "verifier", "target", "verifier.jar");
        assertThat(jar).as("the verifier jar, built before ui-api's tests").exists();
        Path file = Files.createTempFile("bundle-", ".zip");
        Files.write(file, intact);
        assertThat(runJar(jar, file)).isZero();

        // One byte of the counting event.
        Long counted = jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = 'vn.daihoi.election.RoundCounted'", Long.class, bundleElectionId);
        Long sequence = jdbc.queryForObject("select sequence_number from domain_event_entry where global_index = ?", Long.class, counted);
        byte[] before = jdbc.queryForObject("select payload from domain_event_entry where global_index = ?", byte[].class, counted);
        jdbc.update("update domain_event_entry set payload = set_byte(payload, 40, get_byte(payload, 40) # 1) where global_index = ?", counted);
        try {
            assertThat(kinds(verifyEndpoint())).contains("event-altered " + bundleElectionId + "#" + sequence);
            byte[] changed = bundle();
            vn.daihoi.verifier.Report r = verifier(changed);
            assertThat(r.passed()).isFalse();
            assertThat(r.text()).contains("Stream " + bundleElectionId + ", sequence " + sequence + ": the hash does not recompute");
            Files.write(file, changed);
            assertThat(runJar(jar, file)).isEqualTo(1);
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", before, counted);
        }

        // One published ballot in the read model: a ballot that kept names keeps one fewer.
        Integer position = jdbc.queryForObject("select min(position) from published_ballot where election_id = ? and round = 1 "
                + "and cardinality(kept) >= 2", Integer.class, bundleElectionId);
        List<String> kept = jdbc.queryForList("select unnest(kept) from published_ballot where election_id = ? and round = 1 and position = ?",
                String.class, bundleElectionId, position);
        jdbc.update("update published_ballot set kept = kept[2:] where election_id = ? and round = 1 and position = ?", bundleElectionId, position);
        try {
            assertThat(kinds(verifyEndpoint())).anyMatch(k -> k.startsWith("ballot-altered " + bundleElectionId));
            vn.daihoi.verifier.Report r = verifier(bundle());
            assertThat(r.passed()).isFalse();
            assertThat(r.text()).contains("the published ballots in ballots.json differ from the counting event's");
        } finally {
            jdbc.update(con -> {
                var ps = con.prepareStatement("update published_ballot set kept = ? where election_id = ? and round = 1 and position = ?");
                ps.setArray(1, con.createArrayOf("varchar", kept.toArray()));
                ps.setString(2, bundleElectionId);
                ps.setInt(3, position);
                return ps;
            });
        }

        // One result in the read model: the first candidate one vote fewer.
        jdbc.update("update round_result_line set votes = votes - 1 where election_id = ? and round = 1 and rank = 1", bundleElectionId);
        try {
            assertThat(kinds(verifyEndpoint())).anyMatch(k -> k.startsWith("result-altered " + bundleElectionId));
            vn.daihoi.verifier.Report r = verifier(bundle());
            assertThat(r.passed()).isFalse();
            assertThat(r.text()).contains("results.json differs");
        } finally {
            jdbc.update("update round_result_line set votes = votes + 1 where election_id = ? and round = 1 and rank = 1", bundleElectionId);
        }

        assertThat(verifyEndpoint().path("intact").asBoolean()).isTrue();
        assertThat(verifier(bundle()).passed()).isTrue();
        Files.deleteIfExists(file);
    }

    private static int runJar(Path jar, Path bundle) throws Exception {
        File out = Files.createTempFile("verifier-", ".txt").toFile();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), bundle.toString())
                .redirectErrorStream(true).redirectOutput(out).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        assertThat(text).as("the report, Vietnamese then English").contains("Đại hội").contains("Congress");
        out.delete();
        return p.exitValue();
    }

    /** Issue 12, acceptance 7: the seeded congress's documents (JUnit runs a nested class after its enclosing class's tests). */
    @Nested
    class OfficialDocuments extends OfficialDocumentsChecks {}
}
