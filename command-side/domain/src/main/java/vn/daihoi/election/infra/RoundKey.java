package vn.daihoi.election.infra;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * A round's ballot key (ADR 0017). The whole key pair follows from a 32-byte seed: RSA-2048 whose primes are the
 * first primes after numbers drawn from HMAC-SHA256(seed, …). The seed is what the counting committee's shares
 * carry; the server keeps only the public key, which seals ballots but cannot open them. Rebuilding the pair from
 * the shares' seed and finding the stored public key again is the proof that the shares were right.
 *
 * <p>A sealed ballot is {@code RSA-OAEP-SHA256(public, K) ‖ nonce ‖ AES-256-GCM(K, nonce, padded content)} with
 * K fresh for every ballot; the server forgets K once the ballot is sealed.
 */
final class RoundKey {

    static final int SEED_BYTES = 32;
    private static final int BITS = 2048;
    private static final BigInteger E = BigInteger.valueOf(65537);
    private static final int WRAPPED = BITS / 8;
    private static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);

    private RoundKey() {
    }

    record Pair(PublicKey publicKey, PrivateKey privateKey) {}

    /** The key pair the seed determines; the same seed gives the same pair on any JVM. */
    static Pair fromSeed(byte[] seed) {
        if (seed.length != SEED_BYTES) throw new IllegalArgumentException("a round key seed has 32 bytes");
        try {
            BigInteger p = prime(seed, "p");
            BigInteger q = prime(seed, "q");
            if (p.equals(q)) throw new IllegalStateException("equal primes from one seed");
            if (p.compareTo(q) < 0) {
                BigInteger t = p;
                p = q;
                q = t;
            }
            BigInteger n = p.multiply(q);
            BigInteger p1 = p.subtract(BigInteger.ONE);
            BigInteger q1 = q.subtract(BigInteger.ONE);
            BigInteger lambda = p1.divide(p1.gcd(q1)).multiply(q1);
            BigInteger d = E.modInverse(lambda);
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PublicKey pub = rsa.generatePublic(new RSAPublicKeySpec(n, E));
            PrivateKey priv = rsa.generatePrivate(new RSAPrivateCrtKeySpec(n, E, d, p, q, d.mod(p1), d.mod(q1), q.modInverse(p)));
            return new Pair(pub, priv);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 1024-bit prime with its two top bits set (so that n has 2048 bits) and e prime to p − 1. */
    private static BigInteger prime(byte[] seed, String label) throws GeneralSecurityException {
        for (int attempt = 0; ; attempt++) {
            byte[] draw = draw(seed, label + attempt, BITS / 16);
            draw[0] |= (byte) 0xc0;
            BigInteger candidate = new BigInteger(1, draw);
            BigInteger p = candidate.nextProbablePrime();
            if (p.bitLength() == BITS / 2 && p.subtract(BigInteger.ONE).gcd(E).equals(BigInteger.ONE)) return p;
        }
    }

    /** {@code length} bytes of HMAC-SHA256(seed, label ‖ counter) blocks. */
    private static byte[] draw(byte[] seed, String label, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(seed, "HmacSHA256"));
        ByteBuffer out = ByteBuffer.allocate(length + 32);
        for (int block = 0; out.position() < length; block++) {
            mac.update(("daihoi-round-key/1/" + label + "/" + block).getBytes(StandardCharsets.UTF_8));
            out.put(mac.doFinal());
        }
        byte[] bytes = new byte[length];
        System.arraycopy(out.array(), 0, bytes, 0, length);
        return bytes;
    }

    static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sixteen hex digits of the public key's SHA-256, grouped by four: printed on share sheets and in events. */
    static String fingerprint(PublicKey key) {
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 0, 8);
            return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ThreadLocal<Cipher> RSA = ThreadLocal.withInitial(() -> cipher("RSA/ECB/OAEPPadding"));
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> cipher("AES/GCM/NoPadding"));

    private static Cipher cipher(String name) {
        try {
            return Cipher.getInstance(name);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seals {@code content} (already padded to the round's one length) for the holder of the private key. */
    static byte[] seal(PublicKey key, byte[] content, SecureRandom random) {
        byte[] k = new byte[32];
        byte[] nonce = new byte[12];
        random.nextBytes(k);
        random.nextBytes(nonce);
        try {
            Cipher rsa = RSA.get();
            rsa.init(Cipher.ENCRYPT_MODE, key, OAEP);
            byte[] wrapped = rsa.doFinal(k);
            Cipher gcm = GCM.get();
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "AES"), new GCMParameterSpec(128, nonce));
            byte[] body = gcm.doFinal(content);
            return ByteBuffer.allocate(wrapped.length + 12 + body.length).put(wrapped).put(nonce).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            java.util.Arrays.fill(k, (byte) 0);
        }
    }

    static byte[] open(PrivateKey key, byte[] sealed) {
        try {
            Cipher rsa = RSA.get();
            rsa.init(Cipher.DECRYPT_MODE, key, OAEP);
            byte[] k = rsa.doFinal(sealed, 0, WRAPPED);
            Cipher gcm = GCM.get();
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(k, "AES"), new GCMParameterSpec(128, sealed, WRAPPED, 12));
            java.util.Arrays.fill(k, (byte) 0);
            return gcm.doFinal(sealed, WRAPPED + 12, sealed.length - WRAPPED - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a ballot in the box cannot be opened", e);
        }
    }
}
