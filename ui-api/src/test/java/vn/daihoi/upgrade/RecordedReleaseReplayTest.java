package vn.daihoi.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.delegate.CheckInDelegateCommand;
import vn.daihoi.election.PublishResultsCommand;
import vn.daihoi.infra.CommandLookupRebuild;
import vn.daihoi.infra.ProjectionReplay;
import vn.daihoi.support.TestDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue 13, acceptance 4: a database the previous release (d9b4eb8) wrote — its event stream, lookups and read models,
 * recorded by {@code src/test/resources/recorded/record.sh} after loading the three seeds — is started by this release:
 * Flyway brings its schema forward, the new command-side lookups are filled from its events, every projection is
 * replayed from its events through the upcasters and gives back the read models that release had built, row for
 * row, and its aggregates load and decide (a congress refuses a second check-in, an election publishes a counted
 * round's results).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RecordedReleaseReplayTest {

    static final String RELEASE = "/recorded/release-d9b4eb8/";
    static final List<String> READ_MODELS = List.of("unit_version", "unit_change", "unit_summary", "person_view", "congress_view",
            "delegate_view", "decision_view", "election_view", "candidate_view", "round_view", "round_result_line",
            "published_ballot", "confidence_round", "confidence_result_line", "term_view", "term_change", "holding_view");

    private static String url;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("daihoi.db.url", RecordedReleaseReplayTest::restored);
        registry.add("daihoi.db.user", TestDatabase::user);
    }

    /** A new database holding exactly what the previous release left (its pg_dump), before this release starts on it. */
    static synchronized String restored() {
        if (url != null) return url;
        String fresh = TestDatabase.another();
        try (InputStream in = new GZIPInputStream(RecordedReleaseReplayTest.class.getResourceAsStream(RELEASE + "database.sql.gz"));
             Connection c = DriverManager.getConnection(fresh, TestDatabase.user(), "");
             Statement s = c.createStatement()) {
            // psql's meta-commands (\restrict) are not SQL; everything else is run as the dump wrote it.
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("\\")).collect(Collectors.joining("\n"));
            s.execute(script);
        } catch (Exception e) {
            throw new IllegalStateException("could not restore the recorded release", e);
        }
        url = fresh;
        return url;
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionReplay replay;
    @Autowired
    CommandGateway commands;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theRecordedStreamReplaysToTheSameReadModelsAndItsAggregatesStillDecide() throws Exception {
        // The recorded database is the previous release's: its Flyway history stops before this release's lookups.
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where version = '2026.12.09.41'", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class)).isEqualTo(346);

        // The lookups this release added were filled from the recorded events on start.
        assertThat(jdbc.queryForObject("select version from cmd_lookup_version", Integer.class)).isEqualTo(CommandLookupRebuild.VERSION);
        assertThat(jdbc.queryForObject("select count(*) from cmd_assembly", Integer.class))
                .isEqualTo(jdbc.queryForObject("select count(*) from congress_view", Integer.class));
        assertThat(jdbc.queryForObject("select count(*) from cmd_assembly_seat", Integer.class))
                .isEqualTo(jdbc.queryForObject("select count(*) from delegate_view", Integer.class));
        assertThat(jdbc.queryForObject("select count(*) from cmd_assembly_seat where present", Integer.class))
                .isEqualTo(jdbc.queryForObject("select count(*) from delegate_view where present", Integer.class));
        assertThat(jdbc.queryForObject("select count(*) from cmd_assembly_decision", Integer.class))
                .isEqualTo(jdbc.queryForObject("select count(*) from decision_view", Integer.class));
        assertThat(jdbc.queryForObject("select count(*) from cmd_election_elected", Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from cmd_election where open_rounds > 0", Integer.class)).isZero();

        // Every projection rebuilt from the recorded events gives back what the previous release had built.
        ProjectionReplay.Replayed done = replay.replayAll();
        assertThat(done.replaced()).as("replay %s", done).isTrue();
        for (String table : READ_MODELS) {
            ArrayNode expected = (ArrayNode) json.readTree(resource(table + ".json"));
            assertThat(expected).as(table).isNotEmpty();
            assertThat(rows(table, keys(expected))).as(table).isEqualTo(expected);
        }

        // The recorded congress loads from its events and decides: a delegate it checked in cannot check in again.
        String[] present = jdbc.queryForObject("select congress_id, delegate_id from delegate_view where present limit 1",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
        Throwable refused = catchThrowable(() -> commands.sendAndWait(new CheckInDelegateCommand(present[0], present[1], null)));
        assertThat(RuleViolationOf.of(refused)).isNotNull();
        assertThat(RuleViolationOf.of(refused).type()).isIn("already-checked-in", "congress-not-open");

        // The recorded election loads with its counted rounds: publishing one's results is accepted, once.
        String[] counted = jdbc.queryForObject("select election_id, round from round_view where status = 'COUNTED' order by election_id limit 1",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)});
        commands.sendAndWait(new PublishResultsCommand(counted[0], Integer.parseInt(counted[1]), "recorded-release-link-000000001"));
        Throwable again = catchThrowable(() -> commands.sendAndWait(
                new PublishResultsCommand(counted[0], Integer.parseInt(counted[1]), "recorded-release-link-000000002")));
        assertThat(RuleViolationOf.of(again).type()).isEqualTo("results-already-published");
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(RELEASE + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> keys(ArrayNode rows) {
        Set<String> keys = new TreeSet<>();
        rows.forEach(r -> r.fieldNames().forEachRemaining(keys::add));
        return keys;
    }

    /** The table's rows as the recording wrote them (the same query), restricted to the columns the recording had. */
    private JsonNode rows(String table, Set<String> keys) throws IOException {
        String text = jdbc.queryForObject("select coalesce(json_agg(r order by r::text), '[]') from "
                + "(select to_jsonb(x) - 'updated_at' - array(select k from jsonb_object_keys(to_jsonb(x)) k where not k = any (?)) as r from "
                + table + " x) s", String.class, (Object) keys.toArray(String[]::new));
        return json.readTree(text);
    }

    /** The rule violation a command was refused with, through Axon's wrapping. */
    static final class RuleViolationOf {
        static RuleViolation of(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof RuleViolation v) return v;
                if (c instanceof org.axonframework.commandhandling.CommandExecutionException e
                        && e.getDetails().orElse(null) instanceof RuleViolation v) return v;
            }
            return null;
        }
    }
}
