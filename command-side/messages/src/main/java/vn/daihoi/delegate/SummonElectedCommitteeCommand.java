package vn.daihoi.delegate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * summon to a first meeting, as voting members, everyone the congress that convened it ({@code ofCongressId})
 * elected to the executive committee. People already on the roll are left as they are.
 */
public record SummonElectedCommitteeCommand(@TargetAggregateIdentifier String meetingId) {

    /** Who was added (by delegate id) and whose person was already on the roll. */
    public record Result(String fromElectionId, List<String> addedDelegateIds, List<String> alreadyOnRollPersonIds) {}
}
