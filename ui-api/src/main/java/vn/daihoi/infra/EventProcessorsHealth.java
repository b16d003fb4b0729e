package vn.daihoi.infra;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** Health of every event processor: running, not in error (nor stuck on an event it cannot store), and for streaming ones their segments and lag. */
@Component("eventProcessors")
public class EventProcessorsHealth extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ProjectionIncidents incidents;

    public EventProcessorsHealth(EventProcessingConfiguration processing, ProjectionIncidents incidents) {
        this.processing = processing;
        this.incidents = incidents;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean up = true;
        for (Map.Entry<String, EventProcessor> e : processing.eventProcessors().entrySet()) {
            EventProcessor p = e.getValue();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", p.isRunning());
            up &= p.isRunning();
            if (p instanceof StreamingEventProcessor s) {
                // A processor that failed on an event releases its segment while it waits to retry: Axon then
                // reports no error, so the recorded incident decides.
                ProjectionIncidents.Incident incident = incidents.of(e.getKey()).orElse(null);
                detail.put("error", s.isError() || incident != null);
                if (incident != null) detail.put("incident", incident);
                Map<Integer, EventTrackerStatus> status = s.processingStatus();
                detail.put("segmentsClaimed", status.size());
                detail.put("replaying", status.values().stream().anyMatch(EventTrackerStatus::isReplaying));
                detail.put("caughtUp", !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp));
                detail.put("segmentsInError", status.values().stream().filter(EventTrackerStatus::isErrorState).count());
                up &= !s.isError() && incident == null;
            }
            builder.withDetail(e.getKey(), detail);
        }
        if (up) builder.up(); else builder.down();
    }
}
