package vn.daihoi.term;

import org.axonframework.serialization.Revision;
import vn.daihoi.organisation.Decision;

/**
 * an office filled during the term, by by-election or appointment. {@code addition} when it adds a member
 * to the committee (counted against the cap); {@code consent} is the upper level's decision allowing more.
 */
@Revision("1")
public record OfficeFilled(String leadershipId, String unitId, Holding holding, boolean addition, Decision consent)
        implements TermEvent {
}
