package vn.daihoi.delegate.infra;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.daihoi.common.infra.AddedFieldsUpcaster;
import vn.daihoi.delegate.DelegateSummoned;

import java.util.List;

/** {@link DelegateSummoned} 1 → 2: a person summoned before elections sent people was sent by none. */
@Component
@Order(20)
public class DelegateSummonedUpcaster extends AddedFieldsUpcaster {
    public DelegateSummonedUpcaster() {
        super(DelegateSummoned.class, "1", "2", List.of("fromElectionId"));
    }
}
