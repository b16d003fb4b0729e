package vn.daihoi.election;

/** ADR 0017: a counting-committee member received his key share (share number {@code index} of the key). Never the share. */
public record KeyShareTaken(String electionId, int round, String holderPersonId, int index, String keyFingerprint) implements ElectionEvent {
}
