package vn.daihoi.congress;

/** attendance frozen at a moment: voting delegates summoned and present, and whether quorum held. */
public record Attendance(int summoned, int present, boolean quorumMet) {

    /** a show of hands counts no more hands than voting delegates present. */
    public boolean admitsHands(long cast) {
        return cast <= present;
    }
}
