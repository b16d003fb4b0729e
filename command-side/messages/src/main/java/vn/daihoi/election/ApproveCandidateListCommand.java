package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * the list is approved by the congress's show-of-hands decision {@code listDecisionId}
 * (its people must be exactly the candidates); {@code noSurplusDecisionId} is the recorded vote accepting a list
 * without surplus, if any. {@code ballotOrder} lists the candidates as they stand on the ballot; {@code printedNames}
 * gives each candidate's name as the ballot prints it (candidate id → full name), from which the aggregate checks the
 * order is R-24's ({@link BallotOrder}). Names travel in the command only: no event carries personal data.
 */
public record ApproveCandidateListCommand(@TargetAggregateIdentifier String electionId, String listDecisionId,
                                          String noSurplusDecisionId, List<String> ballotOrder,
                                          java.util.Map<String, String> printedNames) {
    public ApproveCandidateListCommand {
        ballotOrder = ballotOrder == null ? List.of() : List.copyOf(ballotOrder);
        printedNames = printedNames == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(printedNames));
    }
}
