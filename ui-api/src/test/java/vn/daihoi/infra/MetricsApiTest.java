package vn.daihoi.infra;

import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 8 (ADR 0028): the Prometheus scrape, for administrators only, moves with the work — a cast, a
 * refusal, a command — and says nothing that links a voter to a ballot.
 */
class MetricsApiTest extends ApiTest {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? ([-+0-9.eE]+|NaN)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void theScrapeCountsACastARefusalAndTheCommandsWithoutNamingAVoterOrACandidate() throws Exception {
        CongressInSession c = new CongressInSession(this, 4, 4);
        c.election(2, c.personIds.subList(0, 3));
        assertThat(c.openRound(1, null).status()).isEqualTo(201);
        String admin = login("admin", ADMIN_PASSWORD);

        String before = scrape(admin).body();
        Http.Answer cast = c.cast(c.voters.get(0), 1, UUID.randomUUID().toString(), List.of(c.candidateIds.get(0)));
        assertThat(cast.status()).as(cast.raw()).isEqualTo(201);
        // A second ballot from the same voter is refused: a refusal with its type.
        Http.Answer again = c.cast(c.voters.get(0), 1, UUID.randomUUID().toString(), List.of(c.candidateIds.get(1)));
        assertThat(again.status()).as(again.raw()).isBetween(400, 499);
        String refusedType = again.body().path("code").asText();
        // A command the domain refuses: a unit code already taken.
        Http.Answer taken = admin().post("/api/units", """
                {"code":"%s","name":"Liên đoàn Lao động tỉnh Trùng Mã","kind":"PROVINCIAL_FEDERATION","effectiveOn":"2020-01-01",
                 "decision":{"number":"1/QĐ"}}""".formatted(unitCode(c.scenario.province, admin)));
        assertThat(taken.status()).as(taken.raw()).isEqualTo(409);
        String takenType = taken.body().path("code").asText();

        HttpResponse<String> after = scrape(admin);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        String text = after.body();

        assertThat(value(text, "daihoi_ballots_cast_total", Map.of()) - value(before, "daihoi_ballots_cast_total", Map.of()))
                .as("ballots cast since the first scrape").isEqualTo(1.0);
        assertThat(value(text, "daihoi_refusals_total", Map.of("type", refusedType))
                - value(before, "daihoi_refusals_total", Map.of("type", refusedType))).as("refusals of type " + refusedType).isEqualTo(1.0);
        assertThat(value(text, "daihoi_refusals_total", Map.of("type", takenType))
                - value(before, "daihoi_refusals_total", Map.of("type", takenType))).as("refusals of type " + takenType).isEqualTo(1.0);
        Map<String, String> refusedCommand = Map.of("command", "RegisterUnitCommand", "outcome", "refused");
        assertThat(value(text, "daihoi_command_seconds_count", refusedCommand) - value(before, "daihoi_command_seconds_count", refusedCommand))
                .as("refused unit registrations timed").isEqualTo(1.0);
        assertThat(value(text, "daihoi_command_seconds_count", Map.of("command", "OpenRoundCommand", "outcome", "success")))
                .as("rounds opened").isGreaterThanOrEqualTo(1.0);
        for (String group : List.of("units", "congresses", "elections", "terms", "people")) {
            assertThat(samples(text, "daihoi_projection_lag_events", Map.of("group", group))).as("lag of " + group).hasSize(1);
        }
        assertThat(samples(text, "daihoi_read_model_answers_total", Map.of("verdict", "caught-up"))).hasSize(1);
        assertThat(value(text, "daihoi_read_model_answers_total", Map.of("verdict", "caught-up"))).isPositive();

        // the cast series has no label; nothing in the scrape names the election, a voter or a candidate.
        assertThat(text).containsPattern("(?m)^daihoi_ballots_cast_total [0-9.eE+]+$");
        assertThat(text).doesNotContain(c.electionId);
        for (String id : c.delegateIds) assertThat(text).doesNotContain(id);
        for (String id : c.personIds) assertThat(text).doesNotContain(id);
        for (String id : c.candidateIds) assertThat(text).doesNotContain(id);
        // Bounded labels: every refusal type is one the problem bundles name, or "other".
        Set<String> known = Meters.problemTypes();
        known.add("other");
        for (Map<String, String> labels : samples(text, "daihoi_refusals_total", Map.of())) assertThat(known).contains(labels.get("type"));
    }

    @Test
    void onlyAnAdministratorReadsTheMetricsAndNoOtherEndpointIsExposed() throws Exception {
        CongressInSession c = new CongressInSession(this, 2, 1);
        String voter = bearerOf(c.voters.get(0));
        String organiser = bearerOf(c.organiser);
        String auditor = bearerOf(account("AUDITOR", c.scenario.province));

        HttpResponse<String> anonymous = scrape(null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(anonymous.body()).doesNotContain("daihoi_");
        for (String token : List.of(voter, organiser, auditor)) {
            HttpResponse<String> refused = scrape(token);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("urn:daihoi:problem:forbidden").doesNotContain("daihoi_");
        }
        assertThat(scrape("not-a-token").statusCode()).isEqualTo(401);

        String admin = login("admin", ADMIN_PASSWORD);
        assertThat(scrape(admin).statusCode()).isEqualTo(200);
        for (String endpoint : List.of("/actuator/metrics", "/actuator/env", "/actuator/beans", "/actuator/threaddump", "/actuator/loggers")) {
            HttpResponse<String> a = client.send(request(endpoint, admin), HttpResponse.BodyHandlers.ofString());
            assertThat(a.statusCode()).as(endpoint).isEqualTo(404);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private HttpResponse<String> scrape(String token) throws IOException, InterruptedException {
        return client.send(request("/actuator/prometheus", token), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/plain").GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b.build();
    }

    /** The bearer token a support client sends (read back from a request it makes). */
    private String bearerOf(Http client) {
        return client.token();
    }

    private String unitCode(String unitId, String admin) throws IOException, InterruptedException {
        HttpResponse<String> u = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/units/" + unitId + "?asOf=2024-01-01"))
                .header("Authorization", "Bearer " + admin).header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(u.statusCode()).as(u.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(u.body()).path("unit").path("code").asText();
    }

    /** The labels of every sample of {@code name} whose labels include {@code having}. */
    private static List<Map<String, String>> samples(String text, String name, Map<String, String> having) {
        return text.lines().map(SAMPLE::matcher).filter(Matcher::matches).filter(m -> m.group(1).equals(name))
                .map(m -> labels(m.group(2))).filter(l -> l.entrySet().containsAll(having.entrySet())).toList();
    }

    /** The sum of the samples of {@code name} whose labels include {@code having}; 0 when there is none. */
    private static double value(String text, String name, Map<String, String> having) {
        return text.lines().map(SAMPLE::matcher).filter(Matcher::matches).filter(m -> m.group(1).equals(name))
                .filter(m -> labels(m.group(2)).entrySet().containsAll(having.entrySet()))
                .mapToDouble(m -> Double.parseDouble(m.group(3))).sum();
    }

    private static Map<String, String> labels(String raw) {
        Map<String, String> labels = new HashMap<>();
        if (raw == null) return labels;
        Matcher m = LABEL.matcher(raw);
        while (m.find()) labels.put(m.group(1), m.group(2));
        return labels;
    }
}
