package vn.daihoi.term;

import org.axonframework.serialization.Revision;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.Term;
import vn.daihoi.congress.TermShift;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;
import java.util.List;

/**
 * A term from before the federation adopted the system, recorded from its decisions without staging the
 * elections that ran on paper (R-02: {@code termShift} when the term was not five years).
 */
@Revision("1")
public record LeadershipImported(String leadershipId, String unitId, Term term, int congressOrdinal, LocalDate congressDate,
                                 int seats, boolean branchUnit, TermShift termShift, LocalDate recognisedOn,
                                 Decision recognition, RuleProfile profile, List<Holding> holdings,
                                 String importedByUnitId) implements TermEvent {
    public LeadershipImported {
        holdings = List.copyOf(holdings);
    }
}
