package vn.daihoi.election;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** what makes a ballot invalid, judged on the names it keeps. */
public final class BallotRules {
    private BallotRules() {}

    /**
     * @param kept           the names kept (not struck), as candidate ids
     * @param candidates     the round's candidate list
     * @param seats          the seats the round fills
     * @param strikeAllValid R-24: whether keeping no name at all is a valid vote for nobody
     */
    public static Optional<InvalidReason> check(Collection<String> kept, Set<String> candidates, int seats, boolean strikeAllValid) {
        if (!candidates.containsAll(kept)) return Optional.of(InvalidReason.NAME_ADDED);
        if (Set.copyOf(kept).size() != kept.size()) return Optional.of(InvalidReason.UNCLEAR);
        if (kept.size() > seats) return Optional.of(InvalidReason.TOO_MANY_NAMES);
        if (kept.isEmpty() && !strikeAllValid) return Optional.of(InvalidReason.NOTHING_KEPT);
        return Optional.empty();
    }
}
