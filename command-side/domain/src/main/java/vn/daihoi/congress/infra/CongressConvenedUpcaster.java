package vn.daihoi.congress.infra;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.daihoi.common.infra.AddedFieldsUpcaster;
import vn.daihoi.congress.CongressConvened;

import java.util.List;

/** {@link CongressConvened} 1 → 2 (ADR 0009): a congress convened before meetings existed has no purpose, electing congress or convener. */
@Component
@Order(10)
public class CongressConvenedUpcaster extends AddedFieldsUpcaster {
    public CongressConvenedUpcaster() {
        super(CongressConvened.class, "1", "2", List.of("purpose", "ofCongressId", "convenerPersonId"));
    }
}
