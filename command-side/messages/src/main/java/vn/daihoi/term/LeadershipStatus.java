package vn.daihoi.term;

/** Where one unit's leadership for one term stands. */
public enum LeadershipStatus {
    SUBMITTED, RECOGNISED, REFUSED, IMPORTED, PROVISIONAL;

    /** Offices run (and may change, R-50, R-51) only once the leadership took office. */
    public boolean inOffice() {
        return this == RECOGNISED || this == IMPORTED || this == PROVISIONAL;
    }
}
