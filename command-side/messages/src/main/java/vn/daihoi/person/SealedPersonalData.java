package vn.daihoi.person;

/**
 * Personal data encrypted under its person's key ({@code keyVersion} names which key). Opaque bytes in every
 * event; only {@link PersonalDataVault} opens it, and nothing opens it once the key is destroyed.
 */
public record SealedPersonalData(int keyVersion, byte[] nonce, byte[] ciphertext) {
    @Override
    public boolean equals(Object o) {
        return o instanceof SealedPersonalData s && s.keyVersion == keyVersion
                && java.util.Arrays.equals(s.nonce, nonce) && java.util.Arrays.equals(s.ciphertext, ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(nonce) + java.util.Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "SealedPersonalData[sealed]";
    }
}
