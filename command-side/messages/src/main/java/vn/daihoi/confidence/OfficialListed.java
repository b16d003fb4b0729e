package vn.daihoi.confidence;

import org.axonframework.serialization.Revision;
import vn.daihoi.election.ElectionEvent;

/** an official is on the list of a confidence vote, with his office. By id only: names live in the registry. */
@Revision("1")
public record OfficialListed(String electionId, String candidateId, String personId, String office) implements ElectionEvent {
}
