package vn.daihoi.congress;

import vn.daihoi.organisation.Decision;

/** the upper level's recorded decision to shift a unit's term, by so many months. */
public record TermShift(Decision decision, int months) {
}
