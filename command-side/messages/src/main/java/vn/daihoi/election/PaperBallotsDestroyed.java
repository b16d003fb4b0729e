package vn.daihoi.election;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * a round's paper ballots were destroyed on {@code destroyedOn}, on or after the day their sealed period ran
 * out ({@code sealedUntil}), by the decision {@code decisionReference}. They can no longer be opened.
 */
@Revision("1")
public record PaperBallotsDestroyed(String electionId, int round, LocalDate destroyedOn, String decisionReference,
                                    LocalDate sealedUntil) implements ElectionEvent {
}
