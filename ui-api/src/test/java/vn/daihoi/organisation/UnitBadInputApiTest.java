package vn.daihoi.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets problem details (RFC 9457) with a stable type and rule id, and writes no event. */
class UnitBadInputApiTest extends ApiTest {

    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private Http http;
    private String province;
    private String district;
    private String branch;

    @BeforeEach
    void tree() {
        http = admin();
        province = register("P-" + run, "Liên đoàn Lao động tỉnh Cao Bằng", "PROVINCIAL_FEDERATION", null);
        district = register("D-" + run, "Liên đoàn Lao động huyện Hòa An", "UPPER_LEVEL_UNION", province);
        branch = register("B-" + run, "Công đoàn cơ sở Trường Mầm non Hoa Mai", "BRANCH_UNION", district);
    }

    private String register(String code, String name, String kind, String parent) {
        Answer a = http.post("/api/units", body(code, name, kind, parent));
        assertThat(a.status()).as(a.raw()).isEqualTo(201);
        return a.body().path("unit").path("unitId").asText();
    }

    private static String body(String code, String name, String kind, String parent) {
        return """
                {"code":"%s","name":"%s","kind":"%s",%s"effectiveOn":"2018-01-01","decision":{"number":"1/QĐ"}}"""
                .formatted(code, name, kind, parent == null ? "" : "\"parentUnitId\":\"" + parent + "\",");
    }

    /** Sends, checks the problem's shape, and that the event store did not grow. */
    private JsonNode refused(String path, String json, int status, String type, String rule) {
        long before = eventCount();
        Answer a = http.post(path, json);
        assertThat(a.status()).as(a.raw()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().path("type").asText()).isEqualTo("urn:daihoi:problem:" + type);
        assertThat(a.body().path("code").asText()).isEqualTo(type);
        if (rule != null) assertThat(a.body().path("rule").asText()).isEqualTo(rule);
        assertThat(a.body().path("title").asText()).as("Vietnamese title").isNotBlank();
        assertThat(a.body().path("titleEn").asText()).as("English title").isNotBlank();
        assertThat(eventCount()).as("no event written").isEqualTo(before);
        return a.body();
    }

    @Test
    void malformedJsonIsRefused() {
        refused("/api/units", "{\"code\": \"X\", \"name\": ", 400, "malformed-request", null);
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        refused("/api/units", body("K-" + run, "Tên", "NOT_A_KIND", province), 400, "malformed-request", null);
    }

    @Test
    void missingFieldsAreRefusedAndNamed() {
        JsonNode p = refused("/api/units", "{\"code\":\"Z-" + run + "\",\"kind\":\"BRANCH_UNION\"}", 400, "missing-field", null);
        assertThat(p.path("errors")).extracting(e -> e.path("field").asText())
                .contains("name", "effectiveOn", "decision");
    }

    @Test
    void anUnknownParentIsRefused() {
        refused("/api/units", body("U-" + run, "Công đoàn cơ sở", "BRANCH_UNION", "no-such-unit"), 422,
                "unknown-parent-unit", "R-01");
    }

    @Test
    void anUnknownParentCodeIsRefused() {
        refused("/api/units", """
                {"code":"UC-%s","name":"Công đoàn cơ sở","kind":"BRANCH_UNION","parentCode":"NOPE-%s",
                 "effectiveOn":"2018-01-01","decision":{"number":"1/QĐ"}}""".formatted(run, run), 422, "unknown-parent-unit", "R-01");
    }

    @Test
    void aDuplicateCodeIsRefusedWhateverItsCase() {
        refused("/api/units", body(("B-" + run).toLowerCase(), "Trùng mã", "BRANCH_UNION", district), 409,
                "unit-code-taken", "R-01");
    }

    @Test
    void anEmptyNameIsRefused() {
        refused("/api/units", body("E-" + run, "   ", "BRANCH_UNION", district), 400, "missing-field", null);
    }

    @Test
    void aCycleIsRefused() {
        String section = register("S-" + run, "Công đoàn bộ phận Tổ Văn phòng", "SECTION", branch);
        refused("/api/units/" + district + "/move",
                "{\"newParentUnitId\":\"" + section + "\",\"effectiveOn\":\"2025-07-01\",\"decision\":{\"number\":\"2/QĐ\"}}",
                409, "unit-tree-cycle", "R-01");
    }

    @Test
    void aChangeToAnUnknownUnitIsNotFound() {
        refused("/api/units/no-such-unit/rename",
                "{\"name\":\"Tên mới\",\"effectiveOn\":\"2025-07-01\",\"decision\":{\"number\":\"2/QĐ\"}}", 404, "unknown-unit", null);
    }

    @Test
    void aBadDateInAQueryIsABadRequest() {
        Answer a = http.get("/api/units?asOf=30-06-2025");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().path("code").asText()).isEqualTo("invalid-parameter");
    }

    @Test
    void anUnknownUnitIsNotFound() {
        Answer a = http.get("/api/units/no-such-unit/history");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body().path("code").asText()).isEqualTo("unknown-unit");
    }
}
