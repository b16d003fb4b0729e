package vn.daihoi.election.infra;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import vn.daihoi.common.infra.AddedFieldsUpcaster;
import vn.daihoi.election.RoundClosed;
import vn.daihoi.election.RoundOpened;

import java.util.List;

/**
 * {@link RoundOpened} and {@link RoundClosed} 1 → 2 (ADR 0022): a round recorded before business times were kept
 * has none; readers fall back to the event's own timestamp.
 */
@Configuration(proxyBeanMethods = false)
public class RoundTimesUpcasters {

    @Bean
    @Order(30)
    public AddedFieldsUpcaster roundOpenedUpcaster() {
        return new AddedFieldsUpcaster(RoundOpened.class, "1", "2", List.of("openedAt")) { };
    }

    @Bean
    @Order(31)
    public AddedFieldsUpcaster roundClosedUpcaster() {
        return new AddedFieldsUpcaster(RoundClosed.class, "1", "2", List.of("closedAt")) { };
    }
}
