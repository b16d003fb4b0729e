package vn.daihoi.infra;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Read-your-writes for the HTTP API (ADR 0027): after a command, the answer waits — bounded, and without holding a
 * request thread — until a projection has handled the events of the aggregates the command touched, so an organiser
 * who registers a unit sees it in the tree straight away. The projections stay asynchronous and replayable.
 *
 * <p>The position is read from the shared token store ({@code token_entry}, the group's segments, whoever owns
 * them), so the answer is right when another node holds a segment. One thread checks every waiting request with one
 * query per tick; a request waits on a future that this thread completes, with {@link Freshness#CAUGHT_UP} or, once
 * the limit has passed, {@link Freshness#LATE}. The waiting call sites receive a verdict they must map: no method here
 * answers "true/false" for a caller to drop.
 *
 * <p>An aggregate's events are handled by one segment only (the groups sequence per aggregate, Axon's default): that
 * segment's token decides. A segment that skips an event (not its aggregate, or no handler for it) stores its moved
 * token only when it next extends its claim, about a second later; waiting for it would add that second to every
 * write. A segment this node holds is also asked in memory, which knows the skip at once. An event counts as handled
 * when the token is at or past it and the event is not among the token's gaps: a rolled-back append leaves a gap in
 * {@code global_index} that tokens carry for their gap timeout, and comparing whole tokens (Axon's {@code covers})
 * would hold every answer for the full limit while such a gap lasts.
 */
@Component
public class ProjectionSync implements DisposableBean {

    /** Response header set when the read model had not caught up with the request's own write in time. */
    public static final String STALE_HEADER = "Daihoi-Read-Model-Stale";

    private static final Logger log = LoggerFactory.getLogger(ProjectionSync.class);

    /** Whether the read model had handled the write when the answer was made. Map both: there is no default. */
    public enum Freshness {
        CAUGHT_UP, LATE;

        public <T> T fold(Supplier<T> caughtUp, Supplier<T> late) {
            return this == CAUGHT_UP ? caughtUp.get() : late.get();
        }

        /** Caught up only when both are. */
        public Freshness and(Freshness other) {
            return this == CAUGHT_UP && other == CAUGHT_UP ? CAUGHT_UP : LATE;
        }
    }

    /** A request's wait: per aggregate (null: every segment, the head of the store), the last event to be handled. */
    private record Waiter(String group, Map<String, Long> indexes, long deadline, CompletableFuture<Freshness> done) {}

    /** One row of {@code token_entry}: a segment of a group, its stored position and the node that owns it. */
    public record StoredSegment(int segment, TrackingToken token, String owner) {}

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;
    private final Duration limit;
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private final LongAdder caughtUp = new LongAdder();
    private final LongAdder late = new LongAdder();
    private final ScheduledExecutorService ticker;
    /** Where the callers' answers are made once the verdict is known (a query each), with the caller's sign-in. */
    private final ExecutorService answers;
    /** A check asked for by {@link #checkSoon} is queued on the checking thread and has not begun. */
    private final AtomicBoolean checkPending = new AtomicBoolean();

    public ProjectionSync(JdbcTemplate jdbc, Serializer serializer, EventProcessingConfiguration processing,
                          @Value("${daihoi.read-your-writes.limit:5s}") Duration limit,
                          @Value("${daihoi.read-your-writes.check-interval:5ms}") Duration checkInterval,
                          @Value("${daihoi.read-your-writes.answer-threads:2}") int answerThreads) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
        this.limit = limit;
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("read-your-writes"));
        this.answers = Executors.newFixedThreadPool(answerThreads, daemon("read-your-writes-answer"));
        long every = Math.max(1, checkInterval.toNanos() / 1000);
        ticker.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MICROSECONDS);
    }

    /** The limit an answer waits for its read model (configurable: {@code daihoi.read-your-writes.limit}). */
    public Duration limit() {
        return limit;
    }

    /**
     * The answer to a write: {@code caughtUp}'s answer once {@code processingGroup} has handled the latest event of
     * {@code aggregateIds}; otherwise, when the limit passes first, {@code 202 Accepted} with {@code Location: whereToLook}
     * and {@value #STALE_HEADER}{@code : true}, and no body (the read model does not have it yet). {@code caughtUp}
     * runs on an answer thread with the caller's security context.
     */
    public <T> CompletableFuture<ResponseEntity<T>> answer(String processingGroup, Collection<String> aggregateIds,
                                                         URI whereToLook, Supplier<ResponseEntity<T>> caughtUp) {
        return answer(after(processingGroup, aggregateIds), whereToLook, caughtUp);
    }

    /** As above, for a verdict over several groups ({@link Freshness#and}). */
    public <T> CompletableFuture<ResponseEntity<T>> answer(CompletableFuture<Freshness> verdict, URI whereToLook,
                                                         Supplier<ResponseEntity<T>> caughtUp) {
        return then(verdict, f -> f.fold(caughtUp, () -> accepted(whereToLook)));
    }

    /** As {@link #answer}, for an answer that must stay whole when late (listed in ADR 0027): marked, never silent. */
    public <T> CompletableFuture<ResponseEntity<T>> answerMarked(String processingGroup, Collection<String> aggregateIds,
                                                               Supplier<ResponseEntity<T>> answer) {
        return then(after(processingGroup, aggregateIds), f -> f.fold(answer, () -> marked(answer.get())));
    }

    /** 202 Accepted: the write is stored; its read model is not there yet. Look at {@code location} later. */
    public static <T> ResponseEntity<T> accepted(URI location) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).header(STALE_HEADER, "true").build();
    }

    /** The same answer, marked as made on a read model that had not caught up. */
    public static <T> ResponseEntity<T> marked(ResponseEntity<T> answer) {
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders()).header(STALE_HEADER, "true")
                .body(answer.getBody());
    }

    /** Whether an answer was made before its read model caught up. */
    public static boolean isStale(ResponseEntity<?> answer) {
        return "true".equals(answer.getHeaders().getFirst(STALE_HEADER));
    }

    /**
     * Continues {@code verdict} on an answer thread that carries the current caller's security context (the query
     * that makes an answer may check access again).
     */
    public <V, T> CompletableFuture<T> then(CompletableFuture<V> verdict, java.util.function.Function<V, T> next) {
        var withCaller = new DelegatingSecurityContextExecutor(answers, SecurityContextHolder.getContext());
        return verdict.thenApplyAsync(next, withCaller);
    }

    /** Completes when {@code processingGroup} has handled the latest event of {@code aggregateIds}, or the limit passed. */
    public CompletableFuture<Freshness> after(String processingGroup, Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) return CompletableFuture.completedFuture(Freshness.CAUGHT_UP);
        Map<String, Long> indexes = new HashMap<>();
        jdbc.query("select aggregate_identifier, max(global_index) from domain_event_entry where aggregate_identifier = any (?)"
                        + " group by aggregate_identifier",
                rs -> { indexes.put(rs.getString(1), rs.getLong(2)); }, (Object) aggregateIds.toArray(String[]::new));
        return wait(processingGroup, indexes, limit);
    }

    /** Completes when {@code processingGroup} has handled every event stored so far (an audit, after a replay). */
    public CompletableFuture<Freshness> afterHead(String processingGroup, Duration within) {
        long head = head();
        Map<String, Long> indexes = new HashMap<>();
        if (head > 0) indexes.put(null, head);
        return wait(processingGroup, indexes, within);
    }

    private CompletableFuture<Freshness> wait(String group, Map<String, Long> indexes, Duration within) {
        if (indexes.isEmpty()) return CompletableFuture.completedFuture(Freshness.CAUGHT_UP);
        CompletableFuture<Freshness> done = new CompletableFuture<>();
        waiters.add(new Waiter(group, indexes, System.nanoTime() + within.toNanos(), done));
        return done;
    }

    /** How many waits ended with this verdict since start (ADR 0028). */
    public double answered(Freshness verdict) {
        return (verdict == Freshness.CAUGHT_UP ? caughtUp : late).sum();
    }

    /** The index of the newest stored event; 0 when none. */
    public long head() {
        Long index = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        return index == null ? 0 : index;
    }

    /**
     * A processor of this node has just committed a batch: the waiters are checked now on the checking thread, as at
     * a tick (at most one such check queued at a time). Segments held by other nodes are still seen at the ticks.
     */
    public void checkSoon() {
        if (waiters.isEmpty() || !checkPending.compareAndSet(false, true)) return;
        try {
            ticker.execute(() -> {
                checkPending.set(false);
                check();
            });
        } catch (RejectedExecutionException stopped) {
            checkPending.set(false);
        }
    }

    /** One tick: one query for the groups that have waiters, then every waiter is answered or keeps waiting. */
    void check() {
        try {
            if (waiters.isEmpty()) return;
            Set<String> groups = new TreeSet<>();
            waiters.forEach(w -> groups.add(w.group()));
            Map<String, List<StoredSegment>> positions = positions(groups);
            Map<String, Position> position = new HashMap<>();
            groups.forEach(g -> position.put(g, new Position(positions.get(g), local(g), perAggregate(g))));
            long now = System.nanoTime();
            for (var it = waiters.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                // No position: it began waiting, for a group this tick did not read, after the read; the next tick reads it.
                Position at = position.get(w.group());
                if (at != null && at.handledAll(w.indexes())) end(it, w, Freshness.CAUGHT_UP);
                else if (now - w.deadline() >= 0) end(it, w, Freshness.LATE);
            }
        } catch (RuntimeException e) {
            // The database may be away (ADR 0012): the waiters stay and time out as LATE; the next tick tries again.
            log.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("read-your-writes check failed: {}", e.getClass().getSimpleName());
            expire(System.nanoTime());
        }
    }

    private void expire(long now) {
        for (var it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            if (now - w.deadline() >= 0) end(it, w, Freshness.LATE);
        }
    }

    /** The wait is over with {@code verdict}: it leaves the queue, is counted, and its answer goes on. */
    private void end(Iterator<Waiter> it, Waiter w, Freshness verdict) {
        it.remove();
        (verdict == Freshness.CAUGHT_UP ? caughtUp : late).increment();
        w.done().complete(verdict);
    }

    /**
     * Every segment of each group, as stored in {@code token_entry} by whichever node owns it — one query. A group
     * with no row yet maps to an empty list (it has handled nothing); a row with no token has a null token.
     */
    public Map<String, List<StoredSegment>> positions(Collection<String> groups) {
        Map<String, List<StoredSegment>> positions = new HashMap<>();
        groups.forEach(g -> positions.put(g, new ArrayList<>()));
        jdbc.query("select processor_name, segment, token, token_type, owner from token_entry where processor_name = any (?)", rs -> {
            byte[] token = rs.getBytes("token");
            String type = rs.getString("token_type");
            positions.get(rs.getString("processor_name")).add(new StoredSegment(rs.getInt("segment"), token == null || type == null ? null
                    : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null)), rs.getString("owner")));
        }, (Object) groups.toArray(String[]::new));
        return positions;
    }

    /** The tokens of the segments this node holds now (in memory; they know a skipped event before the store does). */
    private Map<Integer, TrackingToken> local(String group) {
        Map<Integer, TrackingToken> tokens = new HashMap<>();
        processing.eventProcessor(group, StreamingEventProcessor.class).ifPresent(p -> p.processingStatus()
                .forEach((segment, status) -> { if (status.getTrackingToken() != null) tokens.put(segment, status.getTrackingToken()); }));
        return tokens;
    }

    /** The group sends each aggregate's events to one segment (Axon's default sequencing policy). */
    private boolean perAggregate(String group) {
        return processing.sequencingPolicy(group) instanceof SequentialPerAggregatePolicy;
    }

    /** A group's position: its stored segments, the ones this node holds in memory, and how it spreads aggregates. */
    public record Position(List<StoredSegment> stored, Map<Integer, TrackingToken> local, boolean perAggregate) {

        boolean handledAll(Map<String, Long> indexes) {
            for (Map.Entry<String, Long> e : indexes.entrySet()) if (!handled(e.getKey(), e.getValue())) return false;
            return true;
        }

        /**
         * The segment that handles {@code aggregateId}'s events (every segment when null or when the group does not
         * sequence per aggregate) has handled the event at {@code index}, as stored or, when held here, in memory.
         */
        public boolean handled(String aggregateId, long index) {
            if (stored == null || stored.isEmpty()) return false;
            int[] ids = stored.stream().mapToInt(StoredSegment::segment).toArray();
            for (StoredSegment s : stored) {
                if (aggregateId != null && perAggregate && !Segment.computeSegment(s.segment(), ids).matches(aggregateId)) continue;
                if (!ProjectionSync.handled(s.token(), index) && !ProjectionSync.handled(local.get(s.segment()), index)) return false;
            }
            return true;
        }
    }

    /** The event at {@code index} lies behind the token and is not one of the gaps it still waits for. */
    public static boolean handled(TrackingToken token, long index) {
        if (token == null) return false;
        GapAwareTrackingToken position = WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken g ? g : null;
        if (position == null) return false;
        return position.getIndex() >= index && !position.getGaps().contains(index);
    }

    /** The lowest index every segment has reached (gaps aside); -1 when a segment has not started. */
    public static long lowestIndex(List<StoredSegment> segments) {
        if (segments == null || segments.isEmpty()) return -1;
        long lowest = Long.MAX_VALUE;
        for (StoredSegment s : segments) {
            if (s.token() == null || !(WrappedToken.unwrapLowerBound(s.token()) instanceof GapAwareTrackingToken g)) return -1;
            lowest = Math.min(lowest, g.getIndex());
        }
        return lowest;
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        answers.shutdownNow();
        // Whoever still waits gets a verdict rather than a future that never completes.
        for (Waiter w; (w = waiters.poll()) != null; ) w.done().complete(Freshness.LATE);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
