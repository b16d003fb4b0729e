package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * a counted round's paper ballots are destroyed once the profile's sealed period has run, on a recorded
 * decision.
 *
 * @param destroyedOn       the calendar day (Asia/Ho_Chi_Minh, R-42); refused before the day the seal runs out
 * @param decisionReference the decision that orders the destruction
 */
public record DestroyPaperBallotsCommand(@TargetAggregateIdentifier String electionId, int round, LocalDate destroyedOn,
                                         String decisionReference) {
}
