package vn.daihoi.congress;

/** A term of office, nhiệm kỳ {@code startYear}–{@code endYear}. */
public record Term(int startYear, int endYear) {
    public String label() {
        return startYear + "–" + endYear;
    }
}
