package vn.daihoi.delegate;

/**
 * Where voting credentials live: the keyed hash of each one-time code, bound to one delegate of one congress.
 * Written in the command's transaction, so a credential exists exactly when its event does.
 */
public interface VotingCredentialRegistry {

    void register(String credentialId, String congressId, String delegateId, byte[] codeHash);

    /** Revokes the credential and every token it was exchanged for. */
    void revoke(String credentialId);
}
