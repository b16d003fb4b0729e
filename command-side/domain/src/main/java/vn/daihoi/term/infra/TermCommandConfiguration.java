package vn.daihoi.term.infra;

import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.daihoi.organisation.infra.JdbcUnitDirectory;
import vn.daihoi.person.PersonDirectory;
import vn.daihoi.term.CongressSeasonAggregate;
import vn.daihoi.term.LeadershipAggregate;
import vn.daihoi.term.TermCommandHandler;

/** Registers the leadership and season aggregates, the handler that reads elections and congresses, and the directory. */
@Configuration
public class TermCommandConfiguration {

    @Bean
    ConfigurerModule termCommandModule(JdbcTermDirectory directory, JdbcUnitDirectory units, PersonDirectory persons,
                                       vn.daihoi.election.ElectedPeople elections, vn.daihoi.congress.Assemblies assemblies) {
        return configurer -> {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(LeadershipAggregate.class)
                    .configureCache(c -> new WeakReferenceCache()));
            configurer.configureAggregate(CongressSeasonAggregate.class);
            configurer.registerCommandHandler(c -> new TermCommandHandler(c.repository(LeadershipAggregate.class),
                    elections, assemblies, directory, units, persons));
            configurer.eventProcessing()
                    .registerSubscribingEventProcessor(JdbcTermDirectory.PROCESSING_GROUP)
                    .registerListenerInvocationErrorHandler(JdbcTermDirectory.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
        };
    }
}
