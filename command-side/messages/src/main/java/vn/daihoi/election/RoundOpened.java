package vn.daihoi.election;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * @param openedAt the business time the round opened (ADR 0022): the time of the command in live use, the congress
 *                 day's time a seed or an import of a past congress states. Revision 1 had none: it reads as null,
 *                 and readers fall back to the event's own timestamp, which for a live command is the same moment.
 */
@Revision("2")
public record RoundOpened(String electionId, int round, java.util.List<String> candidateIds, int seats, java.util.List<String> voterDelegateIds,
                          vn.daihoi.congress.Attendance attendance, String decisionReference, Instant openedAt) implements ElectionEvent {
}
