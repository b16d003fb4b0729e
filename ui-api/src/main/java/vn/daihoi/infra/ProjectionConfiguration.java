package vn.daihoi.infra;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * A projection that cannot store an event is an incident, not a skip (ADR 0016). Axon's default for event
 * handlers logs the failure and moves on, so a read model silently diverged from the store while health
 * stayed UP. Here every handler's failure propagates: the tracking processor rolls the batch back, keeps its
 * token before the event, is recorded in {@link ProjectionIncidents} (health DOWN) and retries with back-off
 * until the data or the code is fixed; the event is never lost. While a replay builds read models aside, the
 * same processors write into the replay's schema ({@link ReadModelShadow}).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    @Autowired
    void projectionsStopOnFailure(EventProcessingConfigurer processing, ReadModelShadow shadow, ProjectionIncidents incidents,
                                  ObjectProvider<ProjectionSync> sync) {
        processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        processing.registerDefaultErrorHandler(incidents::errorHandler);
        processing.registerDefaultHandlerInterceptor((c, processorName) -> shadow.interceptor());
        processing.registerDefaultHandlerInterceptor((c, processorName) -> incidents.resolver(processorName));
        // ADR 0027: a batch this node has just committed is checked against the waiting answers at once, not at the next tick.
        processing.registerDefaultHandlerInterceptor((c, processorName) -> (unitOfWork, chain) -> {
            unitOfWork.root().resources().computeIfAbsent(ProjectionSync.class.getName(), k -> {
                unitOfWork.root().afterCommit(u -> { ProjectionSync s = sync.getIfAvailable(); if (s != null) s.checkSoon(); });
                return Boolean.TRUE;
            });
            return chain.proceed();
        });
    }
}
