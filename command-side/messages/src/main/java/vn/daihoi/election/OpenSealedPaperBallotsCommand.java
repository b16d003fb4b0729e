package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * the seal on a counted round's paper ballots is broken — to check a complaint or a recount — by a recorded
 * decision of the presidium or the executive committee, never by anyone else.
 *
 * @param authority         who decided: the presidium or the executive committee; null when the client named anyone
 *                          else, which the election refuses
 * @param decisionReference the number of that body's decision (or minutes) to open them
 * @param reason            why they are opened, as the decision says
 * @param openedOn          the calendar day they are opened (Asia/Ho_Chi_Minh, R-42)
 */
public record OpenSealedPaperBallotsCommand(@TargetAggregateIdentifier String electionId, int round, SealAuthority authority,
                                            String decisionReference, String reason, LocalDate openedOn) {
}
