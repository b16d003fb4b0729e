package vn.daihoi.delegate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Http;
import vn.daihoi.support.Scenario;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-11, issue 13 acceptance 6 (ADR 0026): a roll saved by Excel in Vietnam — Windows-1258, UTF-16 "Unicode Text",
 * CSV UTF-8 — imports through the API with the names exactly as typed, and a file whose encoding cannot be told is
 * refused as a problem with nothing imported. The application on a real PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollFileEncodingsApiTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private Scenario world;
    private Http organiser;
    private String token;

    @BeforeAll
    void world() {
        world = new Scenario(admin()).units();
        String username = "enc" + world.run.toLowerCase();
        Http.Answer a = admin().post("/api/accounts", """
                {"username":"%s","password":"encodings-password-2026","grants":[{"role":"ORGANISER","scopeId":"%s"}]}"""
                .formatted(username, world.upper));
        assertThat(a.status()).as(a.raw()).isEqualTo(201);
        token = login(username, "encodings-password-2026");
        organiser = http().as(token);
        assertThat(world.convene(organiser).status()).isEqualTo(201);
    }

    record Answer(int status, String contentType, JsonNode body) {}

    private Answer importing(byte[] body, String contentType) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/congresses/" + world.congress + "/delegates/import"))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> res = client.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""), JSON.readTree(res.body()));
    }

    /** The roll as the API reads it back: code → entry. */
    private Map<String, JsonNode> roll() {
        Http.Answer a = organiser.get("/api/congresses/" + world.congress + "/delegates");
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        Map<String, JsonNode> byCode = new HashMap<>();
        a.body().path("delegates").forEach(d -> byCode.put(d.path("code").asText(), d));
        return byCode;
    }

    private static String name(Map<String, JsonNode> roll, String code) {
        assertThat(roll).as("roll has " + code).containsKey(code);
        String name = roll.get(code).path("fullName").asText();
        assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).as(name + " stored in NFC").isTrue();
        return name;
    }

    @Test
    void aRollSavedByExcelInWindows1258ImportsWithTheNamesExactlyAsTyped() throws Exception {
        Answer a = importing(RollFileTextTest.fixture(), "text/csv");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.body().path("added").asInt()).isEqualTo(4);
        assertThat(a.body().path("rejected")).isEmpty();
        Map<String, JsonNode> roll = roll();
        assertThat(name(roll, "W01")).isEqualTo("Nguyễn Thị Hường");
        assertThat(name(roll, "W02")).isEqualTo("Trần Đức Lộc");
        assertThat(name(roll, "W03")).isEqualTo("Đặng Thị Mỹ Duyên");
        assertThat(name(roll, "W04")).isEqualTo("Bùi Quốc Việt");
        assertThat(roll.get("W01").path("position").asText()).isEqualTo("Chủ tịch công đoàn cơ sở");
        assertThat(roll.get("W03").path("category").asText()).isEqualTo("ALTERNATE");
        assertThat(roll.get("W04").path("category").asText()).isEqualTo("GUEST");
        assertThat(roll.get("W04").path("position").asText()).isEqualTo("Trưởng phòng Tổ chức – Cán bộ");
    }

    @Test
    void windows1258WithEveryToneWrittenAsACombiningMarkImportsComposed() throws Exception {
        String text = "Mã;Họ và tên;Loại;Chức vụ\r\n"
                + "K01;Phạm Thị Ngọc Ánh;Chính thức;Ủy viên Ban Chấp hành\r\n"
                + "K02;Võ Hữu Phước;Dự khuyết;Tổ trưởng công đoàn\r\n"
                + "K03;Huỳnh Thị Thu Hường;Chính thức;Thủ quỹ\r\n";
        Answer a = importing(ExcelBytes.windows1258(text), "text/csv");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.body().path("added").asInt()).isEqualTo(3);
        Map<String, JsonNode> roll = roll();
        assertThat(name(roll, "K01")).isEqualTo("Phạm Thị Ngọc Ánh");
        assertThat(name(roll, "K02")).isEqualTo("Võ Hữu Phước");
        assertThat(name(roll, "K03")).isEqualTo("Huỳnh Thị Thu Hường");
        assertThat(roll.get("K01").path("position").asText()).isEqualTo("Ủy viên Ban Chấp hành");
        assertThat(roll.get("K02").path("category").asText()).isEqualTo("ALTERNATE");
    }

    @Test
    void excelsUnicodeTextInUtf16WithTabsImports() throws Exception {
        String text = "Mã\tHọ và tên\tNgày sinh\tLoại\tChức vụ\r\n"
                + "U01\tLê Thị Bích Ngọc\t03/04/1979\tChính thức\t\"Trưởng ban, nữ công\"\r\n"
                + "U02\tĐỗ Văn Sáu\t17/09/1983\tKhách mời\tPhóng viên\r\n";
        Answer a = importing(ExcelBytes.utf16leWithBom(text), "text/plain");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.body().path("added").asInt()).isEqualTo(2);
        Map<String, JsonNode> roll = roll();
        assertThat(name(roll, "U01")).isEqualTo("Lê Thị Bích Ngọc");
        assertThat(name(roll, "U02")).isEqualTo("Đỗ Văn Sáu");
        assertThat(roll.get("U01").path("position").asText()).isEqualTo("Trưởng ban, nữ công");
    }

    @Test
    void csvUtf8WithItsMarkReadsQuotedFieldsAndReportsTheLineAfterAQuotedLineBreak() throws Exception {
        String text = "Mã,Họ và tên,Chức vụ\r\n"
                + "Q01,\"Nguyễn Văn \"\"Ba\"\"\",\"Chủ tịch,\r\ncông đoàn\"\r\n"
                + "Q02,,Kế toán\r\n"
                + "Q03,Lê Thị Tư,\r\n";
        Answer a = importing(ExcelBytes.utf8WithBom(text), "text/csv");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.body().path("added").asInt()).isEqualTo(2);
        assertThat(a.body().path("rejected")).hasSize(1);
        assertThat(a.body().path("rejected").get(0).path("line").asInt()).isEqualTo(4);
        assertThat(a.body().path("addedLines").toString()).isEqualTo("[2,5]");
        Map<String, JsonNode> roll = roll();
        assertThat(name(roll, "Q01")).isEqualTo("Nguyễn Văn \"Ba\"");
        assertThat(roll.get("Q01").path("position").asText()).isEqualTo("Chủ tịch, công đoàn");
        assertThat(name(roll, "Q03")).isEqualTo("Lê Thị Tư");
    }

    @Test
    void aFileInNoEncodingThatCanBeToldIsRefusedInBothLanguagesAndNothingIsImported() throws Exception {
        Random random = new Random(2026);
        byte[] noise = new byte[300];
        for (int i = 0; i < noise.length; i++) noise[i] = (byte) (0x80 + random.nextInt(0x80));
        byte[] shiftJis = "ma,ho_ten\r\nJ1,山田太郎\r\nJ2,佐藤花子\r\n".getBytes(Charset.forName("Shift_JIS"));
        byte[] utf16WithoutMark = "ma,ho_ten\r\nN1,Nguyễn Văn Một\r\n".getBytes(StandardCharsets.UTF_16LE);
        for (byte[] file : new byte[][]{ExcelBytes.withPrefix("ma,ho_ten\r\nR1,".getBytes(StandardCharsets.US_ASCII), noise),
                shiftJis, utf16WithoutMark}) {
            long events = eventCount();
            int before = roll().size();
            Answer vi = importing(file, "text/csv");
            assertThat(vi.status()).as(vi.body().toString()).isEqualTo(422);
            assertThat(vi.contentType()).startsWith("application/problem+json");
            assertThat(vi.body().path("type").asText()).isEqualTo("urn:daihoi:problem:csv-encoding-unknown");
            assertThat(vi.body().path("code").asText()).isEqualTo("csv-encoding-unknown");
            assertThat(vi.body().path("rule").asText()).isEqualTo("R-11");
            assertThat(vi.body().path("title").asText()).contains("Không nhận ra bảng mã", "CSV UTF-8");
            assertThat(vi.body().path("titleEn").asText()).contains("encoding cannot be told", "CSV UTF-8");
            assertThat(eventCount()).isEqualTo(events);
            assertThat(roll()).hasSize(before);
        }
    }

    @Test
    void aNulInOneCellRefusesThatRowAndTheOthersAreImported() throws Exception {
        byte[] file = "ma,ho_ten\r\nZ01,Trần\u0000Văn Bảy\r\nZ02,Lê Văn Chín\r\n".getBytes(StandardCharsets.UTF_8);
        Answer a = importing(file, "text/csv");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.body().path("added").asInt()).isEqualTo(1);
        assertThat(a.body().path("rejected").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(a.body().path("rejected").get(0).path("reasonEn").asText()).contains("control character");
        Map<String, JsonNode> roll = roll();
        assertThat(roll).doesNotContainKey("Z01");
        assertThat(name(roll, "Z02")).isEqualTo("Lê Văn Chín");
    }
}
