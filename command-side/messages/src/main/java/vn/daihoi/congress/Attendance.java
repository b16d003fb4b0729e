package vn.daihoi.congress;

/** attendance frozen at a moment: voting delegates summoned and present, and whether quorum held. */
public record Attendance(int summoned, int present, boolean quorumMet) {

    /** those summoned and present, the quorum judged by {@code quorum} (reached: ≥; nobody summoned: not met). */
    public static Attendance judged(int summoned, int present, Fraction quorum) {
        return new Attendance(summoned, present, summoned > 0 && quorum.reachedBy(present, summoned));
    }

    /** a show of hands counts no more hands than voting delegates present. */
    public boolean admitsHands(long cast) {
        return cast <= present;
    }
}
