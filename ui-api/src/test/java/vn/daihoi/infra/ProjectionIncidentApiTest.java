package vn.daihoi.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;
import vn.daihoi.support.Scenario;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, finding 7 and acceptance 5: a projection that cannot store an event stops in error and says so, the
 * event is not lost, and a replay run while it fails leaves the previous read models readable. The fault is
 * real, not a test double: a check constraint on a read-model table that refuses one name, as a too-long value
 * or a NUL did in the finding; removing it is "fixing the data".
 */
class ProjectionIncidentApiTest extends ApiTest {

    private static final String POISON = "ĐỘC DƯỢC";

    @Test
    void aProjectionThatCannotStoreAnEventStopsInErrorAndAReplayDuringItKeepsThePreviousReadModels() {
        Http admin = admin();
        Scenario s = new Scenario(admin).units();
        List<String> reads = List.of("/api/units/" + s.province, "/api/units/" + s.upper, "/api/units/" + s.branch,
                "/api/units/" + s.upper + "/history", "/api/units?asOf=2024-01-01&root=" + s.province);
        List<JsonNode> before = reads.stream().map(p -> admin.get(p).body()).toList();
        String oldName = admin.get("/api/units/" + s.upper).body().path("unit").path("name").asText();
        String poisoned = "Công đoàn " + POISON + " " + s.run;

        jdbc.execute("alter table unit_version add constraint incident_test_fault check (name not like '%" + POISON + "%')");
        try {
            long events = eventCount();
            Answer rename = admin.post("/api/units/" + s.upper + "/rename", """
                    {"name":"%s","effectiveOn":"2025-01-01","decision":{"number":"7/QĐ"}}""".formatted(poisoned));
            // ADR 0027: stored, but its read model cannot have it: 202 (Location, Daihoi-Read-Model-Stale), not a stale 200.
            assertThat(rename.status()).as(rename.raw()).isEqualTo(202);
            assertThat(rename.raw()).as("no body from a read model that does not have the write").isEmpty();
            assertThat(eventCount()).as("the rename is a stored fact").isEqualTo(events + 1);

            // The processor stops in error and health says so.
            awaitTrue(Duration.ofSeconds(20), () -> admin.get("/actuator/health").body().path("components")
                    .path("eventProcessors").path("details").path("units").path("error").asBoolean());
            Answer health = admin.get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body().path("status").asText()).isEqualTo("DOWN");

            // The read models still answer, as they stood before the event that could not be stored.
            assertThat(admin.get("/api/units/" + s.upper).body().path("unit").path("name").asText()).isEqualTo(oldName);

            // A replay now cannot complete: it says so and leaves the previous read models in place.
            Answer replay = admin.post("/api/operations/replay", "");
            assertThat(replay.status()).as(replay.raw()).isEqualTo(503);
            assertThat(replay.contentType()).startsWith("application/problem+json");
            assertThat(replay.body().path("code").asText()).isEqualTo("replay-failed");
            assertThat(replay.body().path("inError").toString()).contains("units");
            for (int i = 0; i < reads.size(); i++) {
                Answer a = admin.get(reads.get(i));
                assertThat(a.status()).as(reads.get(i)).isEqualTo(200);
                assertThat(a.body()).as(reads.get(i) + " after the failed replay").isEqualTo(before.get(i));
            }
        } finally {
            jdbc.execute("alter table unit_version drop constraint if exists incident_test_fault");
        }

        // Once the data is fixed the processor resumes by itself and the event it could not store is applied.
        awaitTrue(Duration.ofSeconds(90), () -> poisoned.equals(admin.get("/api/units/" + s.upper).body().path("unit").path("name").asText()));
        awaitTrue(Duration.ofSeconds(30), () -> admin.get("/actuator/health").status() == 200);

        Answer replay = admin.post("/api/operations/replay", "");
        assertThat(replay.status()).as(replay.raw()).isEqualTo(200);
        assertThat(replay.body().path("replaced").asBoolean()).isTrue();
        replay.body().path("caughtUp").forEach(v -> assertThat(v.asBoolean()).as(replay.raw()).isTrue());
        assertThat(admin.get("/api/units/" + s.upper).body().path("unit").path("name").asText()).isEqualTo(poisoned);
        assertThat(jdbc.queryForObject("select count(*) from information_schema.schemata where schema_name = 'daihoi_replay'", Long.class))
                .as("the replay's copies are gone").isZero();
    }

    private static void awaitTrue(Duration limit, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not true within " + limit);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
