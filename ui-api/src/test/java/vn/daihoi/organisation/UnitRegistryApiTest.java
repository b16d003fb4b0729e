package vn.daihoi.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** R-01, R-02 end to end: the organisation registry over HTTP on PostgreSQL, read as of any date. */
class UnitRegistryApiTest extends ApiTest {

    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    private String code(String base) {
        return base + "-" + run;
    }

    private String register(Http http, String code, String name, String kind, String parentId, String on) {
        Answer a = http.post("/api/units", """
                {"code":"%s","name":"%s","kind":"%s",%s"effectiveOn":"%s",
                 "decision":{"number":"%s/QĐ-LĐLĐ","signedOn":"%s","issuedBy":"Liên đoàn Lao động tỉnh"}}"""
                .formatted(code, name, kind, parentId == null ? "" : "\"parentUnitId\":\"" + parentId + "\",", on, code, on));
        assertThat(a.status()).as(a.raw()).isEqualTo(201);
        return a.body().path("unit").path("unitId").asText();
    }

    private static String decision(String number, String on) {
        return "\"effectiveOn\":\"%s\",\"decision\":{\"number\":\"%s\",\"signedOn\":\"%s\"}".formatted(on, number, on);
    }

    private static List<String> names(JsonNode nodes) {
        List<String> out = new ArrayList<>();
        nodes.forEach(n -> out.add(n.path("name").asText()));
        return out;
    }

    @Test
    void registeredUnitsFormATreeWithTheirVietnameseNamesIntact() {
        Http http = admin();
        String decomposed = Normalizer.normalize("Liên đoàn Lao động tỉnh Sóc Trăng", Normalizer.Form.NFD);
        String province = register(http, code("ST"), decomposed, "PROVINCIAL_FEDERATION", null, "2017-01-01");
        String cdvc = register(http, code("CDVC"), "Công đoàn Viên chức tỉnh", "UPPER_LEVEL_UNION", province, "2017-01-01");
        String snv = register(http, code("SNV"), "Công đoàn cơ sở Sở Nội vụ", "BRANCH_UNION", cdvc, "2017-01-01");
        register(http, code("STC"), "Công đoàn cơ sở Sở Tài chính", "BRANCH_UNION", cdvc, "2017-01-01");

        Answer tree = http.get("/api/units?root=" + province + "&asOf=2023-06-01");
        assertThat(tree.status()).isEqualTo(200);
        JsonNode root = tree.body().get(0);
        assertThat(root.path("unit").path("name").asText())
                .isEqualTo("Liên đoàn Lao động tỉnh Sóc Trăng")
                .isEqualTo(Normalizer.normalize(decomposed, Normalizer.Form.NFC));
        JsonNode branches = root.path("children").get(0).path("children");
        assertThat(branches).hasSize(2);
        // Vietnamese collation: "Sở Nội vụ" before "Sở Tài chính"
        assertThat(branches.get(0).path("unit").path("name").asText()).isEqualTo("Công đoàn cơ sở Sở Nội vụ");

        Answer one = http.get("/api/units/" + snv + "?asOf=2023-06-01");
        assertThat(one.body().path("ancestors")).extracting(a -> a.path("unitId").asText()).containsExactly(cdvc, province);

        Answer byCode = http.get("/api/units/by-code/" + code("snv").toLowerCase() + "?asOf=2023-06-01");
        assertThat(byCode.body().path("unit").path("unitId").asText()).isEqualTo(snv);

        assertThat(http.get("/api/units/" + snv + "?asOf=2016-12-31").status()).isEqualTo(404);
        assertThat(http.get("/api/units/" + cdvc + "/children").body()).hasSize(2);
    }

