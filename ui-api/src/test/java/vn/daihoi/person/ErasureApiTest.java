package vn.daihoi.person;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;
import vn.daihoi.support.Scenario;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * erasing a person removes his personal data from every API answer and every table, while the congress
 * history stays whole and replays to the same roll.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErasureApiTest extends ApiTest {

    private static final String NAME = "Hồ Thị Xuân Quỳnh Bí Mật (hư cấu)";
    private static final String PHONE = "0909123457";
    private static final String EMAIL = "quynh.bimat@example.invalid";

    @Autowired
    EventProcessingConfiguration processing;

    /** Every text column of every table in the schema holding one of the needles. */
    private List<String> tablesHolding(String... needles) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = current_schema() and data_type in ('character varying', 'text', 'bytea', 'ARRAY', 'jsonb')""");
        List<String> hits = new java.util.ArrayList<>();
        for (Map<String, Object> c : columns) {
            String table = (String) c.get("table_name");
            String column = (String) c.get("column_name");
            String asText = "bytea".equals(c.get("data_type")) ? "convert_from(" + column + ", 'UTF8')" : column + "::text";
            if ("bytea".equals(c.get("data_type"))) {
                for (String n : needles) {
                    Long count = jdbc.queryForObject("select count(*) from " + table + " where position(?::bytea in " + column + ") > 0",
                            Long.class, (Object) n.getBytes(StandardCharsets.UTF_8));
                    if (count != null && count > 0) hits.add(table + "." + column);
                }
                continue;
            }
            for (String n : needles) {
                Long count = jdbc.queryForObject("select count(*) from " + table + " where " + asText + " like ?", Long.class, "%" + n + "%");
                if (count != null && count > 0) hits.add(table + "." + column);
            }
        }
        return hits;
    }

    @Test
    void erasingAPersonRemovesHisDataEverywhereAndKeepsTheHistoryReplayable(CapturedOutput output) throws Exception {
        Scenario s = new Scenario(admin()).units();
        Http organiser = account("ORGANISER", s.branch);
        s.convene(organiser);
        Answer added = organiser.post("/api/congresses/" + s.congress + "/delegates", """
                {"code":"X01","person":{"fullName":"%s","phone":"%s","email":"%s","birthDate":"1979-09-02"},"category":"DELEGATE"}"""
                .formatted(NAME, PHONE, EMAIL));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        String personId = added.body().path("personId").asText();
        String delegateId = added.body().path("delegateId").asText();
        organiser.post("/api/congresses/" + s.congress + "/delegates/" + delegateId + "/check-in", "");
        assertThat(organiser.get("/api/people/" + personId).body().path("fullName").asText()).isEqualTo(NAME);

        // Before erasure the data is only in the people read model: the events hold it sealed.
        assertThat(tablesHolding(NAME, PHONE, EMAIL)).containsOnly("person_view.full_name", "person_view.phone", "person_view.email");
        long eventsBefore = eventCount();

        assertThat(organiser.post("/api/people/" + personId + "/erase", "{\"requestReference\":\"YC-01\"}").status())
                .as("only administrators erase").isEqualTo(403);
        Answer erased = admin().post("/api/people/" + personId + "/erase", "{\"requestReference\":\"YC-2026-001\"}");
        assertThat(erased.status()).as(erased.raw()).isEqualTo(200);
        assertThat(erased.body().path("erased").asBoolean()).isTrue();

        assertThat(tablesHolding(NAME, PHONE, EMAIL)).as("no table holds the data").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from person_key where person_id = ?", Long.class, personId)).isZero();
        JsonNode entry = organiser.get("/api/congresses/" + s.congress + "/delegates").body().path("delegates").get(0);
        assertThat(entry.path("fullName").isNull()).isTrue();
        assertThat(entry.path("present").asBoolean()).as("the history stays").isTrue();
        assertThat(organiser.get("/api/people/" + personId).raw()).doesNotContain(NAME).doesNotContain(PHONE);
        assertThat(eventCount()).as("nothing rewritten: one event added").isEqualTo(eventsBefore + 1);

        // Replaying both projections from the store gives the same roll, still without the data.
        for (String group : List.of("people", CongressProjection.PROCESSING_GROUP)) {
            StreamingEventProcessor p = processing.eventProcessor(group, StreamingEventProcessor.class).orElseThrow();
            p.shutDown();
            p.resetTokens();
            p.start();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode replayed = null;
        while (System.nanoTime() < deadline) {
            Answer roll = organiser.get("/api/congresses/" + s.congress + "/delegates");
            if (roll.status() == 200 && roll.body().path("delegates").size() == 1
                    && admin().get("/api/people/" + personId).status() == 200) {
                replayed = roll.body().path("delegates").get(0);
                break;
            }
            Thread.sleep(100);
        }
        assertThat(replayed).as("replay finished").isNotNull();
        assertThat(replayed.path("present").asBoolean()).isTrue();
        assertThat(replayed.path("fullName").isNull()).isTrue();
        assertThat(tablesHolding(NAME, PHONE, EMAIL)).isEmpty();
        assertThat(output.getAll()).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain(EMAIL);
    }
}
