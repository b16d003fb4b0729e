package vn.daihoi.election;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ElectionOpened(String electionId, String congressId, String unitId, ElectedBody body, String title, int seats, vn.daihoi.congress.RuleProfile profile) implements ElectionEvent {
}
