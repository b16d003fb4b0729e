package vn.daihoi.account;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, finding 4 (ADR 0013): rights follow the scope of the data, not only the role. Two provinces, each with
 * its congress in session; every attack is made by the rightful role of the other province (or by a role that
 * never has the right), answers 403 {@code forbidden}, and writes nothing: no event, no row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataScopeApiTest extends ApiTest {

    private CongressInSession here;
    private CongressInSession there;
    private String candidatePersonId;
    private String rollPersonId;

    @BeforeAll
    void twoProvinces() {
        here = new CongressInSession(this, 3, 1);
        there = new CongressInSession(this, 2, 1);
        rollPersonId = here.personIds.get(2);
        candidatePersonId = here.personIds.get(1);
        Answer election = here.organiser.post(here.path("/elections"), "{\"body\":\"CHAIR\"}");
        assertThat(election.status()).as(election.raw()).isEqualTo(201);
        Answer nominated = here.organiser.post("/api/elections/" + election.body().path("electionId").asText() + "/candidates",
                "{\"personId\":\"" + candidatePersonId + "\",\"source\":\"OUTGOING_COMMITTEE\"}");
        assertThat(nominated.status()).as(nominated.raw()).isEqualTo(200);
    }

    /** Counts of the event store and of every table an attack below could touch. */
    private List<Long> written() {
        return List.of(eventCount(),
                count("person_view"), count("unit_summary"), count("unit_version"), count("account"), count("account_grant"),
                count("person_registration"), count("account_audit"));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private void refusedWritingNothing(Supplier<Answer> attack) {
        List<Long> before = written();
        Answer a = attack.get();
        assertThat(a.status()).as(a.raw()).isEqualTo(403);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().path("code").asText()).isEqualTo("forbidden");
        assertThat(written()).as("events and rows after a refused request").isEqualTo(before);
    }

    // ---- (a) personal data ---------------------------------------------------------------------------------------

    @Test
    void anOrganiserOfAnotherProvinceCannotReadAPersonOnThisProvincesRoll() {
        refusedWritingNothing(() -> there.organiser.get("/api/people/" + rollPersonId));
        assertThat(here.organiser.get("/api/people/" + rollPersonId).status()).isEqualTo(200);
    }

    @Test
    void anOrganiserOfAnotherProvinceCannotCorrectAnotherCongresssCandidate() {
        String name = jdbc.queryForObject("select full_name from person_view where person_id = ?", String.class, candidatePersonId);
        refusedWritingNothing(() -> there.organiser.post("/api/people/" + candidatePersonId + "/correct", "{\"fullName\":\"Kẻ Mạo Danh (hư cấu)\"}"));
        assertThat(jdbc.queryForObject("select full_name from person_view where person_id = ?", String.class, candidatePersonId)).isEqualTo(name);
        Answer own = here.organiser.post("/api/people/" + candidatePersonId + "/correct", "{\"fullName\":\"Tên Đúng (hư cấu)\"}");
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        assertThat(own.body().path("fullName").asText()).isEqualTo("Tên Đúng (hư cấu)");
    }

    @Test
    void anOrganiserReadsThePersonHeJustRegisteredAndTheUnitsAboveHimDoButNoOtherProvince() {
        Answer registered = here.organiser.post("/api/people", "{\"fullName\":\"Người Mới Đăng Ký (hư cấu)\",\"birthDate\":\"1980-02-03\"}");
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String id = registered.body().path("personId").asText();
        assertThat(here.organiser.get("/api/people/" + id).body().path("birthDate").asText()).isEqualTo("1980-02-03");
        assertThat(account("ORGANISER", here.scenario.province).get("/api/people/" + id).status()).isEqualTo(200);
        refusedWritingNothing(() -> there.organiser.get("/api/people/" + id));
        refusedWritingNothing(() -> there.organiser.post("/api/people/" + id + "/correct", "{\"fullName\":\"Kẻ Mạo Danh (hư cấu)\"}"));
        // The registering unit is recorded, not the account: a colleague of the same union finds him too.
        assertThat(account("ORGANISER", here.scenario.branch).get("/api/people/" + id).status()).isEqualTo(200);
    }

    @Test
    void anOrganiserCannotPutAPersonOfAnotherProvinceOnHisRollOrListToReachHisData() {
        refusedWritingNothing(() -> there.organiser.post(there.path("/delegates"), "{\"personId\":\"" + rollPersonId + "\",\"code\":\"X1\"}"));
        refusedWritingNothing(() -> there.organiser.get("/api/people/" + rollPersonId));
    }

    // ---- (b) structure -------------------------------------------------------------------------------------------

    @Test
    void aSplitCannotPlaceANewUnitUnderAnotherProvincesUnit() {
        Http organiser = account("ORGANISER", here.scenario.branch);
        String section = new vn.daihoi.support.Scenario(admin()).unit("TO1", "Tổ công đoàn 1", "SECTION", here.scenario.branch);
        String split = """
                {"into":[{"code":"TACH-%s","name":"Tổ tách ra","kind":"SECTION","parentUnitId":"%s"}],"sourceContinues":true,
                 "effectiveOn":"2025-07-01","decision":{"number":"9/QĐ"}}""";
        refusedWritingNothing(() -> organiser.post("/api/units/" + section + "/split", split.formatted("A", there.scenario.branch)));
        refusedWritingNothing(() -> organiser.post("/api/units/" + section + "/split", split.formatted("B", there.scenario.province)));
        Answer own = organiser.post("/api/units/" + section + "/split", split.formatted("C", here.scenario.branch));
        assertThat(own.status()).as(own.raw()).isEqualTo(201);
    }

    // ---- (c), (d) accounts ---------------------------------------------------------------------------------------

    @Test
    void aVoterCannotCreateAnAccount() {
        refusedWritingNothing(() -> here.voters.get(0).post("/api/accounts", "{\"username\":\"voter-made\",\"password\":\"long-enough-pw\",\"grants\":[]}"));
    }

    @Test
    void anAuditorCannotCreateAnAccount() {
        Http auditor = account("AUDITOR", here.scenario.province);
        refusedWritingNothing(() -> auditor.post("/api/accounts", "{\"username\":\"auditor-made\",\"password\":\"long-enough-pw\",\"grants\":[]}"));
        refusedWritingNothing(() -> auditor.post("/api/accounts", """
                {"username":"auditor-made2","password":"long-enough-pw","grants":[{"role":"AUDITOR","scopeId":"%s"}]}"""
                .formatted(here.scenario.branch)));
    }

    @Test
    void aCountingMemberCannotCreateAnAccount() {
        Http counting = account("COUNTING", here.scenario.congress);
        refusedWritingNothing(() -> counting.post("/api/accounts", "{\"username\":\"counting-made\",\"password\":\"long-enough-pw\",\"grants\":[]}"));
    }

    @Test
    void anOrganiserCreatesAccountsOnlyWithGrantsWithinAndBelowHisUnits() {
        Http upper = account("ORGANISER", here.scenario.upper);
        String create = "{\"username\":\"%s\",\"password\":\"long-enough-pw\",\"grants\":[%s]}";
        refusedWritingNothing(() -> upper.post("/api/accounts", create.formatted("org-empty", "")));
        refusedWritingNothing(() -> upper.post("/api/accounts", create.formatted("org-admin", "{\"role\":\"ADMIN\"}")));
        refusedWritingNothing(() -> upper.post("/api/accounts", create.formatted("org-above",
                "{\"role\":\"ORGANISER\",\"scopeId\":\"" + here.scenario.province + "\"}")));
        refusedWritingNothing(() -> upper.post("/api/accounts", create.formatted("org-other",
                "{\"role\":\"AUDITOR\",\"scopeId\":\"" + there.scenario.branch + "\"}")));
        refusedWritingNothing(() -> upper.post("/api/accounts", create.formatted("org-other-counting",
                "{\"role\":\"COUNTING\",\"scopeId\":\"" + there.scenario.congress + "\"}")));
        refusedWritingNothing(() -> upper.post("/api/accounts", ("{\"username\":\"org-person\",\"password\":\"long-enough-pw\",\"personId\":\"%s\","
                + "\"grants\":[{\"role\":\"COUNTING\",\"scopeId\":\"%s\"}]}").formatted(there.personIds.get(0), here.scenario.congress)));
        Answer counting = upper.post("/api/accounts", create.formatted("org-counting",
                "{\"role\":\"COUNTING\",\"scopeId\":\"" + here.scenario.congress + "\"}"));
        assertThat(counting.status()).as(counting.raw()).isEqualTo(201);
        Answer below = upper.post("/api/accounts", create.formatted("org-below",
                "{\"role\":\"ORGANISER\",\"scopeId\":\"" + here.scenario.branch + "\"}"));
        assertThat(below.status()).as(below.raw()).isEqualTo(201);
    }

    // ---- (e) offices ---------------------------------------------------------------------------------------------

    @Test
    void anAuditorOfAnotherProvinceCannotReadAPersonsOffices() {
        Http foreignAuditor = account("AUDITOR", there.scenario.province);
        refusedWritingNothing(() -> foreignAuditor.get("/api/people/" + rollPersonId + "/offices"));
        Answer ownAuditor = account("AUDITOR", here.scenario.province).get("/api/people/" + rollPersonId + "/offices");
        assertThat(ownAuditor.status()).as(ownAuditor.raw()).isEqualTo(200);
        assertThat(ownAuditor.body().path("fullName").asText()).isNotBlank();
    }

    @Test
    void anAuditorOfAnotherProvinceSeesNoneOfAnOfficeHoldersOffices() {
        String holder = here.personIds.get(0);
        Answer term = admin().post("/api/units/" + here.scenario.branch + "/terms/import", """
                {"term":{"startYear":2017,"endYear":2022},"congressOrdinal":9,"seats":5,"recognisedOn":"2018-01-10",
                 "decision":{"number":"12/QĐ"},"holdings":[{"personId":"%s","office":"CHAIR"}]}""".formatted(holder));
        assertThat(term.status()).as(term.raw()).isEqualTo(201);
        Http foreignAuditor = account("AUDITOR", there.scenario.province);
        refusedWritingNothing(() -> foreignAuditor.get("/api/people/" + holder + "/offices"));
        Answer own = account("AUDITOR", here.scenario.upper).get("/api/people/" + holder + "/offices");
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        assertThat(own.body().path("holdings")).hasSize(1);
    }
}
