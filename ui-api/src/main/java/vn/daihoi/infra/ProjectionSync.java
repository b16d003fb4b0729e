package vn.daihoi.infra;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Read-your-writes for the HTTP API: after a command, wait (briefly, bounded) until a projection has
 * processed the events of the aggregates the command touched, so an organiser who registers a unit sees it in
 * the tree straight away. The projections stay asynchronous and replayable; only the answer waits.
 */
@Component
public class ProjectionSync {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    public ProjectionSync(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** @return true when caught up, false when the limit passed first (the answer may then lag behind). */
    public boolean await(String processingGroup, Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) return true;
        Long index = jdbc.queryForObject("select max(global_index) from domain_event_entry where aggregate_identifier = any (?)",
                Long.class, (Object) aggregateIds.toArray(String[]::new));
        if (index == null) return true;
        return awaitIndex(processor(processingGroup), index, LIMIT, 5);
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

    /** Polls every {@code pollMillis} until the processor has passed the event at {@code index}, at most {@code limit}. */
    private static boolean awaitIndex(StreamingEventProcessor processor, long index, Duration limit, long pollMillis) {
        TrackingToken target = GapAwareTrackingToken.newInstance(index, Set.of());
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (covered(processor, target)) return true;
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static boolean covered(StreamingEventProcessor processor, TrackingToken target) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) return false;
        double claimed = status.values().stream().mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1)).sum();
        if (claimed < 0.999) return false; // some segment is not claimed yet
        return status.values().stream().allMatch(s -> s.getTrackingToken() != null && s.getTrackingToken().covers(target));
    }
}
