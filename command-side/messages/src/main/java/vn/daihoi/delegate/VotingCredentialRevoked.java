package vn.daihoi.delegate;

import org.axonframework.serialization.Revision;
import vn.daihoi.congress.CongressEvent;

@Revision("1")
public record VotingCredentialRevoked(String congressId, String delegateId, String credentialId, String reason) implements CongressEvent {
}
