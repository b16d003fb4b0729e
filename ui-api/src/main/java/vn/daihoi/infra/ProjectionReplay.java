package vn.daihoi.infra;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.daihoi.account.Access;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Operations: rebuild every read model from the event store, all or nothing (ADR 0016). The processors are
 * stopped, their tokens kept aside, and they replay the whole store into empty copies of the read-model tables
 * ({@link ReadModelShadow}) while the API goes on reading the live tables. Only when every processor has passed
 * the events stored when the replay began, none of them in error, are the copies swapped in, in one
 * transaction. Otherwise the copies are dropped and the tokens put back: the previous read models stay as
 * they were, and the answer is a 503 problem naming the processors that failed. Command-side directories are
 * not touched: they run subscribing, inside the commands' transactions. See docs/operations.md.
 */
@RestController
public class ProjectionReplay {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);
    private static final Duration START_LIMIT = Duration.ofSeconds(10);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);

    private final EventProcessingConfiguration processing;
    private final ReadModelShadow shadow;
    private final ProjectionIncidents incidents;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TokenStore tokenStore;
    private final Access access;

    public ProjectionReplay(EventProcessingConfiguration processing, ReadModelShadow shadow, ProjectionIncidents incidents, JdbcTemplate jdbc,
                            PlatformTransactionManager transactions, TokenStore tokenStore, Access access) {
        this.processing = processing;
        this.shadow = shadow;
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tokenStore = tokenStore;
        this.access = access;
    }

    /** Per processor: caught up with the store (true) or not; {@code replaced}: whether the new read models were swapped in. */
    public record Replayed(List<String> processors, Map<String, Boolean> caughtUp, boolean replaced, List<String> inError) {}

    // ADR 0025: the answer's type is not in the signature (a Replayed, or a 503 problem), so the contract states it.
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "Đã dựng lại · replayed and swapped in",
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = Replayed.class)))
    @PostMapping("/api/operations/replay")
    public ResponseEntity<?> replay() {
        access.requireAdmin();
        Replayed r = replayAll();
        if (r.replaced()) return ResponseEntity.ok(r);
        ResponseEntity<ProblemDetail> p = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "replay-failed", null, null, "problem.replay-failed");
        p.getBody().setProperty("caughtUp", r.caughtUp());
        p.getBody().setProperty("inError", r.inError());
        return p;
    }

    /** Replays every streaming processor from the start of the store and swaps the result in only if all succeeded. */
    public synchronized Replayed replayAll() {
        Map<String, StreamingEventProcessor> processors = new TreeMap<>();
        processing.eventProcessors().forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor s) processors.put(name, s);
        });
        processors.values().forEach(ProjectionReplay::stop);
        incidents.clear();
        List<Map<String, Object>> tokens = jdbc.queryForList(
                "select * from token_entry where processor_name = any (?)", (Object) processors.keySet().toArray(String[]::new));
        long head = headIndex();
        shadow.create();
        for (Map.Entry<String, StreamingEventProcessor> e : processors.entrySet()) {
            // The reset handlers run in this transaction, so they empty the copies, never the live tables.
            tx.executeWithoutResult(s -> {
                shadow.enterIfBuilding();
                e.getValue().resetTokens();
            });
            e.getValue().start();
            log.info("daihoi.replay started processor={}", e.getKey());
        }
        Map<String, Boolean> caughtUp = awaitAll(processors, head);
        List<String> inError = processors.keySet().stream().filter(name -> inError(name, processors.get(name))).toList();
        boolean complete = inError.isEmpty() && caughtUp.values().stream().allMatch(Boolean::booleanValue);

        processors.values().forEach(StreamingEventProcessor::shutDown);
        if (complete) {
            tx.executeWithoutResult(s -> {
                shadow.swapIn();
                endReplayTokens(processors.keySet());
            });
        } else {
            tx.executeWithoutResult(s -> restore(processors.keySet(), tokens));
        }
        shadow.drop();
        processors.values().forEach(StreamingEventProcessor::start);
        log.atLevel(complete ? org.slf4j.event.Level.INFO : org.slf4j.event.Level.ERROR)
                .addKeyValue("caughtUp", caughtUp).addKeyValue("inError", inError)
                .log(complete ? "daihoi.replay swapped in the rebuilt read models" : "daihoi.replay failed; previous read models kept");
        return new Replayed(new ArrayList<>(processors.keySet()), caughtUp, complete, inError);
    }

    /** Waits until every processor has handled the event at {@code head}; gives up on the first processor in error. */
    private Map<String, Boolean> awaitAll(Map<String, StreamingEventProcessor> processors, long head) {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        Map<String, Boolean> caughtUp = new LinkedHashMap<>();
        while (true) {
            processors.forEach((name, p) -> caughtUp.put(name, head == 0 || handled(p, head)));
            boolean failed = processors.entrySet().stream().anyMatch(e -> inError(e.getKey(), e.getValue()));
            if (failed || caughtUp.values().stream().allMatch(Boolean::booleanValue) || System.nanoTime() > deadline) {
                return caughtUp;
            }
            pause();
        }
    }

    /**
     * Every segment is claimed here and each one's token has handled the event at {@code index}. A replay runs its
     * processors in this JVM (they were stopped and started here), so their status here is the whole truth;
     * read-your-writes, which must hold when other nodes own segments, reads the token store instead (ProjectionSync).
     */
    static boolean handled(StreamingEventProcessor processor, long index) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) return false;
        double claimed = status.values().stream().mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1)).sum();
        if (claimed < 0.999) return false; // some segment is not claimed yet
        return status.values().stream().allMatch(s -> ProjectionSync.handled(s.getTrackingToken(), index));
    }

    private boolean inError(String name, StreamingEventProcessor p) {
        return incidents.of(name).isPresent() || p.isError()
                || p.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
    }

    /**
     * The replay is over once swapped in, but a processor that ended exactly at the reset point still holds a
     * {@link ReplayToken}. Restarted with it, Axon's event store cannot place it on its shared stream and serves it
     * a stream of its own, polled once a second: every write after a replay then waited about a second for its read
     * model (measured on the jar for congress writes). Each such token becomes the plain position it wraps.
     */
    private void endReplayTokens(Iterable<String> names) {
        for (String name : names) {
            for (int segment : tokenStore.fetchSegments(name)) {
                TrackingToken token = tokenStore.fetchToken(name, segment);
                if (token instanceof ReplayToken replay) tokenStore.storeToken(replay.lowerBound(), name, segment);
                tokenStore.releaseClaim(name, segment);
            }
        }
    }

    private void restore(Iterable<String> names, List<Map<String, Object>> tokens) {
        for (String name : names) jdbc.update("delete from token_entry where processor_name = ?", name);
        for (Map<String, Object> t : tokens) {
            jdbc.update("insert into token_entry (processor_name, segment, token, token_type, timestamp, owner) values (?, ?, ?, ?, ?, null)",
                    t.get("processor_name"), t.get("segment"), t.get("token"), t.get("token_type"), t.get("timestamp"));
        }
    }

    private long headIndex() {
        Long index = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return index == null ? 0 : index;
    }

    /** A processor asked to stop right after it started can hang (Axon 4.12.2): let it claim its segments first. */
    private static void stop(StreamingEventProcessor p) {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (p.isRunning() && !p.isError() && p.processingStatus().isEmpty() && System.nanoTime() < deadline) pause();
        p.shutDown();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
