package vn.daihoi.election.infra;

import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.daihoi.election.BallotBox;
import vn.daihoi.election.ElectionAggregate;
import vn.daihoi.election.ElectionCommandHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;

/** Registers the election aggregate, the handler that casts ballots into the box, and the election directory. */
@Configuration
public class ElectionCommandConfiguration {

    /** The elections kept in memory between commands (operations and the benchmark may empty it). */
    @Bean
    public org.axonframework.common.caching.Cache electionAggregateCache() {
        return new WeakReferenceCache();
    }

    @Bean
    ConfigurerModule electionCommandModule(BallotBox box, org.axonframework.common.caching.Cache electionAggregateCache,
                                           vn.daihoi.common.infra.SnapshotTaker snapshots) {
        return configurer -> {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(ElectionAggregate.class)
                    .configureCache(c -> electionAggregateCache)
                    .configureSnapshotTrigger(c -> vn.daihoi.common.infra.Snapshots.trigger(c, ElectionAggregate.class, vn.daihoi.common.infra.Snapshots.ELECTION_EVERY, snapshots))
                    .configureSnapshotFilter(c -> vn.daihoi.common.infra.Snapshots.filter(ElectionAggregate.class)));
            configurer.registerCommandHandler(c -> new ElectionCommandHandler(box));
            // The election directory is written in the transaction that opens the election, like the unit directory.
            configurer.eventProcessing()
                    .registerSubscribingEventProcessor(JdbcElectionDirectory.PROCESSING_GROUP)
                    .registerListenerInvocationErrorHandler(JdbcElectionDirectory.PROCESSING_GROUP,
                            c -> PropagatingErrorHandler.instance());
        };
    }
}
