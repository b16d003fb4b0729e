package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;

/** a nomination with its source; a delegate nominating names himself by delegate id; self-candidacy needs an application. */
public record NominateCandidateCommand(@TargetAggregateIdentifier String electionId, String candidateId, String personId,
                                       NominationSource source, String nominatedByDelegateId, String applicationReference) {
    public NominateCandidateCommand {
        applicationReference = Text.clean(applicationReference);
    }
}
