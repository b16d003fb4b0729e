package vn.daihoi.infra.edge;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Http;
import vn.daihoi.support.Scenario;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance point 4 of issue 9: a deterministic fuzzer over every endpoint the application maps, as an
 * administrator and as an organiser. Wrong, missing and wildcard media types, Accept variants, NUL and control
 * characters, over-long strings, wrong JSON types, deep nesting, 10 MB bodies, bad percent-encoding in paths.
 * No answer may be a 5xx, every error must be a problem, and a refused request must write nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeFuzzApiTest extends ApiTest {

    private static final long SEED = 20_261_206L;
    private static final int REQUESTS = 10_500;

    /** Tables the query side fills from events: they can change only if an event was written. */
    private static final List<String> PROJECTIONS = List.of("unit_version", "unit_summary", "unit_change", "person_view",
            "congress_view", "delegate_view", "decision_view", "election_view", "candidate_view", "round_view",
            "round_result_line", "published_ballot", "term_view", "holding_view", "term_change", "season_deadline",
            "confidence_round", "confidence_result_line", "token_entry", "flyway_schema_history");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<String, String> ids = new LinkedHashMap<>();
    private String adminToken;
    private String organiserToken;
    private String organiserName;
    private List<String> synchronousTables;
    private List<String> allTables;

    record Endpoint(String method, String pattern, Class<?> body, boolean csv) {}

    @BeforeAll
    void world() {
        adminToken = login("admin", ADMIN_PASSWORD);
        Scenario a = new Scenario(admin()).units();
        String username = "fuzz" + a.run.toLowerCase();
        organiserName = username;
        assertThat(admin().post("/api/accounts", """
                {"username":"%s","password":"fuzz-password-2026","grants":[{"role":"ORGANISER","scopeId":"%s"}]}"""
                .formatted(username, a.branch)).status()).isEqualTo(201);
        organiserToken = login(username, "fuzz-password-2026");
        Http organiser = http().as(organiserToken);
        assertThat(a.convene(organiser).status()).isEqualTo(201);
        organiser.postCsv("/api/congresses/" + a.congress + "/delegates/import", Scenario.csv(3, "F"));
        JsonNode roll = organiser.get("/api/congresses/" + a.congress + "/delegates").body().path("delegates");
        assertThat(organiser.post("/api/congresses/" + a.congress + "/open", "").status()).isEqualTo(200);
        Http.Answer election = organiser.post("/api/congresses/" + a.congress + "/elections", "{\"body\":\"EXECUTIVE_COMMITTEE\"}");
        assertThat(election.status()).as(election.raw()).isEqualTo(201);
        ids.put("unitId", a.branch);
        ids.put("congressId", a.congress);
        ids.put("delegateId", roll.get(0).path("delegateId").asText());
        ids.put("personId", roll.get(1).path("personId").asText());
        ids.put("electionId", election.body().path("electionId").asText());
        ids.put("code", "SNV-" + a.run);
        ids.put("accountId", admin().get("/api/accounts").body().get(0).path("accountId").asText());
        ids.put("round", "1");
        ids.put("termStartYear", "2023");
        ids.put("candidateId", "x");
        Http.Answer term = admin().post("/api/units/" + a.branch + "/terms/import", """
                {"term":{"startYear":2017,"endYear":2022},"congressOrdinal":9,"seats":5,"recognisedOn":"2018-01-10",
                 "decision":{"number":"12/QĐ"},"holdings":[{"personId":"%s","office":"CHAIR"}]}""".formatted(ids.get("personId")));
        assertThat(term.status()).as(term.raw()).isEqualTo(201);
        ids.put("leadershipId", term.body().path("leadershipId").asText());

        allTables = jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public' "
                + "and table_type = 'BASE TABLE' order by table_name", String.class);
        synchronousTables = allTables.stream().filter(t -> !PROJECTIONS.contains(t)).toList();
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> list = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) continue;
                Class<?> body = null;
                for (MethodParameter p : method.getMethodParameters()) {
                    if (p.hasParameterAnnotation(RequestBody.class)) body = p.getParameterType();
                }
                boolean csv = !info.getConsumesCondition().isEmpty();
                Class<?> bodyType = body;
                info.getMethodsCondition().getMethods().forEach(m -> list.add(new Endpoint(m.name(), pattern, bodyType, csv)));
            }
        });
        list.sort((x, y) -> (x.method() + x.pattern()).compareTo(y.method() + y.pattern()));
        return list;
    }

    /** Row counts of the given tables in one statement. */
    private Map<String, Long> counts(List<String> tables) {
        StringBuilder sql = new StringBuilder();
        for (String t : tables) {
            if (!sql.isEmpty()) sql.append(" union all ");
            sql.append("select '").append(t).append("', count(*) from ").append(t);
        }
        Map<String, Long> m = new TreeMap<>();
        jdbc.query(sql.toString(), rs -> { m.put(rs.getString(1), rs.getLong(2)); });
        return m;
    }

    private long lastEvent() {
        Long max = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return max == null ? 0 : max;
    }

    @Test
    void tenThousandHostileRequestsOverEveryEndpointGetNo5xxOnlyProblemsAndRefusedOnesWriteNothing() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(60);
        Random random = new Random(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> accepted = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        Map<String, Long> synchronous = counts(synchronousTables);
        long event = lastEvent();
        int big = 0;
        boolean replayed = false;
        long t0 = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            Endpoint e = endpoints.get(i % endpoints.size());
            // a replay rebuilds every read model (seconds): once it has gone through, it is fuzzed as the organiser (403)
            boolean asAdmin = random.nextBoolean() && !(replayed && e.pattern().equals("/api/operations/replay"));
            String path = path(e.pattern(), random);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Authorization", "Bearer " + (asAdmin ? adminToken : organiserToken));
            String accept = pick(random, null, "application/json", "application/problem+json", "*/*", "application/xml", "text/html",
                    "application/pdf", "text/*", "garbage;;", "application/json;q=0", "application/*", "", "image/png, */*;q=0.1");
            if (accept != null) headers.put("Accept", accept);
            byte[] body = null;
            String contentType;
            if (i % 2_100 == 7 && big < 5) {
                body = new byte[10 * 1024 * 1024];
                Arrays.fill(body, (byte) '[');
                big++;
                contentType = "application/json";
            } else if (e.csv()) {
                body = csvBody(random).getBytes(StandardCharsets.UTF_8);
                contentType = pick(random, "text/csv", "text/csv; charset=utf-8", "text/plain", "*/*", "application/json",
                        "text/csv; charset=nope", "application/octet-stream", null);
            } else {
                String json = e.body() == null ? pick(random, null, "", "{}", "garbage") : json(e.body(), random);
                body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
                contentType = pick(random, "application/json", "application/json", "application/json", "application/json; charset=UTF-8",
                        null, "*/*", "text/plain", "application/xml", "garbage", "application/*", "multipart/form-data; boundary=x",
                        "application/x-www-form-urlencoded", "application/merge-patch+json", "application/json; charset=nope");
            }
            if (contentType != null) headers.put("Content-Type", contentType);
            Raw.Answer a = Raw.send(port, e.method(), path, headers, body);
            statuses.merge(a.status(), 1, Integer::sum);
            String what = e.method() + " " + path.substring(0, Math.min(path.length(), 120)) + " Accept=" + accept + " Content-Type=" + contentType;
            if (a.status() >= 500) failures.add("5xx: " + what + " → " + a);
            if (a.status() >= 400 && !a.isProblem()) failures.add("not a problem: " + what + " → " + a);
            long now = lastEvent();
            if (a.status() < 400) {
                if (now != event || !e.method().equals("GET")) accepted.merge(e.method() + " " + e.pattern(), 1, Integer::sum);
                // a logout that went through ends the caller's token: sign in again, or every later request is a 401
                if (e.pattern().equals("/api/operations/replay")) replayed = true;
                if (e.pattern().equals("/api/auth/logout")) {
                    if (asAdmin) adminToken = login("admin", ADMIN_PASSWORD);
                    else organiserToken = login(organiserName, "fuzz-password-2026");
                }
                synchronous = counts(synchronousTables);
                event = now;
            } else {
                if (now != event) failures.add("refused but wrote events: " + what + " → " + a);
                Map<String, Long> after = counts(synchronousTables);
                if (!after.equals(synchronous)) failures.add("refused but wrote rows: " + what + " → " + a + " " + diff(synchronous, after));
                synchronous = after;
                event = now;
            }
            if (failures.size() > 40) break;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        int sent = statuses.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("Edge fuzzer: %,d requests over %d endpoints in %,d ms; statuses %s; accepted writes %s%n",
                sent, endpoints.size(), ms, statuses, accepted);
        assertThat(failures).isEmpty();
        assertThat(sent).isGreaterThanOrEqualTo(10_000);
        assertThat(big).isEqualTo(5);
    }

    private static String diff(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder b = new StringBuilder();
        after.forEach((t, n) -> { if (!n.equals(before.get(t))) b.append(t).append(' ').append(before.get(t)).append("→").append(n).append(' '); });
        return b.toString();
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final String[] BAD_SEGMENTS = {"%00", "%ff", "..%2F..", "%2e%2e", "%2E%2E%2Fetc", "x".repeat(300), "%01x", "%0d%0aSet-Cookie:x",
            "a%", "%zz", "a;b=c", "%C3%A1%CC%81", "-1", "99999999999999999999", "%E2%80%AE", "%ef%bf%bf", "\u0000".replace("\u0000", "%00%00")};

    private String path(String pattern, Random random) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = random.nextInt(4) == 0 ? BAD_SEGMENTS[random.nextInt(BAD_SEGMENTS.length)] : ids.getOrDefault(m.group(1), "x");
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        String path = b.toString();
        return switch (random.nextInt(12)) {
            case 0 -> path + "?asOf=" + pick(random, "2024-01-01", "%00", "x".repeat(300), "2024-13-01", "%ff");
            case 1 -> path + "?term=" + pick(random, "2023", "x", "%00", "99999999999");
            case 2 -> path + "?root=" + pick(random, ids.get("unitId"), "%01", "y".repeat(250));
            default -> path;
        };
    }

    private static final String[] STRINGS = {"Tên thử (hư cấu)", "", " ", "\\u0000", "a\\u0000b", "x\\u0007y", "dòng\\nmới", "\\ud800",
            "e\\u0301", "\\u202e", "<script>", "' or 1=1 --"};

    private String string(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> "\"" + "a".repeat(300) + "\"";
            case 1 -> "\"" + "ư".repeat(10_000) + "\"";
            case 2 -> "\"" + ids.values().stream().skip(random.nextInt(ids.size())).findFirst().orElse("x") + "\"";
            case 3 -> pick(random, "42", "true", "null", "{}", "[]", "1e999", "-0.5");
            default -> "\"" + STRINGS[random.nextInt(STRINGS.length)] + "\"";
        };
    }

    /** A JSON value for {@code type}: mostly well-typed with hostile contents, sometimes of the wrong type. */
    private String value(Type type, Random random, int depth) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : type instanceof Class<?> c ? c : Object.class;
        if (random.nextInt(12) == 0) return pick(random, "null", "\"wrong\"", "[1,2]", "{\"a\":1}", "12", "false");
        if (raw == String.class) return string(random);
        if (raw == LocalDate.class) return pick(random, "\"2024-01-01\"", "\"2023-05-20\"", "\"2024-13-45\"", "\"x\"", "5", "\"+999999999-12-31\"");
        if (raw == int.class || raw == Integer.class || raw == long.class) {
            return pick(random, "1", "0", "-1", "5", "2147483647", "2147483648", "-2147483648", "1.5", "\"7\"", "1e10");
        }
        if (raw == boolean.class || raw == Boolean.class) return pick(random, "true", "false", "\"yes\"", "0");
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return random.nextInt(4) == 0 ? pick(random, "\"NOPE\"", "3", "\"\"") : "\"" + constants[random.nextInt(constants.length)] + "\"";
        }
        if (List.class.isAssignableFrom(raw)) {
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
            int n = random.nextInt(40) == 0 ? 2_500 : random.nextInt(4);
            StringBuilder b = new StringBuilder("[");
            for (int k = 0; k < n; k++) b.append(k == 0 ? "" : ",").append(n > 100 ? "\"x\"" : value(element, random, depth + 1));
            return b.append(']').toString();
        }
        if (raw.isRecord() && depth < 6) {
            StringBuilder b = new StringBuilder("{");
            boolean first = true;
            for (RecordComponent c : raw.getRecordComponents()) {
                if (random.nextInt(8) == 0) continue;
                b.append(first ? "" : ",").append('"').append(c.getName()).append("\":").append(value(c.getGenericType(), random, depth + 1));
                first = false;
            }
            if (random.nextInt(20) == 0) b.append(first ? "" : ",").append("\"unknownField\":1");
            return b.append('}').toString();
        }
        return "{}";
    }

    private String json(Class<?> body, Random random) {
        return switch (random.nextInt(20)) {
            case 0 -> "[".repeat(5_000) + "]".repeat(5_000);
            case 1 -> "{\"a\":" .repeat(2_000) + "1" + "}".repeat(2_000);
            case 2 -> "{\"fullName\":";
            case 3 -> "\u0000";
            case 4 -> "";
            default -> value(body, random, 0);
        };
    }

    private static String csvBody(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "ma;ho_ten\nZ1;" + "a".repeat(3_000) + "\n";
            case 1 -> "ma;ho_ten;chuc_vu\nZ2;Tên\u0000thử;" + "b".repeat(300) + "\n";
            case 2 -> "\"unclosed\n";
            case 3 -> "";
            default -> "ma;ho_ten\nZ" + random.nextInt(1_000) + ";Người thử (hư cấu)\n";
        };
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }
}
