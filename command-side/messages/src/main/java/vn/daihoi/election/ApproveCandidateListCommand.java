package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * the list is approved by the congress's show-of-hands decision {@code listDecisionId}
 * (its people must be exactly the candidates); {@code noSurplusDecisionId} is the recorded vote accepting a list
 * without surplus, if any. {@code ballotOrder} lists the candidates as they stand on the ballot.
 */
public record ApproveCandidateListCommand(@TargetAggregateIdentifier String electionId, String listDecisionId,
                                          String noSurplusDecisionId, List<String> ballotOrder) {
    public ApproveCandidateListCommand {
        ballotOrder = ballotOrder == null ? List.of() : List.copyOf(ballotOrder);
    }
}
