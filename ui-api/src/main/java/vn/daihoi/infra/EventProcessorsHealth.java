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

/** Health of every event processor: running, not in error, and for streaming ones their segments and lag. */
@Component("eventProcessors")
public class EventProcessorsHealth extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    public EventProcessorsHealth(EventProcessingConfiguration processing) {
        this.processing = processing;
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
                detail.put("error", s.isError());
                Map<Integer, EventTrackerStatus> status = s.processingStatus();
                detail.put("segmentsClaimed", status.size());
                detail.put("replaying", status.values().stream().anyMatch(EventTrackerStatus::isReplaying));
                detail.put("caughtUp", !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp));
                detail.put("segmentsInError", status.values().stream().filter(EventTrackerStatus::isErrorState).count());
                up &= !s.isError();
            }
            builder.withDetail(e.getKey(), detail);
        }
        if (up) builder.up(); else builder.down();
    }
}
