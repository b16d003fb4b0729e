package vn.daihoi.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Ballots;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.ConfidenceVote;
import vn.daihoi.support.Http.Answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0018: the database chains every stored event, a counted round is checkpointed and signed, and
 * {@code POST /api/operations/verify} names every kind of change an attacker with the database could make — an
 * event's bytes, two events' contents swapped, an event deleted, a published ballot, a result, a checkpoint, a
 * chain row. Each case alters one thing, checks the answer, puts it back and checks the record is intact again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TamperEvidenceApiTest extends ApiTest {

    private CongressInSession c;
    private String election;
    private String confidence;
    private long roundUpTo;

    @BeforeAll
    void aCongressWithACountedElectionAndConfidenceVote() {
        c = new CongressInSession(this, 5, 5);
        List<String> candidates = c.personIds.subList(0, 4);
        Ballots.Result r = new Ballots(c.organiser, c.scenario.congress)
                .elect("EXECUTIVE_COMMITTEE", 3, candidates, candidates.subList(0, 3), c.voters);
        election = r.electionId();
        ConfidenceVote vote = new ConfidenceVote(c, c.personIds.subList(0, 2), List.of("Chủ tịch", "Phó Chủ tịch"));
        confidence = vote.electionId;
        assertThat(vote.openRound(1).status()).isEqualTo(201);
        for (var v : c.voters) assertThat(vote.rate(v, 1, UUID.randomUUID().toString(), "HIGH", "LOW").status()).isEqualTo(201);
        Answer closed = vote.close(1);
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        roundUpTo = awaitCheckpoint("round", election + "#1");
        awaitCheckpoint("round", confidence + "#1");
    }

    long awaitCheckpoint(String kind, String subject) {
        for (int i = 0; i < 150; i++) {
            List<Long> upTo = jdbc.queryForList("select up_to from checkpoint where kind = ? and subject = ?", Long.class, kind, subject);
            if (!upTo.isEmpty()) return upTo.get(0);
            sleep(100);
        }
        throw new AssertionError("no " + kind + " checkpoint for " + subject);
    }

    private JsonNode verify() {
        Answer a = admin().post("/api/operations/verify", "");
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        return a.body();
    }

    private void assertIntact() {
        JsonNode v = verify();
        assertThat(v.path("findings")).as(v.toString()).isEmpty();
        assertThat(v.path("intact").asBoolean()).isTrue();
    }

    /** Alters, verifies that the change is named, restores, and verifies that the record is whole again. */
    private void detects(Runnable alter, Runnable restore, String kind, String where) {
        alter.run();
        try {
            JsonNode v = verify();
            assertThat(v.path("intact").asBoolean()).as(v.toString()).isFalse();
            List<String> found = new ArrayList<>();
            v.path("findings").forEach(f -> {
                found.add(f.path("kind").asText() + " " + f.path("where").asText());
                assertThat(f.path("vi").asText()).isNotBlank();
                assertThat(f.path("en").asText()).isNotBlank();
            });
            assertThat(found).as(v.toString()).contains(kind + " " + where);
        } finally {
            restore.run();
        }
        assertIntact();
    }

    @Test
    void theUntouchedRecordIsIntactAndItsCountsAreReported() {
        JsonNode v = verify();
        assertThat(v.path("findings")).as(v.toString()).isEmpty();
        assertThat(v.path("intact").asBoolean()).isTrue();
        assertThat(v.path("eventsChecked").asLong()).isEqualTo(eventCount());
        assertThat(v.path("checkpointsChecked").asLong()).isGreaterThanOrEqualTo(2)
                .isEqualTo(jdbc.queryForObject("select count(*) from checkpoint", Long.class));
    }

    @org.springframework.beans.factory.annotation.Autowired
    private Checkpoints checkpoints;

    @org.springframework.beans.factory.annotation.Autowired
    private javax.sql.DataSource dataSource;

    /**
     * ADR 0018: a checkpoint never signs heads while an append is in flight; it waits the append out (NOWAIT, then
     * again 25 ms later) rather than give up its turn. An append's transaction holds the event table for 300 ms.
     */
    @Test
    void aCheckpointWaitsOutAnAppendInFlightInsteadOfGivingUp() throws Exception {
        long before = jdbc.queryForObject("select count(*) from checkpoint where kind = 'periodic'", Long.class);
        try (java.sql.Connection append = dataSource.getConnection()) {
            append.setAutoCommit(false);
            append.createStatement().execute("lock table domain_event_entry in row exclusive mode");
            Thread release = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    append.rollback();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            release.start();
            long start = System.nanoTime();
            checkpoints.makePeriodic();
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            release.join();
            assertThat(waitedMs).as("it waited for the append").isGreaterThanOrEqualTo(250);
        }
        assertThat(jdbc.queryForObject("select count(*) from checkpoint where kind = 'periodic'", Long.class)).isGreaterThan(before);
        assertThat(Checkpoints.appendInFlight(new org.springframework.jdbc.UncategorizedSQLException("lock", "lock table",
                new java.sql.SQLException("could not obtain lock", "55P03")))).isTrue();
        assertThat(Checkpoints.appendInFlight(new org.springframework.jdbc.UncategorizedSQLException("x", "select",
                new java.sql.SQLException("syntax", "42601")))).isFalse();
    }

    @Test
    void everyStoredEventHasTheChainHashOfTheFormulaRecomputedHere() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select e.*, c.entry_hash from domain_event_entry e join event_chain c using (global_index)
                where e.aggregate_identifier = ? order by e.sequence_number""", election);
        byte[] previous = new byte[32];
        for (Map<String, Object> r : rows) {
            byte[] h = ChainFormula.hash(previous, (String) r.get("event_identifier"), (String) r.get("aggregate_identifier"),
                    ((Number) r.get("sequence_number")).longValue(), (String) r.get("type"), (String) r.get("time_stamp"),
                    (String) r.get("payload_type"), (String) r.get("payload_revision"), (byte[]) r.get("payload"), (byte[]) r.get("meta_data"));
            assertThat(h).isEqualTo((byte[]) r.get("entry_hash"));
            previous = h;
        }
        assertThat(rows).hasSizeGreaterThan(3);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry e left join event_chain c using (global_index) where c.global_index is null",
                Long.class)).isZero();
    }

    @Test
    void anAppendWithoutItsPredecessorIsRefusedByTheDatabase() {
        String stream = UUID.randomUUID().toString();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload)
                values (?, ?, 1, 'X', '2026-12-07T00:00:00Z', 'X', '{}'::bytea)""", UUID.randomUUID().toString(), stream))
                .hasMessageContaining("has no entry before sequence 1");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, stream)).isZero();
    }

    @Test
    void oneByteOfOneEventsPayloadIsNamed() {
        long index = indexOf(election, 1);
        byte[] before = jdbc.queryForObject("select payload from domain_event_entry where global_index = ?", byte[].class, index);
        detects(() -> jdbc.update("update domain_event_entry set payload = set_byte(payload, 2, get_byte(payload, 2) # 1) where global_index = ?", index),
                () -> jdbc.update("update domain_event_entry set payload = ? where global_index = ?", before, index),
                "event-altered", election + "#1");
    }

    @Test
    void twoEventsWhosePayloadsWereSwappedAreNamedAsReordered() {
        long a = indexOf(c.scenario.congress, 1);
        long b = indexOf(c.scenario.congress, 2);
        byte[] pa = jdbc.queryForObject("select payload from domain_event_entry where global_index = ?", byte[].class, a);
        byte[] pb = jdbc.queryForObject("select payload from domain_event_entry where global_index = ?", byte[].class, b);
        assertThat(pa).isNotEqualTo(pb);
        Runnable swap = () -> {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", pb, a);
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", pa, b);
        };
        Runnable back = () -> {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", pa, a);
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", pb, b);
        };
        detects(swap, back, "event-reordered", c.scenario.congress + "#1,2");
    }

    @Test
    void theLastEventOfACheckpointedStreamDeletedIsNamedAsMissing() {
        long last = jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ? and global_index <= ?",
                Long.class, election, roundUpTo);
        assertThat(jdbc.queryForObject("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?", Long.class, election))
                .as("nothing was stored in the election after its count").isEqualTo(last);
        long index = indexOf(election, last);
        Map<String, Object> row = jdbc.queryForMap("select * from domain_event_entry where global_index = ?", index);
        Runnable restore = () -> {
            jdbc.update("delete from event_chain where global_index = ?", index);
            jdbc.update("""
                    insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                      payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    index, row.get("event_identifier"), row.get("aggregate_identifier"), row.get("sequence_number"), row.get("type"),
                    row.get("time_stamp"), row.get("payload_type"), row.get("payload_revision"), row.get("payload"), row.get("meta_data"));
            jdbc.update("delete from checkpoint_due where global_index = ?", index);
        };
        // The event alone: its chain row still names it.
        detects(() -> jdbc.update("delete from domain_event_entry where global_index = ?", index), restore, "event-missing", election + "#" + last);
        // The event and its chain row: the signed checkpoint still names it.
        detects(() -> {
            jdbc.update("delete from domain_event_entry where global_index = ?", index);
            jdbc.update("delete from event_chain where global_index = ?", index);
        }, restore, "event-missing", election + "#" + last);
        JsonNode v;
        jdbc.update("delete from domain_event_entry where global_index = ?", index);
        jdbc.update("delete from event_chain where global_index = ?", index);
        try {
            v = verify();
        } finally {
            restore.run();
        }
        List<String> kinds = new ArrayList<>();
        v.path("findings").forEach(f -> kinds.add(f.path("kind").asText() + " " + f.path("where").asText()));
        assertThat(kinds).contains("checkpoint-digest round:" + election + "#1@" + roundUpTo);
    }

    @Test
    void onePublishedBallotChangedInTheReadModelIsNamed() {
        String[] kept = (String[]) jdbc.queryForObject("select kept from published_ballot where election_id = ? and round = 1 and position = 1",
                (r, i) -> r.getArray(1).getArray(), election);
        assertThat(kept).isNotEmpty();
        detects(() -> jdbc.update("update published_ballot set kept = kept[1:1] || kept[1:1] where election_id = ? and round = 1 and position = 1", election),
                () -> jdbc.update(con -> {
                    var ps = con.prepareStatement("update published_ballot set kept = ? where election_id = ? and round = 1 and position = 1");
                    ps.setArray(1, con.createArrayOf("varchar", kept));
                    ps.setString(2, election);
                    return ps;
                }),
                "ballot-altered", election + "#1#1");
    }

    @Test
    void oneResultNumberChangedInTheReadModelIsNamed() {
        detects(() -> jdbc.update("update round_result_line set votes = votes - 1 where election_id = ? and round = 1 and rank = 1", election),
                () -> jdbc.update("update round_result_line set votes = votes + 1 where election_id = ? and round = 1 and rank = 1", election),
                "result-altered", election + "#1");
        detects(() -> jdbc.update("update confidence_result_line set low = low + 1 where election_id = ? and round = 1 and position = 2", confidence),
                () -> jdbc.update("update confidence_result_line set low = low - 1 where election_id = ? and round = 1 and position = 2", confidence),
                "result-altered", confidence + "#1");
    }

    @Test
    void oneByteOfACheckpointsStatementIsNamed() {
        String statement = jdbc.queryForObject("select statement from checkpoint where kind = 'round' and subject = ?", String.class, election + "#1");
        int at = statement.indexOf("\nat: ") + 5;
        char digit = statement.charAt(at + 3);
        String altered = statement.substring(0, at + 3) + (digit == '9' ? '8' : (char) (digit + 1)) + statement.substring(at + 4);
        detects(() -> jdbc.update("update checkpoint set statement = ? where kind = 'round' and subject = ?", altered, election + "#1"),
                () -> jdbc.update("update checkpoint set statement = ? where kind = 'round' and subject = ?", statement, election + "#1"),
                "checkpoint-signature", "round:" + election + "#1@" + roundUpTo);
    }

    @Test
    void aDeletedRoundCheckpointIsNamed() {
        Map<String, Object> row = jdbc.queryForMap("select * from checkpoint where kind = 'round' and subject = ?", election + "#1");
        detects(() -> jdbc.update("delete from checkpoint where checkpoint_id = ?", row.get("checkpoint_id")),
                () -> jdbc.update("""
                        insert into checkpoint (checkpoint_id, kind, subject, up_to, statement, signature, key_id, fingerprint, heads)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", row.get("checkpoint_id"), row.get("kind"), row.get("subject"), row.get("up_to"),
                        row.get("statement"), row.get("signature"), row.get("key_id"), row.get("fingerprint"), row.get("heads")),
                "checkpoint-missing", "round:" + election + "#1");
    }

    @Test
    void oneChainRowChangedIsNamed() {
        long index = indexOf(c.scenario.congress, 1);
        byte[] hash = jdbc.queryForObject("select entry_hash from event_chain where global_index = ?", byte[].class, index);
        detects(() -> jdbc.update("update event_chain set entry_hash = sha256(entry_hash) where global_index = ?", index),
                () -> jdbc.update("update event_chain set entry_hash = ? where global_index = ?", hash, index),
                "chain-row-altered", c.scenario.congress + "#1");
    }

    @Test
    void organisersMayNotVerifyButAuditorsMay() {
        assertThat(c.organiser.post("/api/operations/verify", "").status()).isEqualTo(403);
        Answer auditor = account("AUDITOR", c.scenario.province).post("/api/operations/verify", "");
        assertThat(auditor.status()).as(auditor.raw()).isEqualTo(200);
        assertThat(auditor.body().path("intact").asBoolean()).isTrue();
    }

    private long indexOf(String aggregate, long sequence) {
        return jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                Long.class, aggregate, sequence);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
