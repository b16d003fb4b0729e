package vn.daihoi.election;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.daihoi.common.Text;

/**
 * a nomination with its source; a delegate nominating names himself by delegate id; self-candidacy needs an
 * application. R-28: once voting has started, a name is added only for a further round, by the congress's recorded
 * decision that new names may be added ({@code furtherRoundDecision}).
 */
public record NominateCandidateCommand(@TargetAggregateIdentifier String electionId, String candidateId, String personId,
                                       NominationSource source, String nominatedByDelegateId, String applicationReference,
                                       String furtherRoundDecision) {
    public NominateCandidateCommand {
        applicationReference = Text.clean(applicationReference);
        furtherRoundDecision = Text.clean(furtherRoundDecision);
    }

    /** A nomination before the vote (no further-round decision). */
    public NominateCandidateCommand(String electionId, String candidateId, String personId, NominationSource source,
                                    String nominatedByDelegateId, String applicationReference) {
        this(electionId, candidateId, personId, source, nominatedByDelegateId, applicationReference, null);
    }
}
