package vn.daihoi.election.infra;

import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.daihoi.congress.CongressAggregate;
import vn.daihoi.election.BallotBox;
import vn.daihoi.election.ElectionAggregate;
import vn.daihoi.election.ElectionCommandHandler;
import vn.daihoi.election.ElectionDirectory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import vn.daihoi.person.PersonDirectory;

/** Registers the election aggregate and the handler that reaches the congress and the ballot box. */
@Configuration
public class ElectionCommandConfiguration {

    @Bean
    ConfigurerModule electionCommandModule(PersonDirectory persons, BallotBox box, ElectionDirectory directory) {
        return configurer -> {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(ElectionAggregate.class)
                    .configureCache(c -> new WeakReferenceCache()));
            configurer.registerCommandHandler(c -> new ElectionCommandHandler(c.repository(ElectionAggregate.class),
                    c.repository(CongressAggregate.class), persons, box, directory));
            // The election directory is written in the transaction that opens the election, like the unit directory.
            configurer.eventProcessing()
                    .registerSubscribingEventProcessor(JdbcElectionDirectory.PROCESSING_GROUP)
                    .registerListenerInvocationErrorHandler(JdbcElectionDirectory.PROCESSING_GROUP,
                            c -> PropagatingErrorHandler.instance());
        };
    }
}
