package vn.daihoi.congress;

/**
 * A rule's threshold as an exact fraction, compared in integers so that 2/3 of 45 never rounds: the quorum
 * of R-13 is {@code 3 × present ≥ 2 × summoned}, a majority of R-15 is {@code 2 × for > present}.
 */
public record Fraction(int numerator, int denominator) {
    public Fraction {
        if (denominator <= 0 || numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("fraction out of range: " + numerator + "/" + denominator);
        }
    }

    /** {@code part / whole ≥ this}. */
    public boolean reachedBy(long part, long whole) {
        return part * denominator >= whole * numerator;
    }

    /** {@code part / whole > this}. */
    public boolean exceededBy(long part, long whole) {
        return part * denominator > whole * numerator;
    }

    /** The part of {@code whole} this fraction names, rounded down (R-50: "3 of 5 seats"). */
    public long floorOf(long whole) {
        return whole * numerator / denominator;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
