package vn.daihoi.confidence;

/**
 * One line of a confidence ballot: the level given to one listed official, or why the line is
 * invalid. Exactly one of {@code level} and {@code invalid} is set once a ballot is accepted.
 */
public record RatingLine(String candidateId, ConfidenceLevel level, LineInvalidReason invalid) {

    public static RatingLine rated(String candidateId, ConfidenceLevel level) {
        return new RatingLine(candidateId, level, null);
    }

    public static RatingLine invalid(String candidateId, LineInvalidReason reason) {
        return new RatingLine(candidateId, null, reason);
    }

    public boolean valid() {
        return level != null && invalid == null;
    }
}
