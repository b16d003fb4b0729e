package vn.daihoi.infra;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
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
 * Operations: rebuild every read model from the event store. Each tracking processor is stopped, its tokens
 * reset (its {@code @ResetHandler} empties its tables) and started again; the answer comes once every
 * processor has passed the events stored when the replay began. Command-side directories are not touched:
 * they run subscribing, inside the commands' transactions. See docs/operations.md.
 */
@RestController
public class ProjectionReplay {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);
    private static final Duration START_LIMIT = Duration.ofSeconds(10);
    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);

    private final EventProcessingConfiguration processing;
    private final ProjectionSync sync;
    private final Access access;

    public ProjectionReplay(EventProcessingConfiguration processing, ProjectionSync sync, Access access) {
        this.processing = processing;
        this.sync = sync;
        this.access = access;
    }

    public record Replayed(List<String> processors, Map<String, Boolean> caughtUp) {}

    @PostMapping("/api/operations/replay")
    public ResponseEntity<Replayed> replay() {
        access.requireAdmin();
        return ResponseEntity.ok(replayAll());
    }

    /** Replays every streaming processor from the start of the store and waits until they caught up. */
    public synchronized Replayed replayAll() {
        Map<String, StreamingEventProcessor> processors = new TreeMap<>();
        processing.eventProcessors().forEach((name, p) -> {
            if (p instanceof StreamingEventProcessor s) processors.put(name, s);
        });
        for (Map.Entry<String, StreamingEventProcessor> e : processors.entrySet()) {
            StreamingEventProcessor p = e.getValue();
            // A processor asked to stop right after it started can hang (Axon 4.12.2): let it claim its segments first.
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (p.isRunning() && p.processingStatus().isEmpty() && System.nanoTime() < deadline) pause();
            p.shutDown();
            p.resetTokens();
            p.start();
            log.info("daihoi.replay started processor={}", e.getKey());
        }
        Map<String, Boolean> caughtUp = new LinkedHashMap<>();
        for (String name : processors.keySet()) caughtUp.put(name, sync.awaitHead(name, CATCH_UP_LIMIT));
        log.info("daihoi.replay finished {}", caughtUp);
        return new Replayed(new ArrayList<>(processors.keySet()), caughtUp);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
