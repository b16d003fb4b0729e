package vn.daihoi.election;

import java.util.List;

/**
 * The count of one round. {@code lines} are ranked by votes (ties in candidate-list order);
 * {@code tiedCandidateIds} need a tie round for {@code tieSeats} seats; {@code vacancies} stay empty unless the
 * congress holds another round.
 */
public record RoundResult(int seats, int collected, int valid, int invalid, List<Line> lines, List<String> electedCandidateIds,
                          List<String> tiedCandidateIds, int tieSeats, int vacancies) {

    public record Line(String candidateId, int votes, String percentOfCollected, Outcome outcome) {}

    public boolean needsTieRound() {
        return !tiedCandidateIds.isEmpty();
    }
}
