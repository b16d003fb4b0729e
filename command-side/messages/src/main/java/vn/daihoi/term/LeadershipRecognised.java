package vn.daihoi.term;

import org.axonframework.serialization.Revision;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;

/** the upper level recognised the leadership; every proposed office starts on {@code recognisedOn}. */
@Revision("1")
public record LeadershipRecognised(String leadershipId, String unitId, LocalDate recognisedOn, Decision decision,
                                   String recognisedByUnitId) implements TermEvent {
}
