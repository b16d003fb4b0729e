package vn.daihoi.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.daihoi.infra.ProjectionSync.Freshness;
import vn.daihoi.organisation.UnitProjection;
import vn.daihoi.support.ApiTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 7 (ADR 0027): read-your-writes waits without a request thread, from the shared token store, and a
 * late read model is said, never a silent stale 200.
 */
class ReadYourWritesWithoutPollingApiTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    ProjectionSync sync;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    Serializer serializer;

    @Test
    void aWriteWhoseReadModelIsHeldBackIsAcceptedWithItsLocationWithinTheLimitWithoutHoldingARequestThread() throws Exception {
        String token = login("admin", ADMIN_PASSWORD);
        String run = run();
        try (HeldBack held = holdBackTheUnitsProjection()) {
            heldBackWritesAreAccepted(token, run);
        }
        // The location is where the write shows once the projection runs again.
        awaitShown(acceptedLocation, token);
    }

    private String acceptedLocation;

    private void heldBackWritesAreAccepted(String token, String run) throws Exception {
        // More writes at once than Tomcat has request threads (16): held threads would answer them in waves of 5 s.
        int writes = 40;
        long t0 = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
            answers.add(client.sendAsync(post("/api/units", token, unit("HELD-" + run + "-" + i, "Liên đoàn Lao động tỉnh Chờ " + i)),
                    HttpResponse.BodyHandlers.ofString()));
        }
        // While all of them wait for the read model, the server still answers at once.
        Thread.sleep(1500);
        long p0 = System.nanoTime();
        HttpResponse<String> probe = client.send(get("/api/units/" + UUID.randomUUID() + "?asOf=2024-01-01", token),
                HttpResponse.BodyHandlers.ofString());
        long probeMillis = (System.nanoTime() - p0) / 1_000_000;
        assertThat(answers).as("the writes are still waiting for their read model when the probe is answered")
                .noneMatch(CompletableFuture::isDone);
        assertThat(probe.statusCode()).isEqualTo(404);
        assertThat(probeMillis).as("a read while %d writes wait, ms", writes).isLessThan(1000);

        List<String> locations = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> f : answers) {
            HttpResponse<String> a = f.get(20, TimeUnit.SECONDS);
            assertThat(a.statusCode()).as(a.body()).isEqualTo(202);
            assertThat(a.headers().firstValue(ProjectionSync.STALE_HEADER)).contains("true");
            assertThat(a.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/api/units/"));
            assertThat(a.body()).as("no body from a read model that does not have the write").isEmpty();
            locations.add(a.headers().firstValue("Location").orElseThrow());
        }
        long allMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("%d held-back writes answered 202 in %d ms (limit %d ms); a read meanwhile in %d ms%n",
                writes, allMillis, sync.limit().toMillis(), probeMillis);
        assertThat(allMillis).as("every answer within the limit and a margin, ms").isLessThan(sync.limit().toMillis() + 2500);
        assertThat(allMillis).as("the answers waited for the limit").isGreaterThanOrEqualTo(sync.limit().toMillis());

        acceptedLocation = locations.get(0);
    }

    private void awaitShown(String location, String token) throws Exception {
        HttpResponse<String> later = null;
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40); System.nanoTime() < deadline; Thread.sleep(200)) {
            later = client.send(get(location + "?asOf=2024-01-01", token), HttpResponse.BodyHandlers.ofString());
            if (later.statusCode() == 200) break;
        }
        assertThat(later).isNotNull();
        assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
        assertThat(JSON.readTree(later.body()).path("unit").path("name").asText()).startsWith("Liên đoàn Lao động tỉnh Chờ ");
    }

    @Test
    void aWriteWhoseReadModelIsCaughtUpAnswersItsResourceWithoutTheStaleMark() throws Exception {
        String token = login("admin", ADMIN_PASSWORD);
        String name = "Liên đoàn Lao động tỉnh Kịp " + run();
        HttpResponse<String> a = client.send(post("/api/units", token, unit("FRESH-" + run(), name)), HttpResponse.BodyHandlers.ofString());
        assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
        assertThat(a.headers().firstValue(ProjectionSync.STALE_HEADER)).isEmpty();
        JsonNode body = JSON.readTree(a.body());
        assertThat(body.path("unit").path("name").asText()).isEqualTo(name);
        assertThat(a.headers().firstValue("Location")).contains("/api/units/" + body.path("unit").path("unitId").asText());
    }

    /**
     * The position comes from the token store, whoever owns the segment: a group no processor of this JVM runs, whose
     * segment for the written aggregate another node has claimed and moved past the write, counts as caught up (its
     * other segment, which never sees that aggregate, may lag); behind the write, or with the write among its gaps,
     * it does not.
     */
    @Test
    void segmentsAnotherNodeOwnsCountAsCaughtUpWhenTheirStoredPositionIsPastTheWrite() throws Exception {
        String token = login("admin", ADMIN_PASSWORD);
        HttpResponse<String> a = client.send(post("/api/units", token, unit("NODE-" + run(), "Liên đoàn Lao động tỉnh Nút Khác")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
        String unitId = JSON.readTree(a.body()).path("unit").path("unitId").asText();
        long event = jdbc.queryForObject("select max(global_index) from domain_event_entry where aggregate_identifier = ?", Long.class, unitId);
        // Of two segments, the one Axon's default sequencing policy sends this aggregate's events to.
        int own = Segment.computeSegment(0, 0, 1).matches(unitId) ? 0 : 1;
        int other = 1 - own;

        String past = "elsewhere-past-" + run();
        assertThat(processing.eventProcessor(past)).isEmpty();
        storeToken(past, own, "node-b@10.0.0.2", GapAwareTrackingToken.newInstance(event + 7, new TreeSet<>(Set.of(event + 3))));
        storeToken(past, other, "node-c@10.0.0.3", GapAwareTrackingToken.newInstance(event - 5, Set.of()));
        String behind = "elsewhere-behind-" + run();
        storeToken(behind, own, "node-b@10.0.0.2", GapAwareTrackingToken.newInstance(event - 1, Set.of()));
        storeToken(behind, other, "node-c@10.0.0.3", GapAwareTrackingToken.newInstance(event + 7, Set.of()));
        String gap = "elsewhere-gap-" + run();
        storeToken(gap, own, "node-b@10.0.0.2", GapAwareTrackingToken.newInstance(event + 7, new TreeSet<>(Set.of(event))));
        storeToken(gap, other, "node-c@10.0.0.3", GapAwareTrackingToken.newInstance(event + 7, Set.of()));
        try {
            answersFromTheTokenStore(unitId, past, behind, gap);
        } finally {
            jdbc.update("delete from token_entry where processor_name in (?, ?, ?)", past, behind, gap);
        }
    }

    private void answersFromTheTokenStore(String unitId, String past, String behind, String gap) throws Exception {
        long t0 = System.nanoTime();
        CompletableFuture<Freshness> caughtUp = sync.after(past, List.of(unitId));
        CompletableFuture<Freshness> late = sync.after(behind, List.of(unitId));
        CompletableFuture<Freshness> waitingForTheGap = sync.after(gap, List.of(unitId));
        assertThat(caughtUp.get(1, TimeUnit.SECONDS)).isEqualTo(Freshness.CAUGHT_UP);
        assertThat((System.nanoTime() - t0) / 1_000_000).as("ms to see another node's position").isLessThan(1000);
        assertThat(late.get(sync.limit().toMillis() + 2000, TimeUnit.MILLISECONDS)).isEqualTo(Freshness.LATE);
        assertThat(waitingForTheGap.get(sync.limit().toMillis() + 2000, TimeUnit.MILLISECONDS)).isEqualTo(Freshness.LATE);

        // Its cost: one query reads every waiting group's segments (each tick, not each request).
        List<String> groups = List.of("units", "congresses", "elections", "terms", "people");
        for (int i = 0; i < 200; i++) sync.positions(groups);
        int n = 2000;
        long q0 = System.nanoTime();
        for (int i = 0; i < n; i++) sync.positions(groups);
        double micros = (System.nanoTime() - q0) / 1000.0 / n;
        System.out.printf("token store read of %d groups: %.0f µs per tick%n", groups.size(), micros);
        assertThat(micros).as("µs per read of all groups' positions").isLessThan(5000);
    }

    /**
     * A console page renders the read model right after its form, so it waits (bounded) rather than answer 202; when
     * the read model is late, the redirect carries the stale mark and the page it leads to says so in words.
     */
    @Test
    void aConsoleFormWhoseReadModelIsLateSaysSoOnThePageItLeadsTo() throws Exception {
        String token = login("admin", ADMIN_PASSWORD);
        String name = "Liên đoàn Lao động tỉnh Trang " + run();
        HttpResponse<String> a = client.send(post("/api/units", token, unit("PAGE-" + run(), name)), HttpResponse.BodyHandlers.ofString());
        assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
        String unitId = JSON.readTree(a.body()).path("unit").path("unitId").asText();

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(form(browser, "/staff", "username=admin&password=" + ADMIN_PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> fresh = browser.send(page("/console/units/" + unitId + "?on=2024-01-01"), HttpResponse.BodyHandlers.ofString());
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.body()).contains(name).doesNotContain("data-read-model-stale");

        HttpResponse<String> renamed;
        long millis;
        try (HeldBack held = holdBackTheUnitsProjection()) {
            long t0 = System.nanoTime();
            renamed = form(browser, "/console/units/" + unitId + "/rename", "name=" + java.net.URLEncoder.encode(name + " Mới", StandardCharsets.UTF_8)
                    + "&effectiveOn=2025-01-01&decision.number=" + java.net.URLEncoder.encode("9/QĐ", StandardCharsets.UTF_8));
            millis = (System.nanoTime() - t0) / 1_000_000;
        }
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(302);
        assertThat(renamed.headers().firstValue(ProjectionSync.STALE_HEADER)).contains("true");
        assertThat(millis).as("the page waited the limit, no more, ms").isBetween(sync.limit().toMillis(), sync.limit().toMillis() + 2500);
        HttpResponse<String> next = browser.send(page(renamed.headers().firstValue("Location").orElseThrow()), HttpResponse.BodyHandlers.ofString());
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).contains("data-read-model-stale").contains("Trang này có thể chưa hiện thay đổi vừa rồi");
        // Once read, the notice is gone: it spoke of that write only.
        HttpResponse<String> again = browser.send(page("/console/units/" + unitId + "?on=2024-01-01"), HttpResponse.BodyHandlers.ofString());
        assertThat(again.body()).doesNotContain("data-read-model-stale");

        // The projection runs again and the rename shows (and the next test finds the processor as it was).
        String shown = null;
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40); System.nanoTime() < deadline; Thread.sleep(200)) {
            HttpResponse<String> u = client.send(get("/api/units/" + unitId + "?asOf=2025-06-01", token), HttpResponse.BodyHandlers.ofString());
            shown = JSON.readTree(u.body()).path("unit").path("name").asText();
            if (shown.equals(name + " Mới")) break;
        }
        assertThat(shown).isEqualTo(name + " Mới");
    }

    private HttpResponse<String> form(HttpClient browser, String path, String fields) throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(browser.send(page("/vote"), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(m.find()).as("a CSRF field on the page").isTrue();
        String body = "_csrf=" + java.net.URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + "&" + fields;
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest page(String path) {
        return HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "text/html").GET().build();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The units projection, held back until closed: its table is locked against writes, reads still go through. */
    private interface HeldBack extends AutoCloseable {
        @Override
        void close() throws java.sql.SQLException;
    }

    /**
     * Locks the units read model's table against writes in a transaction of the test's own: the projection's handlers
     * wait on the lock (every unit event writes {@code unit_version}), so its tokens stay before the writes, while the
     * commands (which write the event store and the command side's directory) and every read go on. Closing rolls
     * the lock back and the projection carries on, with nothing lost and no error.
     */
    private HeldBack holdBackTheUnitsProjection() throws java.sql.SQLException {
        java.sql.Connection c = java.util.Objects.requireNonNull(jdbc.getDataSource()).getConnection();
        c.setAutoCommit(false);
        try (var st = c.createStatement()) {
            st.execute("lock table unit_version in exclusive mode");
        }
        return () -> {
            try (c) {
                c.rollback();
            }
        };
    }

    private void storeToken(String processor, int segment, String owner, GapAwareTrackingToken token) {
        SerializedObject<byte[]> bytes = serializer.serialize(token, byte[].class);
        jdbc.update("insert into token_entry (processor_name, segment, token, token_type, timestamp, owner) values (?, ?, ?, ?, ?, ?)",
                processor, segment, bytes.getData(), bytes.getType().getName(), java.time.Instant.now().toString(), owner);
    }

    private HttpRequest post(String path, String token, String json) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json, application/problem+json").GET().build();
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String unit(String code, String name) {
        return """
                {"code":"%s","name":"%s","kind":"PROVINCIAL_FEDERATION","effectiveOn":"2020-01-01","decision":{"number":"1/QĐ"}}"""
                .formatted(code, name);
    }
}
