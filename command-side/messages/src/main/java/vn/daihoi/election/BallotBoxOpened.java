package vn.daihoi.election;

import java.util.List;

/** ADR 0017: the members whose key shares opened the box at close, sorted by id. */
public record BallotBoxOpened(String electionId, int round, List<String> presentedByPersonIds) implements ElectionEvent {
}
