package vn.daihoi.election.infra;

import java.math.BigInteger;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Test side of ADR 0017, in the box's own package: what the counting committee can rebuild from its shares — the
 * seed, the private key and its parts — so that a test can look for each of them in everything a database superuser
 * can read. Only tests hold these; the server never does after sealing.
 */
public final class KeyMaterial {

    private KeyMaterial() {
    }

    /** The 32-byte share a code carries. */
    public static byte[] share(String code) {
        return KeyShare.parse(code).orElseThrow().y();
    }

    /** The seed that {@code codes} (at least k of them) rebuild. */
    public static byte[] seed(List<String> codes) {
        Map<Integer, byte[]> shares = new TreeMap<>();
        int k = 0;
        for (String c : codes) {
            KeyShare s = KeyShare.parse(c).orElseThrow();
            shares.put(s.x(), s.y());
            k = s.k();
        }
        Map<Integer, byte[]> chosen = new TreeMap<>();
        shares.entrySet().stream().limit(k).forEach(e -> chosen.put(e.getKey(), e.getValue()));
        return Shamir.combine(chosen);
    }

    /** The seed from shares (x → share) found anywhere: Shamir's combination, as the committee would do it. */
    public static byte[] combine(Map<Integer, byte[]> shares) {
        return Shamir.combine(new TreeMap<>(shares));
    }

    /** Every secret that opens the box, as bytes a search can look for: seed, PKCS#8 key, d, p, q and the CRT parts. */
    public static List<byte[]> secrets(byte[] seed) {
        RoundKey.Pair pair = RoundKey.fromSeed(seed);
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.privateKey();
        List<byte[]> out = new ArrayList<>(List.of(seed, k.getEncoded()));
        for (BigInteger part : List.of(k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(),
                k.getPrimeExponentQ(), k.getCrtCoefficient())) {
            out.add(unsigned(part));
        }
        return out;
    }

    /** The public key the seed determines (X.509), to check a rebuilt seed against what the box published. */
    public static byte[] publicKey(byte[] seed) {
        return RoundKey.fromSeed(seed).publicKey().getEncoded();
    }

    /** Opens a sealed ballot with a seed, padded JSON as the box sealed it. */
    public static String open(byte[] seed, byte[] sealed) {
        return new String(RoundKey.open(RoundKey.fromSeed(seed).privateKey(), sealed), java.nio.charset.StandardCharsets.UTF_8).strip();
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }
}
