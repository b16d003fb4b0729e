package vn.daihoi.organisation.infra;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.daihoi.organisation.UnitAggregate;
import vn.daihoi.organisation.UnitRestructuring;

/**
 * Registers the unit aggregate and the restructuring handler with Axon without putting Spring into the
 * domain package. The directory runs subscribing, and its failures propagate, so a refused insert (say a
 * code taken by a concurrent command) rolls the whole command back instead of being logged and skipped.
 */
@Configuration
public class OrganisationCommandConfiguration {

    @Bean
    ConfigurerModule organisationCommandModule(JdbcUnitDirectory directory) {
        return configurer -> {
            configurer.configureAggregate(UnitAggregate.class);
            configurer.registerCommandHandler(c -> new UnitRestructuring(c.repository(UnitAggregate.class), directory));
            configurer.eventProcessing()
                    .registerSubscribingEventProcessor(JdbcUnitDirectory.PROCESSING_GROUP)
                    .registerListenerInvocationErrorHandler(JdbcUnitDirectory.PROCESSING_GROUP,
                            c -> PropagatingErrorHandler.instance());
        };
    }
}
