package vn.daihoi.confidence;

/** the three levels a ballot gives each listed official. */
public enum ConfidenceLevel {
    HIGH("Tín nhiệm cao", "high confidence"),
    CONFIDENCE("Tín nhiệm", "confidence"),
    LOW("Tín nhiệm thấp", "low confidence");

    private final String vietnamese;
    private final String english;

    ConfidenceLevel(String vietnamese, String english) {
        this.vietnamese = vietnamese;
        this.english = english;
    }

    public String vietnamese() { return vietnamese; }
    public String english() { return english; }
}
