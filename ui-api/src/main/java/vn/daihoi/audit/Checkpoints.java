package vn.daihoi.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.daihoi.organisation.UnitQueries;
import vn.daihoi.organisation.UnitQueries.UnitView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Makes the signed checkpoints of ADR 0018. A counted round or a recognised term is queued by the database in the
 * transaction that stores its event ({@code checkpoint_due}, written by the chain trigger), so nothing is missed
 * after a crash, whatever the event processors do; this worker takes the queue, one fact per transaction, and
 * deletes the entry in the transaction that stores the checkpoint. Periodic checkpoints cover every stream.
 * <p>
 * Before reading the heads, the worker takes {@code domain_event_entry} in SHARE mode, granted only when no
 * transaction is still appending (an INSERT holds ROW EXCLUSIVE from before it draws its global index), so no
 * event with a global index at or below {@code upTo} can commit after the digest was taken, and the digest stays
 * what a later verification recomputes. Appends wait for the few milliseconds the checkpoint takes.
 */
@Component
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    static final String ROUND_COUNTED = "vn.daihoi.election.RoundCounted";
    static final String CONFIDENCE_ROUND_COUNTED = "vn.daihoi.confidence.ConfidenceRoundCounted";
    static final String LEADERSHIP_RECOGNISED = "vn.daihoi.term.LeadershipRecognised";
    static final String LEADERSHIP_SUBMITTED = "vn.daihoi.term.LeadershipSubmitted";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final FederationKeys keys;
    private final QueryGateway queries;
    private final Clock clock;
    private final Duration periodic;
    private final ObjectMapper json = new ObjectMapper();

    public Checkpoints(JdbcTemplate jdbc, PlatformTransactionManager transactions, FederationKeys keys, QueryGateway queries, Clock clock,
                       @Value("${daihoi.checkpoints.periodic-interval:10m}") Duration periodic) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.keys = keys;
        this.queries = queries;
        this.clock = clock;
        this.periodic = periodic;
    }

    /** A stored checkpoint. */
    public record Checkpoint(long id, String kind, String subject, long upTo, String statement, String signature, String keyId,
                             String fingerprint, String heads) {}

    public Optional<Checkpoint> round(String electionId, int round) {
        return one("round", electionId + "#" + round);
    }

    public Optional<Checkpoint> term(String leadershipId) {
        return one("term", leadershipId);
    }

    public List<Checkpoint> all() {
        return jdbc.query("select * from checkpoint order by up_to, checkpoint_id", (r, i) -> row(r));
    }

    private Optional<Checkpoint> one(String kind, String subject) {
        return jdbc.query("select * from checkpoint where kind = ? and subject = ?", (r, i) -> row(r), kind, subject).stream().findFirst();
    }

    // ---- the worker ---------------------------------------------------------------------------------

    @Scheduled(initialDelayString = "${daihoi.checkpoints.poll-millis:1000}", fixedDelayString = "${daihoi.checkpoints.poll-millis:1000}")
    public void work() {
        try {
            takeDue();
            periodicIfDue();
        } catch (RuntimeException e) {
            // Left in the queue; the next turn tries again (a database outage, a lock held too long, a lost key file).
            log.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("daihoi.checkpoints could not make a checkpoint now: " + e.getMessage());
        }
    }

    /** Makes the checkpoint of every queued fact it can now; returns how many. */
    public int takeDue() {
        int made = 0;
        while (true) {
            List<Map<String, Object>> due = jdbc.queryForList("select global_index, payload_type from checkpoint_due order by global_index limit 1");
            if (due.isEmpty()) return made;
            long index = ((Number) due.get(0).get("global_index")).longValue();
            Plan plan = plan(index, (String) due.get(0).get("payload_type"));
            Boolean done = withAppendsSettled(() -> tx.execute(s -> {
                // Another instance may have taken it meanwhile.
                if (jdbc.queryForList("select 1 from checkpoint_due where global_index = ? for update skip locked", index).isEmpty()) return false;
                if (plan != null) make(plan);
                jdbc.update("delete from checkpoint_due where global_index = ?", index);
                return true;
            }));
            if (done == null) return made; // appends never settled this turn: the next turn tries again
            if (done) made++;
        }
    }

    /** A periodic checkpoint over every stream, when the last one is older than the interval and new events exist. */
    public void periodicIfDue() {
        Long head = jdbc.queryForObject("select max(global_index) from event_chain", Long.class);
        if (head == null) return;
        List<Map<String, Object>> last = jdbc.queryForList("""
                select up_to, statement from checkpoint where kind = 'periodic' order by up_to desc, checkpoint_id desc limit 1""");
        if (!last.isEmpty()) {
            long upTo = ((Number) last.get(0).get("up_to")).longValue();
            Statement s = Statement.parse((String) last.get(0).get("statement"));
            if (upTo >= head) return;
            if (s != null && s.at().plus(periodic).isAfter(clock.instant())) return;
        }
        makePeriodic();
    }

    /** A periodic checkpoint now (also for operations and tests). */
    public void makePeriodic() {
        FederationKeys.PublicKeyRow key = keys.inUse(null);
        withAppendsSettled(() -> tx.execute(s -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(1800018)", Boolean.class))) return false;
            make(new Plan("periodic", "all", null, null, key));
            return true;
        }));
    }

    /** What one queued fact is checkpointed as; null when there is nothing to sign (an unknown event). */
    record Plan(String kind, String subject, Long upTo, List<String> scope, FederationKeys.PublicKeyRow key) {}

    private Plan plan(long index, String payloadType) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select aggregate_identifier, sequence_number, payload from domain_event_entry where global_index = ?", index);
        if (rows.isEmpty()) return null;
        String aggregate = (String) rows.get(0).get("aggregate_identifier");
        long sequence = ((Number) rows.get(0).get("sequence_number")).longValue();
        JsonNode payload = tree((byte[]) rows.get(0).get("payload"));
        if (payloadType.equals(ROUND_COUNTED) || payloadType.equals(CONFIDENCE_ROUND_COUNTED)) {
            JsonNode opened = firstOf(aggregate);
            String congressId = opened.path("congressId").asText();
            Set<String> scope = new LinkedHashSet<>();
            scope.add(congressId);
            scope.addAll(electionsOf(congressId));
            scope.add(aggregate);
            String unitId = firstOf(congressId).path("unitId").asText(opened.path("unitId").asText());
            return new Plan("round", aggregate + "#" + payload.path("round").asInt(), index, List.copyOf(scope),
                    keys.inUse(federationOf(unitId)));
        }
        if (payloadType.equals(LEADERSHIP_RECOGNISED)) {
            Set<String> scope = new LinkedHashSet<>();
            scope.add(aggregate);
            // The recognition rests on the submission it approved: its congress and the elections it names.
            List<byte[]> submitted = jdbc.queryForList("""
                    select payload from domain_event_entry where aggregate_identifier = ? and payload_type = ? and sequence_number < ?
                    order by sequence_number desc limit 1""", byte[].class, aggregate, LEADERSHIP_SUBMITTED, sequence);
            if (!submitted.isEmpty()) {
                JsonNode s = tree(submitted.get(0));
                if (s.hasNonNull("congressId")) scope.add(s.path("congressId").asText());
                s.path("electionIds").forEach(e -> scope.add(e.asText()));
            }
            return new Plan("term", aggregate, index, List.copyOf(scope), keys.inUse(federationOf(payload.path("unitId").asText())));
        }
        return null;
    }

    /** Inside the caller's transaction: waits out the appends in flight, takes the heads, signs, stores. */
    private void make(Plan p) {
        if (!p.kind().equals("periodic")
                && !jdbc.queryForList("select 1 from checkpoint where kind = ? and subject = ?", p.kind(), p.subject()).isEmpty()) {
            return;
        }
        jdbc.execute("lock table domain_event_entry in share mode nowait");
        long upTo;
        SortedMap<String, Statement.Head> heads;
        if (p.upTo() == null) {
            Long max = jdbc.queryForObject("select max(global_index) from event_chain", Long.class);
            if (max == null) return;
            upTo = max;
            heads = headsOfAll(upTo);
        } else {
            upTo = p.upTo();
            heads = heads(p.scope(), upTo);
        }
        Statement statement = new Statement(p.kind(), p.subject(), upTo, p.scope(), Statement.digest(heads), clock.instant(), p.key().keyId());
        String text = statement.text();
        byte[] signature = keys.sign(p.key().keyId(), text.getBytes(StandardCharsets.UTF_8));
        jdbc.update("""
                insert into checkpoint (kind, subject, up_to, statement, signature, key_id, fingerprint, heads)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                p.kind(), p.subject(), upTo, text, Base64.getEncoder().encodeToString(signature), p.key().keyId(),
                ChainHash.fingerprint(text), Statement.lines(heads));
        log.atInfo().addKeyValue("kind", p.kind()).addKeyValue("upTo", upTo).addKeyValue("keyId", p.key().keyId())
                .log("daihoi.checkpoints signed a checkpoint");
    }

    /**
     * Runs a checkpoint's transaction once no append is in flight. The SHARE lock is asked with NOWAIT: a waiting
     * lock request would queue every new append behind a long-running one; refused, the transaction rolls back and
     * is tried again 25 ms later, for at most a second. Null when the appends never settled.
     */
    private Boolean withAppendsSettled(java.util.function.Supplier<Boolean> checkpoint) {
        for (int attempt = 0; attempt < 40; attempt++) {
            try {
                return checkpoint.get();
            } catch (org.springframework.dao.DataAccessException refused) {
                if (!appendInFlight(refused)) throw refused;
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        log.atInfo().log("daihoi.checkpoints waited a second for appends in flight; trying again at the next turn");
        return null;
    }

    /**
     * Whether the NOWAIT lock was refused because an append holds the table (SQL state 55P03, lock_not_available).
     * Spring's translator leaves that state uncategorised for PostgreSQL, so the state itself is read.
     */
    static boolean appendInFlight(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "55P03".equals(sql.getSQLState())) return true;
            if (t instanceof org.springframework.dao.PessimisticLockingFailureException) return true;
        }
        return false;
    }

    SortedMap<String, Statement.Head> heads(List<String> scope, long upTo) {
        SortedMap<String, Statement.Head> heads = new TreeMap<>(ChainHash.UTF8_ORDER);
        jdbc.query("""
                select distinct on (aggregate_identifier) aggregate_identifier, sequence_number, entry_hash from event_chain
                where global_index <= ? and aggregate_identifier = any (?) order by aggregate_identifier, sequence_number desc""",
                r -> {
                    heads.put(r.getString(1), new Statement.Head(r.getLong(2), r.getBytes(3)));
                }, upTo, scope.toArray(String[]::new));
        return heads;
    }

    /**
     * Every stream's head: from the last periodic checkpoint's heads forward (nothing at or below its upTo can
     * still arrive, see the class comment), else from the whole chain.
     */
    private SortedMap<String, Statement.Head> headsOfAll(long upTo) {
        SortedMap<String, Statement.Head> heads = new TreeMap<>(ChainHash.UTF8_ORDER);
        long from = 0;
        List<Map<String, Object>> last = jdbc.queryForList(
                "select up_to, heads from checkpoint where kind = 'periodic' and up_to <= ? order by up_to desc limit 1", upTo);
        if (!last.isEmpty()) {
            from = ((Number) last.get(0).get("up_to")).longValue();
            for (String[] l : Statement.parseLines((String) last.get(0).get("heads"))) {
                heads.put(l[0], new Statement.Head(Long.parseLong(l[1]), ChainHash.unhex(l[2])));
            }
        }
        jdbc.query("select aggregate_identifier, sequence_number, entry_hash from event_chain where global_index > ? and global_index <= ? order by global_index",
                r -> {
                    String id = r.getString(1);
                    Statement.Head h = heads.get(id);
                    if (h == null || h.sequence() < r.getLong(2)) heads.put(id, new Statement.Head(r.getLong(2), r.getBytes(3)));
                }, from, upTo);
        return heads;
    }

    private List<String> electionsOf(String congressId) {
        return jdbc.queryForList("select election_id from cmd_election where congress_id = ? order by seq", String.class, congressId);
    }

    /** The payload of the first event of a stream (its creation: ElectionOpened, CongressConvened). */
    private JsonNode firstOf(String aggregateId) {
        List<byte[]> p = jdbc.queryForList("select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = 0",
                byte[].class, aggregateId);
        return p.isEmpty() ? json.createObjectNode() : tree(p.get(0));
    }

    /**
     * R-01: the federation whose key signs for a unit — its level-2 ancestor (a provincial federation or a national
     * sector union), the unit itself when it is one; the confederation for units under no federation.
     */
    public String federationOf(String unitId) {
        UnitQueries.UnitWithAncestors u = queries.query(new UnitQueries.UnitAsOf(unitId, LocalDate.now(clock)), UnitQueries.UnitWithAncestors.class).join();
        if (u.known() && u.unit() == null) {
            LocalDate last = u.endedOn() != null ? u.endedOn().minusDays(1) : u.registeredOn();
            u = queries.query(new UnitQueries.UnitAsOf(unitId, last), UnitQueries.UnitWithAncestors.class).join();
        }
        if (!u.known() || u.unit() == null) return unitId;
        List<UnitView> line = new ArrayList<>();
        line.add(u.unit());
        line.addAll(u.ancestors());
        for (UnitView v : line) if (v.kind().level() == 1) return v.unitId();
        for (UnitView v : line) if (v.kind().level() == 0) return v.unitId();
        return line.get(line.size() - 1).unitId();
    }

    private JsonNode tree(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Checkpoint row(java.sql.ResultSet r) throws java.sql.SQLException {
        return new Checkpoint(r.getLong("checkpoint_id"), r.getString("kind"), r.getString("subject"), r.getLong("up_to"),
                r.getString("statement"), r.getString("signature"), r.getString("key_id"), r.getString("fingerprint"), r.getString("heads"));
    }
}
