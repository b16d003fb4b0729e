package vn.daihoi.term;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** the upper level refused to recognise; the unit may submit again. */
@Revision("1")
public record LeadershipRecognitionRefused(String leadershipId, String unitId, LocalDate refusedOn, String reason,
                                           String refusedByUnitId) implements TermEvent {
}
