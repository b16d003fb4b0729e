package vn.daihoi.election;

/** A counted round's results were published under the public link {@code linkId} (recorded: who may read them changed). */
public record RoundResultsPublished(String electionId, int round, String linkId) implements ElectionEvent {
}
