package vn.daihoi.election;

import java.util.List;

/**
 * What other aggregates may know of an election — its body, its unit, its seats, whom it elected so far and whether
 * a round is still being voted on — read from the election lookup its own events keep ({@link ElectedPeople}).
 */
public record ElectionFacts(String electionId, String congressId, String unitId, ElectedBody body, int seats,
                           List<String> electedPersonIds, boolean roundOpen) {
}
