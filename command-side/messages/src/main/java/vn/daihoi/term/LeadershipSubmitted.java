package vn.daihoi.term;

import org.axonframework.serialization.Revision;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.Term;

import java.time.LocalDate;
import java.util.List;

/**
 * the unit submits its congress's and first meeting's results for recognition. {@code proposed} holdings
 * have no start date yet: offices begin on recognition. A later submission replaces an earlier one.
 */
@Revision("1")
public record LeadershipSubmitted(String leadershipId, String unitId, Term term, String congressId, int congressOrdinal,
                                  int seats, boolean branchUnit, RuleProfile profile, List<String> electionIds,
                                  List<Holding> proposed, LocalDate submittedOn) implements TermEvent {
    public LeadershipSubmitted {
        electionIds = List.copyOf(electionIds);
        proposed = List.copyOf(proposed);
    }
}