    @Test
    void movingABranchOnADateLeavesTheTreeBeforeThatDateUnchanged() {
        Http http = admin();
        String province = register(http, code("P"), "Liên đoàn Lao động tỉnh", "PROVINCIAL_FEDERATION", null, "2017-01-01");
        String oldParent = register(http, code("OLD"), "Liên đoàn Lao động huyện Mỹ Tú", "UPPER_LEVEL_UNION", province, "2017-01-01");
        String newParent = register(http, code("NEW"), "Liên đoàn Lao động thị xã Ngã Năm", "UPPER_LEVEL_UNION", province, "2017-01-01");
        String branch = register(http, code("B"), "Công đoàn cơ sở Trường Tiểu học Long Bình", "BRANCH_UNION", oldParent, "2017-01-01");

        Answer moved = http.post("/api/units/" + branch + "/move",
                "{\"newParentUnitId\":\"" + newParent + "\"," + decision("45/QĐ-LĐLĐ", "2025-07-01") + "}");
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);

        assertThat(names(http.get("/api/units/" + oldParent + "/children?asOf=2025-06-30").body()))
                .containsExactly("Công đoàn cơ sở Trường Tiểu học Long Bình");
        assertThat(http.get("/api/units/" + newParent + "/children?asOf=2025-06-30").body()).isEmpty();
        assertThat(http.get("/api/units/" + oldParent + "/children?asOf=2025-07-01").body()).isEmpty();
        assertThat(names(http.get("/api/units/" + newParent + "/children?asOf=2025-07-01").body()))
                .containsExactly("Công đoàn cơ sở Trường Tiểu học Long Bình");
        assertThat(http.get("/api/units/" + branch + "?asOf=2025-06-30").body().path("unit").path("parentUnitId").asText())
                .isEqualTo(oldParent);
        assertThat(http.get("/api/units/" + branch + "?asOf=2025-07-01").body().path("unit").path("parentUnitId").asText())
                .isEqualTo(newParent);

