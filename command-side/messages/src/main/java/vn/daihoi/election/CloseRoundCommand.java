package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Close the round and count it: the ballots are revealed together, in an order that carries no information. The
 * box opens only with the key shares of enough counting-committee members (R-23, ADR 0017). {@code closedAt}: the
 * business time of the close, as {@link OpenRoundCommand#openedAt()} (ADR 0022).
 */
public record CloseRoundCommand(@TargetAggregateIdentifier String electionId, int round, List<String> shares, Instant closedAt) {
    public CloseRoundCommand {
        shares = shares == null ? List.of() : List.copyOf(shares);
    }

    @Override
    public String toString() {
        return "CloseRoundCommand[" + electionId + ", round " + round + ", " + shares.size() + " shares]"; // never a share
    }
}
