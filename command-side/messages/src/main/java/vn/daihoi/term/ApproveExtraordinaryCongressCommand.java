package vn.daihoi.term;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;

/** */
public record ApproveExtraordinaryCongressCommand(@TargetAggregateIdentifier String leadershipId, ExtraordinaryGrounds grounds,
                                                  LocalDate approvedOn, Decision consent) {
}
