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

    @Bean
    ConfigurerModule electionCommandModule(BallotBox box) {
        return configurer -> {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(ElectionAggregate.class)
                    .configureCache(c -> new WeakReferenceCache()));
            configurer.registerCommandHandler(c -> new ElectionCommandHandler(box));
            // The election directory is written in the transaction that opens the election, like the unit directory.
            configurer.eventProcessing()
                    .registerSubscribingEventProcessor(JdbcElectionDirectory.PROCESSING_GROUP)
                    .registerListenerInvocationErrorHandler(JdbcElectionDirectory.PROCESSING_GROUP,
                            c -> PropagatingErrorHandler.instance());
        };
    }
}
