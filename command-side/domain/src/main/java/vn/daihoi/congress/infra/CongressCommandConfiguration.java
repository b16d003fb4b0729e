package vn.daihoi.congress.infra;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.daihoi.congress.CongressAggregate;
import vn.daihoi.person.PersonAggregate;
import vn.daihoi.person.infra.JdbcPersonDirectory;

/**
 * Registers the congress and person aggregates. A congress grows with its roll (thousands of events for a
 * large congress), so it is cached between commands and snapshotted ({@link Snapshots}); the directories run
 * subscribing with propagating errors, like the unit directory.
 */
@Configuration
public class CongressCommandConfiguration {

    /** The congresses kept in memory between commands (operations and the benchmark may empty it). */
    @Bean
    public org.axonframework.common.caching.Cache congressAggregateCache() {
        return new WeakReferenceCache();
    }

    @Bean
    ConfigurerModule congressCommandModule(org.axonframework.common.caching.Cache congressAggregateCache,
                                           vn.daihoi.common.infra.SnapshotTaker snapshots) {
        return configurer -> {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(CongressAggregate.class)
                    .configureCache(c -> congressAggregateCache)
                    .configureSnapshotTrigger(c -> vn.daihoi.common.infra.Snapshots.trigger(c, CongressAggregate.class, snapshots))
                    .configureSnapshotFilter(c -> vn.daihoi.common.infra.Snapshots.filter(CongressAggregate.class)));
            configurer.configureAggregate(PersonAggregate.class);
            for (String group : new String[]{JdbcCongressDirectory.PROCESSING_GROUP, JdbcPersonDirectory.PROCESSING_GROUP}) {
                configurer.eventProcessing()
                        .registerSubscribingEventProcessor(group)
                        .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance());
            }
        };
    }

}
