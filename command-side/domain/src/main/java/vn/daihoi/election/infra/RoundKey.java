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
 * <p>A sealed ballot is {@code RSA-OAEP-SHA256(public, K) ‖ nonce ‖ AES-256-GCM(K, nonce, padded content)}. K is a
 * {@link DataKey}: random, used for a short window of ballots (at most {@link DataKey#MAX_USES} or
 * {@link DataKey#MAX_AGE_NANOS}), each with its own random nonce, then forgotten; its RSA-wrapped form travels in
 * every ballot it sealed, so a ballot stays readable on its own and the count unwraps each window's key once.
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

    /**
     * ADR 0017: the data key of a window of ballots. K is drawn at random and wrapped once under the round's public
     * key; the window ends after {@link #MAX_USES} ballots or {@link #MAX_AGE_NANOS} (30 s), whichever comes first, and
     * the box then drops K (so a copy of the server's memory holds the key of one window at most). A congress of sixty
     * casts its round in one or two windows; a season's five hundred rounds at once each in their own. Within a window every
     * ballot has its own random 96-bit nonce.
     */
    static final class DataKey {
        static final int MAX_USES = 100;
        static final long MAX_AGE_NANOS = 30_000_000_000L;

        private final SecretKeySpec key;
        private final byte[] wrapped;
        private final long born = System.nanoTime();
        private final java.util.concurrent.atomic.AtomicInteger uses = new java.util.concurrent.atomic.AtomicInteger();

        private DataKey(SecretKeySpec key, byte[] wrapped) {
            this.key = key;
            this.wrapped = wrapped;
        }

        /** Claims one use of the key; false when its window is over and a fresh key must take over. */
        boolean claim() {
            return claim(System.nanoTime());
        }

        boolean claim(long nowNanos) {
            return nowNanos - born < MAX_AGE_NANOS && uses.incrementAndGet() <= MAX_USES;
        }

        long born() {
            return born;
        }
    }

    /** A fresh data key for {@code publicKey}: 32 random bytes, wrapped with RSA-OAEP-SHA256. */
    static DataKey dataKey(PublicKey publicKey, SecureRandom random) {
        byte[] k = new byte[32];
        random.nextBytes(k);
        try {
            Cipher rsa = RSA.get();
            rsa.init(Cipher.ENCRYPT_MODE, publicKey, OAEP);
            return new DataKey(new SecretKeySpec(k, "AES"), rsa.doFinal(k));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            java.util.Arrays.fill(k, (byte) 0);
        }
    }

    /** Seals {@code content} (already padded to the round's one length) under a window's data key and a fresh nonce. */
    static byte[] seal(DataKey key, byte[] content, byte[] nonce) {
        if (nonce.length != 12) throw new IllegalArgumentException("a GCM nonce has 12 bytes");
        try {
            Cipher gcm = GCM.get();
            gcm.init(Cipher.ENCRYPT_MODE, key.key, new GCMParameterSpec(128, nonce));
            byte[] out = new byte[WRAPPED + 12 + content.length + 16];
            System.arraycopy(key.wrapped, 0, out, 0, WRAPPED);
            System.arraycopy(nonce, 0, out, WRAPPED, 12);
            gcm.doFinal(content, 0, content.length, out, WRAPPED + 12);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seals {@code content} under a data key of its own (one ballot, one window). */
    static byte[] seal(PublicKey key, byte[] content, SecureRandom random) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        return seal(dataKey(key, random), content, nonce);
    }

    /**
     * Opens the ballots of a box: each window's data key is unwrapped once (one RSA decryption per window, not per
     * ballot) and kept only in this opener, which the count drops when it is done.
     */
    static final class Opener {
        private final PrivateKey key;
        private final java.util.Map<java.nio.ByteBuffer, SecretKeySpec> windows = new java.util.HashMap<>();

        Opener(PrivateKey key) {
            this.key = key;
        }

        byte[] open(byte[] sealed) {
            if (sealed.length < WRAPPED + 12 + 16) throw new IllegalStateException("a ballot in the box cannot be opened: too short");
            SecretKeySpec k = windows.computeIfAbsent(java.nio.ByteBuffer.wrap(sealed, 0, WRAPPED).slice(), w -> unwrap(key, sealed));
            try {
                Cipher gcm = GCM.get();
                gcm.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(128, sealed, WRAPPED, 12));
                return gcm.doFinal(sealed, WRAPPED + 12, sealed.length - WRAPPED - 12);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("a ballot in the box cannot be opened", e);
            }
        }

        /** How many windows' keys were unwrapped. */
        int windows() {
            return windows.size();
        }
    }

    private static SecretKeySpec unwrap(PrivateKey key, byte[] sealed) {
        try {
            Cipher rsa = RSA.get();
            rsa.init(Cipher.DECRYPT_MODE, key, OAEP);
            byte[] k = rsa.doFinal(sealed, 0, WRAPPED);
            SecretKeySpec spec = new SecretKeySpec(k, "AES");
            java.util.Arrays.fill(k, (byte) 0);
            return spec;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a ballot in the box cannot be opened", e);
        }
    }

    /** Opens one ballot (tests and single ballots; a count uses an {@link Opener}). */
    static byte[] open(PrivateKey key, byte[] sealed) {
        return new Opener(key).open(sealed);
    }
}
