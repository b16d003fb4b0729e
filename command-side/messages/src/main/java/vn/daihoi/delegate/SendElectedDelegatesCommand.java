package vn.daihoi.delegate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * send the people a counted election of delegates (or alternates) to the upper congress elected onto the
 * roll of {@code upperCongressId}: official delegates as DELEGATE, alternates as ALTERNATE, basis ELECTED, each
 * recording the election. Sending again adds nobody twice.
 */
public record SendElectedDelegatesCommand(@TargetAggregateIdentifier String upperCongressId, String electionId) {

    public record Result(String electionId, DelegateCategory category, List<String> addedDelegateIds,
                         List<String> alreadyOnRollPersonIds) {}
}
