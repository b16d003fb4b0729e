package vn.daihoi.delegate;

/**
 * A voting credential about to be issued: its id and the keyed hash of the one-time code printed on the slip.
 * Travels in a command only; events carry the id alone, never the hash or the code.
 */
public record IssuedCredential(String credentialId, byte[] codeHash) {
    @Override
    public String toString() {
        return "IssuedCredential[" + credentialId + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IssuedCredential c && c.credentialId.equals(credentialId)
                && java.util.Arrays.equals(c.codeHash, codeHash);
    }

    @Override
    public int hashCode() {
        return credentialId.hashCode();
    }
}
