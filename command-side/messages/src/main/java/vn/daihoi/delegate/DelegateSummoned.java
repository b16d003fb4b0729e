package vn.daihoi.delegate;

import org.axonframework.serialization.Revision;
import vn.daihoi.congress.CongressEvent;

/**
 * a person summoned to the roll. Revision 2 added {@code fromElectionId}: the election that sent him, for
 * delegates elected by a lower unit's congress and for a committee summoned to its meeting; null
 * otherwise and in revision 1 events.
 */
@Revision("2")
public record DelegateSummoned(String congressId, String delegateId, String personId, String code,
                               DelegateCategory category, DelegateBasis basis, String position, String fromElectionId)
        implements CongressEvent {

    /** The shape of revision 1: summoned directly, by no election. */
    public DelegateSummoned(String congressId, String delegateId, String personId, String code, DelegateCategory category,
                            DelegateBasis basis, String position) {
        this(congressId, delegateId, personId, code, category, basis, position, null);
    }
}
