package vn.daihoi.term;

import org.axonframework.serialization.Revision;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;
import java.util.List;

/**
 * offices ended on a date, with the decision behind it: one person's (resignation, dismissal,
 * transfer; {@code personId} set) or every open office of a term whose successor took office
 * ({@code successorLeadershipId} set).
 */
@Revision("1")
public record OfficesEnded(String leadershipId, String unitId, String personId, List<String> holdingIds, LocalDate endedOn,
                           HoldingEnd how, Decision decision, String successorLeadershipId) implements TermEvent {
    public OfficesEnded {
        holdingIds = List.copyOf(holdingIds);
    }
}
