package vn.daihoi.election;

/**
 * the paper ballots of a round balance when issued = collected + spoiled-and-replaced + not returned. One
 * function for the count (the round does not close unbalanced) and for the counting desk, which shows the verdict
 * as the member types. {@code notReturned} is null until the committee states it.
 */
public record PaperBalance(int issued, int collected, int spoiled, Integer notReturned) {

    /** Which side of the equation is short, if any. */
    public enum Verdict { BALANCED, ACCOUNTED_SHORT, ACCOUNTED_OVER }

    /** The right-hand side: collected + spoiled + not returned. */
    public int accounted() {
        return collected + spoiled + (notReturned == null ? 0 : notReturned);
    }

    /** Issued minus accounted: positive, ballots issued that the right side does not account for; negative, too many accounted. */
    public int difference() {
        return issued - accounted();
    }

    public Verdict verdict() {
        int d = difference();
        return d == 0 ? Verdict.BALANCED : d > 0 ? Verdict.ACCOUNTED_SHORT : Verdict.ACCOUNTED_OVER;
    }

    public boolean balances() {
        return notReturned != null && difference() == 0;
    }
}
