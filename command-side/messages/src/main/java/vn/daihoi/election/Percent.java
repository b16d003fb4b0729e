package vn.daihoi.election;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * a percentage computed once and shown identically everywhere: votes × 100 / ballots collected,
 * rounded half-up to two decimals, carried as text ("56.41") so no view can round it differently.
 */
public final class Percent {
    private Percent() {}

    public static String of(long part, long whole) {
        if (whole == 0) return "0.00";
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP).toPlainString();
    }
}
