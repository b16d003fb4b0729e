package vn.daihoi.infra;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Keeps Axon's shared event stream moving (ADR 0016, addendum). The embedded event store serves tracking processors
 * from one stream fed by a producer that runs only while some processor follows it. When every processor is stopped
 * at once — a replay, an incident's recovery — and started again, each finds the shared stream's cache stale, reads a
 * stream of its own, and being on its own is woken by no append: every write then waited about a second (the
 * processor's poll) for its read model, until a restart. This one reader follows the shared stream from the head for
 * the application's life and discards what it reads, so the producer never stops and restarted processors find their
 * place on it again after the next event.
 */
@Component
public class SharedStreamKeeper {

    private static final Logger log = LoggerFactory.getLogger(SharedStreamKeeper.class);

    private final EventStore eventStore;
    private volatile boolean running = true;

    public SharedStreamKeeper(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread t = new Thread(this::follow, "shared-event-stream-keeper");
        t.setDaemon(true);
        t.start();
    }

    private void follow() {
        while (running) {
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(eventStore.createHeadToken())) {
                while (running) {
                    if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) stream.nextAvailable();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The database went away (ADR 0012) or the store was shut down: follow again shortly.
                log.debug("shared event stream keeper reopens its stream: {}", e.getClass().getSimpleName());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        running = false;
    }
}
