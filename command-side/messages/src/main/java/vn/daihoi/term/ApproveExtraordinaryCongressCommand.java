package vn.daihoi.term;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;

/**
 * the upper level consents to an extraordinary congress.
 *
 * @param consentedByUnitId the unit on whose behalf the sender gave {@code consent}, set by the application from the
 *                          sender's grant, never from a request body; refused unless it is the unit directly above the
 *                          leadership's unit on {@code approvedOn} (ADR 0029)
 */
public record ApproveExtraordinaryCongressCommand(@TargetAggregateIdentifier String leadershipId, ExtraordinaryGrounds grounds,
                                                  LocalDate approvedOn, Decision consent, String consentedByUnitId) {
}