        JsonNode history = http.get("/api/units/" + branch + "/history").body();
        assertThat(history.path("changes")).extracting(c -> c.path("change").asText())
                .containsExactly("REGISTERED_FOUNDED", "MOVED_DECISION");
        assertThat(history.path("changes").get(1).path("decision").path("number").asText()).isEqualTo("45/QĐ-LĐLĐ");
    }

    @Test
    void aRenameShowsTheOldNameBeforeItsDateAndTheNewNameFromIt() {
        Http http = admin();
        String province = register(http, code("R"), "Liên đoàn Lao động tỉnh Sóc Trăng", "PROVINCIAL_FEDERATION", null, "2017-01-01");
        Answer renamed = http.post("/api/units/" + province + "/rename",
                "{\"name\":\"Liên đoàn Lao động thành phố Cần Thơ\"," + decision("1/NQ-QH", "2025-07-01") + "}");
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        assertThat(http.get("/api/units/" + province + "?asOf=2025-06-30").body().path("unit").path("name").asText())
                .isEqualTo("Liên đoàn Lao động tỉnh Sóc Trăng");
        assertThat(http.get("/api/units/" + province + "?asOf=2025-07-01").body().path("unit").path("name").asText())
                .isEqualTo("Liên đoàn Lao động thành phố Cần Thơ");
    }

    @Test
    void mergingUnitsEndsThemAndGathersTheirBranchesUnderTheNewUnit() {
        Http http = admin();
        String province = register(http, code("M"), "Liên đoàn Lao động tỉnh", "PROVINCIAL_FEDERATION", null, "2017-01-01");
        String d1 = register(http, code("D1"), "Liên đoàn Lao động huyện Châu Thành", "UPPER_LEVEL_UNION", province, "2017-01-01");
        String d2 = register(http, code("D2"), "Liên đoàn Lao động huyện Kế Sách", "UPPER_LEVEL_UNION", province, "2017-01-01");
        register(http, code("B1"), "Công đoàn cơ sở xã An Hiệp", "BRANCH_UNION", d1, "2017-01-01");
        register(http, code("B2"), "Công đoàn cơ sở xã An Mỹ", "BRANCH_UNION", d2, "2017-01-01");

        Answer merged = http.post("/api/units/merge", """
                {"sourceUnitIds":["%s","%s"],
                 "newUnit":{"code":"%s","name":"Công đoàn khu vực Châu Thành – Kế Sách","kind":"UPPER_LEVEL_UNION","parentUnitId":"%s"},
                 %s}""".formatted(d1, d2, code("KV"), province, decision("2/QĐ-TLĐ", "2025-07-01")));
        assertThat(merged.status()).as(merged.raw()).isEqualTo(201);
        String kv = merged.body().path("unit").path("unitId").asText();

        assertThat(names(http.get("/api/units/" + kv + "/children?asOf=2025-07-01").body()))
                .containsExactly("Công đoàn cơ sở xã An Hiệp", "Công đoàn cơ sở xã An Mỹ");
        assertThat(http.get("/api/units/" + d1 + "/children?asOf=2025-06-30").body()).hasSize(1);
        Answer ended = http.get("/api/units/" + d1 + "?asOf=2025-07-01");
        assertThat(ended.status()).isEqualTo(404);
        assertThat(ended.body().path("code").asText()).isEqualTo("unit-not-active-on-date");
        assertThat(http.get("/api/units/" + d1 + "/history").body().path("status").asText()).isEqualTo("MERGED");
        assertThat(names(http.get("/api/units/" + province + "/children?asOf=2025-07-01").body()))
                .containsExactly("Công đoàn khu vực Châu Thành – Kế Sách");
    }

    @Test
    void splittingAUnitHandsItsBranchesToTheNewUnits() {
        Http http = admin();
        String province = register(http, code("S"), "Liên đoàn Lao động tỉnh", "PROVINCIAL_FEDERATION", null, "2017-01-01");
        String big = register(http, code("BIG"), "Công đoàn ngành Giáo dục", "UPPER_LEVEL_UNION", province, "2017-01-01");
        String b1 = register(http, code("T1"), "Công đoàn cơ sở Trường THPT Lê Lợi", "BRANCH_UNION", big, "2017-01-01");
        String b2 = register(http, code("T2"), "Công đoàn cơ sở Trường THCS Nguyễn Du", "BRANCH_UNION", big, "2017-01-01");

        Answer split = http.post("/api/units/" + big + "/split", """
                {"into":[{"code":"%s","name":"Công đoàn Giáo dục THPT","kind":"UPPER_LEVEL_UNION","takesChildUnitIds":["%s"]},
                         {"code":"%s","name":"Công đoàn Giáo dục THCS","kind":"UPPER_LEVEL_UNION","takesChildUnitIds":["%s"]}],
                 "sourceContinues":false, %s}""".formatted(code("THPT"), b1, code("THCS"), b2, decision("7/QĐ-LĐLĐ", "2026-01-01")));
        assertThat(split.status()).as(split.raw()).isEqualTo(201);
        assertThat(split.body()).hasSize(2);
        String thpt = split.body().get(0).path("unit").path("unitId").asText();
        assertThat(split.body().get(0).path("unit").path("parentUnitId").asText()).isEqualTo(province);
        assertThat(http.get("/api/units/" + b1 + "?asOf=2026-01-01").body().path("unit").path("parentUnitId").asText()).isEqualTo(thpt);
        assertThat(http.get("/api/units/" + big + "?asOf=2026-01-01").status()).isEqualTo(404);
        assertThat(http.get("/api/units/" + big + "/children?asOf=2025-12-31").body()).hasSize(2);
    }

    @Test
    void aUnitWithoutMemberUnitsCanBeDissolved() {
        Http http = admin();
        String province = register(http, code("X"), "Liên đoàn Lao động tỉnh", "PROVINCIAL_FEDERATION", null, "2017-01-01");
        String branch = register(http, code("XB"), "Công đoàn cơ sở Công ty TNHH Đông Á", "BRANCH_UNION", province, "2017-01-01");
        Answer dissolved = http.post("/api/units/" + branch + "/dissolve", "{" + decision("9/QĐ-LĐLĐ", "2024-03-01") + "}");
        assertThat(dissolved.status()).as(dissolved.raw()).isEqualTo(200);
        assertThat(http.get("/api/units/" + province + "/children?asOf=2024-02-29").body()).hasSize(1);
        assertThat(http.get("/api/units/" + province + "/children?asOf=2024-03-01").body()).isEmpty();
    }
}
