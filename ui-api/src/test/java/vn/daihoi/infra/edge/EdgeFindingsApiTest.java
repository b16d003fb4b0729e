package vn.daihoi.infra.edge;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Http;
import vn.daihoi.support.Scenario;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, findings 5, 6, 7 (edge half) and 8, each replayed the way it was found: refused before any command
 * runs, as a problem, and nothing written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeFindingsApiTest extends ApiTest {

    private Scenario world;
    private String adminToken;
    private String organiserToken;

    @BeforeAll
    void world() {
        adminToken = login("admin", ADMIN_PASSWORD);
        world = new Scenario(admin()).units();
        String username = "edge" + world.run.toLowerCase();
        Http.Answer a = admin().post("/api/accounts", """
                {"username":"%s","password":"edge-password-2026","grants":[{"role":"ORGANISER","scopeId":"%s"}]}"""
                .formatted(username, world.branch));
        assertThat(a.status()).as(a.raw()).isEqualTo(201);
        organiserToken = login(username, "edge-password-2026");
        assertThat(world.convene(http().as(organiserToken)).status()).isEqualTo(201);
    }

    private Raw.Answer send(String method, String path, String token, Map<String, String> headers, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        if (token != null) h.put("Authorization", "Bearer " + token);
        h.putAll(headers);
        return Raw.send(port, method, path, h, body);
    }

    private Raw.Answer json(String method, String path, String token, String accept, String body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        if (accept != null) h.put("Accept", accept);
        return send(method, path, token, h, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private long people() {
        return jdbc.queryForObject("select count(*) from person_view", Long.class);
    }

    private long roll() {
        return jdbc.queryForObject("select count(*) from delegate_view where congress_id = ?", Long.class, world.congress);
    }

    private static final String PERSON = "{\"fullName\":\"Nguyễn Thị Hoa (hư cấu)\",\"phone\":\"%s\",\"email\":\"%s\"}";

    @Test
    void aPersonPostedWithAcceptXmlIsRefusedWith406AndNoPersonIsStored() {
        for (String accept : new String[]{"application/xml", "text/html", "application/json;q=0, text/plain"}) {
            long events = eventCount();
            long people = people();
            Raw.Answer a = json("POST", "/api/people", adminToken, accept, PERSON.formatted("0912345678", "hoa@example.vn"));
            assertThat(a.status()).as(accept + ": " + a).isEqualTo(406);
            assertThat(a.isProblem()).as(a.toString()).isTrue();
            assertThat(a.body()).contains("not-acceptable");
            assertThat(eventCount()).isEqualTo(events);
            assertThat(people()).isEqualTo(people);
        }
        Raw.Answer ok = json("POST", "/api/people", adminToken, "application/problem+json, application/json;q=0.9",
                PERSON.formatted("0912345678", "hoa@example.vn"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    }

    @Test
    void aGetThatAcceptsOnlyHtmlIsRefusedWith406AsAProblem() {
        Raw.Answer a = send("GET", "/api/units/" + world.branch, adminToken, Map.of("Accept", "text/html"), null);
        assertThat(a.status()).as(a.toString()).isEqualTo(406);
        assertThat(a.isProblem()).as(a.toString()).isTrue();
    }

    @Test
    void aPdfEndpointStillAcceptsAcceptPdf() {
        Raw.Answer a = send("GET", "/api/terms/none/dossier.pdf", adminToken, Map.of("Accept", "application/pdf"), null);
        assertThat(a.status()).as(a.toString()).isNotEqualTo(406).isLessThan(500);
        assertThat(a.isProblem()).as("an error about a missing term is still a problem: " + a).isTrue();
    }

    @Test
    void aLoginWithAWildcardOrUnparseableContentTypeIsRefusedWith415() {
        byte[] body = ("{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8);
        for (String type : new String[]{"*/*", "application/*", "garbage", "text/plain", "application/json; charset=x-nope", "application/json/x"}) {
            Raw.Answer a = send("POST", "/api/auth/login", null, Map.of("Content-Type", type), body);
            assertThat(a.status()).as(type + ": " + a).isEqualTo(415);
            assertThat(a.isProblem()).as(a.toString()).isTrue();
        }
        Raw.Answer none = send("POST", "/api/auth/login", null, Map.of(), body);
        assertThat(none.status()).as(none.toString()).isEqualTo(415);
    }

    @Test
    void aNulInTheParentUnitIdIsRefusedWith400NamingTheField() {
        long events = eventCount();
        Raw.Answer a = json("POST", "/api/units", adminToken, null, """
                {"code":"NUL-%s","name":"Công đoàn cơ sở thử","kind":"BRANCH_UNION","parentUnitId":"%s\\u0000",
                 "effectiveOn":"2024-01-01","decision":{"number":"1/QĐ"}}""".formatted(world.run, world.upper));
        assertThat(a.status()).as(a.toString()).isEqualTo(400);
        assertThat(a.isProblem()).isTrue();
        assertThat(a.body()).contains("\"field\":\"parentUnitId\"");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aPersonWithA300CharacterPhoneOrEmailOrANulIsRefusedWith400AndNothingIsStored() {
        String longText = "9".repeat(300);
        String[][] cases = {
                {PERSON.formatted(longText, "hoa@example.vn"), "phone"},
                {PERSON.formatted("0912345678", "a".repeat(300) + "@example.vn"), "email"},
                {"{\"fullName\":\"Nguyễn\\u0000Hoa\"}", "fullName"},
                {"{\"fullName\":\"Nguyễn Hoa\",\"gender\":\"Nữ\\u0007\"}", "gender"},
        };
        for (String[] c : cases) {
            long events = eventCount();
            long people = people();
            Raw.Answer a = json("POST", "/api/people", adminToken, "application/json", c[0]);
            assertThat(a.status()).as(c[1] + ": " + a).isEqualTo(400);
            assertThat(a.isProblem()).isTrue();
            assertThat(a.body()).contains("\"field\":\"" + c[1] + "\"");
            assertThat(eventCount()).isEqualTo(events);
            assertThat(people()).isEqualTo(people);
        }
    }

    @Test
    void aRenameWithA130CharacterDecisionNumberIsRefusedAtTheEdge() {
        long events = eventCount();
        Raw.Answer a = json("POST", "/api/units/" + world.branch + "/rename", adminToken, null, """
                {"name":"Công đoàn cơ sở Sở Nội vụ (tên mới)","effectiveOn":"2025-07-01","decision":{"number":"%s"}}"""
                .formatted("1".repeat(130)));
        assertThat(a.status()).as(a.toString()).isEqualTo(400);
        assertThat(a.body()).contains("\"field\":\"decision.number\"");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aTermDecisionNumberLongerThanItsColumnIsRefusedToo() {
        long events = eventCount();
        Raw.Answer a = json("POST", "/api/terms/x/recognise", adminToken, null,
                "{\"recognisedOn\":\"2024-01-01\",\"decision\":{\"number\":\"" + "7".repeat(121) + "\"}}");
        assertThat(a.status()).as(a.toString()).isEqualTo(400);
        assertThat(a.body()).contains("decision.number");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aRollRowWithA300CharacterPositionIsRefusedWithItsLineAndTheOthersAreAdded() {
        long before = roll();
        String csv = "ma;ho_ten;chuc_vu\nP1;Trần Văn An (hư cấu);Chuyên viên\nP2;Lê Thị Bình (hư cấu);" + "x".repeat(300) + "\n";
        Raw.Answer a = send("POST", "/api/congresses/" + world.congress + "/delegates/import", organiserToken,
                Map.of("Content-Type", "text/csv"), csv.getBytes(StandardCharsets.UTF_8));
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(a.body()).contains("\"added\":1").contains("\"line\":3").contains("chức vụ");
        assertThat(roll()).isEqualTo(before + 1);
    }

    @Test
    void aCsvOfAHundredThousandRowsIsRefusedWithinTwoSeconds() {
        StringBuilder b = new StringBuilder("ma;ho_ten\n");
        for (int i = 0; i < 100_000; i++) b.append('R').append(i).append(";A\n");
        byte[] csv = b.toString().getBytes(StandardCharsets.UTF_8);
        long events = eventCount();
        long t0 = System.nanoTime();
        Raw.Answer a = send("POST", "/api/congresses/" + world.congress + "/delegates/import", organiserToken,
                Map.of("Content-Type", "text/csv"), csv);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("100,000-row CSV (%,d bytes): %d in %d ms%n", csv.length, a.status(), ms);
        assertThat(a.status()).as(a.toString()).isEqualTo(422);
        assertThat(a.body()).contains("csv-too-many-rows").contains("5000");
        assertThat(ms).isLessThan(2_000);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aCsvWithOneTenMegabyteLineIsRefusedWithinTwoSeconds() {
        byte[] csv = new byte[10 * 1024 * 1024];
        Arrays.fill(csv, (byte) 'a');
        byte[] header = "ma;ho_ten\nX1;".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(header, 0, csv, 0, header.length);
        long t0 = System.nanoTime();
        Raw.Answer a = send("POST", "/api/congresses/" + world.congress + "/delegates/import", organiserToken,
                Map.of("Content-Type", "text/csv"), csv);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("10 MB single-line CSV: %d in %d ms%n", a.status(), ms);
        assertThat(a.status()).as(a.toString()).isEqualTo(413);
        assertThat(a.isProblem()).isTrue();
        assertThat(ms).isLessThan(2_000);
    }

    @Test
    void aLineLongerThanTwoThousandCharactersWithinTheByteLimitIsRefusedWithItsLine() {
        String csv = "ma;ho_ten\nX1;" + "a".repeat(1_500_000) + "\n";
        long t0 = System.nanoTime();
        Raw.Answer a = send("POST", "/api/congresses/" + world.congress + "/delegates/import", organiserToken,
                Map.of("Content-Type", "text/csv"), csv.getBytes(StandardCharsets.UTF_8));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("1.5 MB single-line CSV: %d in %d ms%n", a.status(), ms);
        assertThat(a.status()).as(a.toString()).isEqualTo(422);
        assertThat(a.body()).contains("csv-line-too-long").contains("line 2");
        assertThat(ms).isLessThan(2_000);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() {
        StringBuilder chunked = new StringBuilder();
        String piece = "{\"fullName\":\"" + "a".repeat(60_000);
        chunked.append(Integer.toHexString(piece.length())).append("\r\n").append(piece).append("\r\n");
        String filler = "b".repeat(60_000);
        for (int i = 0; i < 20; i++) chunked.append(Integer.toHexString(filler.length())).append("\r\n").append(filler).append("\r\n");
        chunked.append("0\r\n\r\n");
        long events = eventCount();
        Raw.Answer a = send("POST", "/api/people", adminToken,
                Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"), chunkedBytes(chunked));
        assertThat(a.status()).as(a.toString()).isEqualTo(413);
        assertThat(a.isProblem()).isTrue();
        assertThat(eventCount()).isEqualTo(events);
    }

    private static byte[] chunkedBytes(StringBuilder b) {
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aTenMegabyteJsonBodyIsRefusedWith413BeforeItIsRead() {
        byte[] body = new byte[10 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        long t0 = System.nanoTime();
        Raw.Answer a = send("POST", "/api/units", adminToken, Map.of("Content-Type", "application/json"), body);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(a.status()).as(a.toString()).isEqualTo(413);
        assertThat(a.isProblem()).isTrue();
        assertThat(ms).isLessThan(2_000);
    }

    @Test
    void invalidUtf8IsRefusedWithItsLineAndNothingIsImported() {
        long before = roll();
        byte[] head = "ma;ho_ten\nU1;Nguyễn Văn Một\nU2;".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 'L', (byte) 0xea, (byte) 0x20, (byte) 'V', (byte) '\n'};
        byte[] csv = new byte[head.length + bad.length];
        System.arraycopy(head, 0, csv, 0, head.length);
        System.arraycopy(bad, 0, csv, head.length, bad.length);
        Raw.Answer a = send("POST", "/api/congresses/" + world.congress + "/delegates/import", organiserToken,
                Map.of("Content-Type", "text/csv"), csv);
        assertThat(a.status()).as(a.toString()).isEqualTo(422);
        assertThat(a.body()).contains("csv-encoding").contains("line 3");
        assertThat(roll()).isEqualTo(before);
    }

    @Test
    void aCsvInAnotherStatedCharsetIsReadInThatCharsetAndAnUnknownCharsetIsAProblem() {
        Charset cp1258 = Charset.forName("windows-1258");
        byte[] csv = "ma;ho_ten\nW1;Le Van Tam (hu cau)\n".getBytes(cp1258);
        Raw.Answer a = send("POST", "/api/congresses/" + world.congress + "/delegates/import", organiserToken,
                Map.of("Content-Type", "text/csv; charset=windows-1258"), csv);
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        assertThat(a.body()).contains("\"added\":1");
        Raw.Answer unknown = send("POST", "/api/congresses/" + world.congress + "/delegates/import", organiserToken,
                Map.of("Content-Type", "text/csv; charset=x-no-such-charset"), csv);
        assertThat(unknown.status()).as(unknown.toString()).isBetween(400, 499);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void pathsTomcatOrTheFirewallRefuseAreAnsweredAsProblems() {
        for (String path : new String[]{"/api/units/%00", "/api/units/%ff", "/api/units/..%2F..%2Fetc", "/api/units/%2e%2e/x",
                "/api/units/a%", "/api/units/%zz", "/api/units/a;b=c", "/api//units", "/api/units/%0a"}) {
            Raw.Answer a = send("GET", path, adminToken, Map.of("Accept", "text/html"), null);
            assertThat(a.status()).as(path + ": " + a).isBetween(400, 499);
            assertThat(a.isProblem()).as(path + ": " + a).isTrue();
        }
    }

    @Test
    void headersLongerThanTomcatAcceptsAreAnsweredAsAProblem() {
        Raw.Answer a = send("GET", "/api/units", adminToken, Map.of("X-Padding", "p".repeat(20_000)), null);
        assertThat(a.status()).as(a.toString()).isBetween(400, 499);
        assertThat(a.isProblem()).as(a.toString()).isTrue();
    }

    @Test
    void aPathVariableLongerThanAnyIdIsRefusedWith400() {
        Raw.Answer a = send("GET", "/api/units/" + "u".repeat(300), adminToken, Map.of(), null);
        assertThat(a.status()).as(a.toString()).isEqualTo(400);
        assertThat(a.body()).contains("\"field\":\"unitId\"");
    }
}
