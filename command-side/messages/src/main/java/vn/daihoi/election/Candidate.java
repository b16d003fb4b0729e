package vn.daihoi.election;

/** A candidate of an election: a person, with where the nomination came from. */
public record Candidate(String candidateId, String personId, NominationSource source, String nominatedByDelegateId,
                        String applicationReference) {
}
