package vn.daihoi.election;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * a round's sealed paper ballots were opened on {@code openedOn} by the decision {@code decisionReference} of
 * {@code authority}, for {@code reason}. Opening does not shorten the period they are kept: they are sealed again
 * and stay until {@code sealedUntil}.
 */
@Revision("1")
public record SealedPaperBallotsOpened(String electionId, int round, SealAuthority authority, String decisionReference,
                                       String reason, LocalDate openedOn, LocalDate sealedUntil) implements ElectionEvent {
}
