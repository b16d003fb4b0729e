package vn.daihoi.infra;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Read-your-writes for the HTTP API: after a command, wait (briefly, bounded) until a projection has
 * processed the events of the aggregates the command touched, so an organiser who registers a unit sees it in
 * the tree straight away. The projections stay asynchronous and replayable; only the answer waits.
 *
 * <p>The wait asks whether the processor has handled the one event it waits for — its token's index is at or
 * past that event and the event is not among the token's gaps — and nothing more. A rolled-back append leaves a
 * gap in {@code global_index} that the processor's token carries for its gap timeout; a wait that compared whole
 * tokens (Axon's {@code covers}) would hold every request for the full limit while such a gap lasts. When the
 * limit passes, the answer still goes out, marked {@value #STALE_HEADER}{@code : true} so that it is never a
 * silent stale answer.
 */
@Component
public class ProjectionSync {

    /** Response header set when the read model had not caught up with the request's own write in time. */
    public static final String STALE_HEADER = "Daihoi-Read-Model-Stale";

    private static final Duration LIMIT = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    public ProjectionSync(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** @return true when caught up, false when the limit passed first (the answer is then marked stale). */
    public boolean await(String processingGroup, Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) return true;
        Long index = jdbc.queryForObject("select max(global_index) from domain_event_entry where aggregate_identifier = any (?)",
                Long.class, (Object) aggregateIds.toArray(String[]::new));
        if (index == null) return true;
        boolean caughtUp = awaitIndex(processor(processingGroup), index, LIMIT, 2);
        if (!caughtUp) markStale();
        return caughtUp;
    }

    /** Waits until the processor has passed every event stored so far (after a replay); false when the limit passed first. */
    public boolean awaitHead(String processingGroup, Duration limit) {
        Long index = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        StreamingEventProcessor processor = processor(processingGroup);
        if (index == null) return true;
        return awaitIndex(processor, index, limit, 20);
    }

    private StreamingEventProcessor processor(String processingGroup) {
        return processing.eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + processingGroup));
    }

    /** Polls every {@code pollMillis} until the processor has handled the event at {@code index}, at most {@code limit}. */
    private static boolean awaitIndex(StreamingEventProcessor processor, long index, Duration limit, long pollMillis) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (handled(processor, index)) return true;
            if (System.nanoTime() >= deadline) return false;
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Every segment is claimed and each one's token has handled the event at {@code index}. */
    static boolean handled(StreamingEventProcessor processor, long index) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) return false;
        double claimed = status.values().stream().mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1)).sum();
        if (claimed < 0.999) return false; // some segment is not claimed yet
        return status.values().stream().allMatch(s -> handled(s.getTrackingToken(), index));
    }

    /** The event at {@code index} lies behind the token and is not one of the gaps it still waits for. */
    static boolean handled(TrackingToken token, long index) {
        if (token == null) return false;
        GapAwareTrackingToken position = WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken g ? g : null;
        if (position == null) return false;
        return position.getIndex() >= index && !position.getGaps().contains(index);
    }

    private static void markStale() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a && a.getResponse() != null) {
            a.getResponse().setHeader(STALE_HEADER, "true");
        }
    }
}
