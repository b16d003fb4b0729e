package vn.daihoi.congress.infra;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.daihoi.congress.CongressAggregate;
import vn.daihoi.delegate.DelegateImport;
import vn.daihoi.delegate.ElectedRoll;
import vn.daihoi.election.ElectedPeople;
import vn.daihoi.election.ElectionAggregate;
import vn.daihoi.election.ElectionDirectory;
import vn.daihoi.organisation.UnitDirectory;
import vn.daihoi.person.PersonAggregate;
import vn.daihoi.person.PersonDirectory;
import vn.daihoi.person.PersonalDataVault;
import vn.daihoi.person.infra.JdbcPersonDirectory;

/**
 * Registers the congress and person aggregates. A congress grows with its roll (thousands of events for a
 * large congress), so it is cached between commands; the directories run subscribing with propagating
 * errors, like the unit directory.
 */
@Configuration
public class CongressCommandConfiguration {

    @Bean
    ConfigurerModule congressCommandModule(PersonalDataVault vault, PersonDirectory personDirectory,
                                           ElectionDirectory electionDirectory, UnitDirectory unitDirectory) {
        return configurer -> {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(CongressAggregate.class)
                    .configureCache(c -> new WeakReferenceCache()));
            configurer.configureAggregate(PersonAggregate.class);
            configurer.registerCommandHandler(c -> new DelegateImport(c.repository(CongressAggregate.class),
                    c.repository(PersonAggregate.class), vault, personDirectory));
            configurer.registerCommandHandler(c -> new ElectedRoll(c.repository(CongressAggregate.class),
                    new ElectedPeople(c.repository(ElectionAggregate.class), electionDirectory), unitDirectory));
            for (String group : new String[]{JdbcCongressDirectory.PROCESSING_GROUP, JdbcPersonDirectory.PROCESSING_GROUP}) {
                configurer.eventProcessing()
                        .registerSubscribingEventProcessor(group)
                        .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance());
            }
        };
    }

}
