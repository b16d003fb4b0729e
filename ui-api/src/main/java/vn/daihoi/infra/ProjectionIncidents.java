package vn.daihoi.infra;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which event processors could not store an event, since when, and at which event (ADR 0016). A tracking
 * processor whose batch fails releases its segment and retries with back-off, and while it waits Axon reports
 * neither an error nor a claimed segment; this record is what tells health and the replay that it is stuck.
 * An incident ends when the processor next commits a batch. No message text is kept: a failing row can carry
 * personal data.
 */
@Component
public class ProjectionIncidents {

    private static final Logger log = LoggerFactory.getLogger(ProjectionIncidents.class);

    public record Incident(Instant since, String exception, String eventType, Long globalIndex) {}

    private final Map<String, Incident> open = new ConcurrentHashMap<>();
    private final Clock clock;

    public ProjectionIncidents(Clock clock) {
        this.clock = clock;
    }

    public Optional<Incident> of(String processor) {
        return Optional.ofNullable(open.get(processor));
    }

    /**
     * Records a tracking processor's failure, then lets it propagate so the processor keeps its token before the
     * event and retries. A subscribing processor (a command-side directory) fails its command instead: no incident.
     */
    ErrorHandler errorHandler(Configuration configuration) {
        return context -> {
            boolean streaming = configuration.eventProcessingConfiguration().eventProcessor(context.eventProcessor())
                    .filter(StreamingEventProcessor.class::isInstance).isPresent();
            if (!streaming) {
                PropagatingErrorHandler.instance().handleError(context);
                return;
            }
            List<? extends EventMessage<?>> failed = context.failedEvents();
            EventMessage<?> first = failed.isEmpty() ? null : failed.get(0);
            Long index = first instanceof TrackedEventMessage<?> t
                    && WrappedToken.unwrapLowerBound(t.trackingToken()) instanceof GapAwareTrackingToken g ? g.getIndex() : null;
            Incident incident = open.computeIfAbsent(context.eventProcessor(), name -> new Incident(clock.instant(),
                    context.error().getClass().getName(), first == null ? null : first.getPayloadType().getName(), index));
            log.atError().addKeyValue("processor", context.eventProcessor()).addKeyValue("since", incident.since())
                    .addKeyValue("eventType", incident.eventType()).addKeyValue("globalIndex", incident.globalIndex())
                    .addKeyValue("exception", context.error().getClass().getName())
                    .log("daihoi.projection could not store an event; the processor stops here and retries");
            PropagatingErrorHandler.instance().handleError(context);
        };
    }

    /** Ends the processor's incident once a batch it handled has committed. */
    MessageHandlerInterceptor<EventMessage<?>> resolver(String processor) {
        return (unitOfWork, chain) -> {
            if (open.containsKey(processor)) unitOfWork.afterCommit(u -> {
                if (open.remove(processor) != null) log.atInfo().addKeyValue("processor", processor).log("daihoi.projection resumed");
            });
            return chain.proceed();
        };
    }

    /** Forgets every incident, before processors start afresh (a replay): a processor still failing records a new one. */
    void clear() {
        open.clear();
    }
}
