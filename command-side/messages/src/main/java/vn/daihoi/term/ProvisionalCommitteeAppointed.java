package vn.daihoi.term;

import org.axonframework.serialization.Revision;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.Term;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;
import java.util.List;

/** the upper level appointed a provisional committee; its offices start on {@code appointedOn}. */
@Revision("1")
public record ProvisionalCommitteeAppointed(String leadershipId, String unitId, Term term, ProvisionalReason reason,
                                            LocalDate appointedOn, Decision decision, int seats, boolean branchUnit,
                                            RuleProfile profile, List<Holding> holdings, String appointedByUnitId)
        implements TermEvent {
    public ProvisionalCommitteeAppointed {
        holdings = List.copyOf(holdings);
    }
}
