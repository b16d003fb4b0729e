package vn.daihoi.term;

import org.axonframework.serialization.Revision;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;

/** the upper level consented to an extraordinary congress, on the grounds and vacancies of that day. */
@Revision("1")
public record ExtraordinaryCongressApproved(String leadershipId, String unitId, ExtraordinaryGrounds grounds, int seats,
                                            int vacant, LocalDate approvedOn, Decision consent) implements TermEvent {
}
