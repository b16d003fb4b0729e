package vn.daihoi.confidence;

import org.axonframework.serialization.Revision;
import vn.daihoi.election.ElectionEvent;
import vn.daihoi.election.PublishedBallot;

import java.util.List;

/** A confidence round is counted: the result per person and every ballot beside its tracking code, no voter. */
@Revision("1")
public record ConfidenceRoundCounted(String electionId, int round, ConfidenceResult result, List<PublishedBallot> ballots)
        implements ElectionEvent {
}
