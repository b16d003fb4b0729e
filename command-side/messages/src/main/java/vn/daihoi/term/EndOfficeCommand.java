package vn.daihoi.term;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;

/** end one person's office ({@code office}) or, when {@code office} is null, all his offices in the term. */
public record EndOfficeCommand(@TargetAggregateIdentifier String leadershipId, String personId, Office office,
                               HoldingEnd how, LocalDate endedOn, Decision decision) {
}
