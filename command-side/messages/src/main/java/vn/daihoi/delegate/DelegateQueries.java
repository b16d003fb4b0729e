package vn.daihoi.delegate;

import java.time.Instant;
import java.util.List;

public final class DelegateQueries {
    private DelegateQueries() {}

    public record RollOf(String congressId) {}

    /**
     * One line of the roll; {@code fullName} is null once the person's data was erased. {@code categoryVi} labels the
     * category (an alternate reads "Đại biểu dự khuyết"); {@code fromElectionId} is the election that sent him, if any.
     */
    public record RollEntry(String delegateId, String personId, String code, String fullName, DelegateCategory category,
                            DelegateBasis basis, String position, String status, boolean votes, boolean present,
                            Instant lastArrival, Instant lastDeparture, String replacedBy, String replaces,
                            boolean hasCredential, String categoryVi, String fromElectionId) {}

    public record Roll(String congressId, List<RollEntry> delegates) {}
}
