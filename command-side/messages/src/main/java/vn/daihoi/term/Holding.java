package vn.daihoi.term;

import vn.daihoi.organisation.Decision;

import java.time.LocalDate;

/**
 * One person in one office of one leadership: from {@code startedOn} (null while only proposed for recognition)
 * to {@code endedOn} (null while held), how it began and ended, each with its decision (R-51: both dates kept).
 * {@code electionId} names the counted election behind it, if any.
 */
public record Holding(String holdingId, String personId, Office office, HoldingStart began, LocalDate startedOn,
                      Decision startDecision, String electionId, LocalDate endedOn, HoldingEnd ended, Decision endDecision) {

    public boolean openOn(LocalDate day) {
        return startedOn != null && !day.isBefore(startedOn) && (endedOn == null || day.isBefore(endedOn));
    }

    public boolean open() {
        return startedOn != null && endedOn == null;
    }

    public Holding startingOn(LocalDate day, Decision decision) {
        return new Holding(holdingId, personId, office, began, day, decision, electionId, endedOn, ended, endDecision);
    }

    public Holding endingOn(LocalDate day, HoldingEnd how, Decision decision) {
        return new Holding(holdingId, personId, office, began, startedOn, startDecision, electionId, day, how, decision);
    }
}
