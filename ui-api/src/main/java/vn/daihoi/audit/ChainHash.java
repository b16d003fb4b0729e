package vn.daihoi.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * The fixed formulas of ADR 0018, in Java, for checking what the database computed and what a bundle carries.
 * The database computes the same entry hash in {@code daihoi_entry_hash} (migration V2026_12_07_10); the
 * independent verifier computes both from the text of the ADR.
 */
public final class ChainHash {

    public static final byte[] GENESIS = new byte[32];
    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {}

    /** {@code H = SHA-256(P ‖ SHA-256(header) ‖ SHA-256(payload) ‖ SHA-256(meta))}. */
    public static byte[] entryHash(byte[] previous, String eventId, String aggregateId, long sequence, String type,
                                   String timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] meta) {
        String header = eventId + "\n" + aggregateId + "\n" + sequence + "\n" + (type == null ? "" : type) + "\n"
                + timestamp + "\n" + payloadType + "\n" + (payloadRevision == null ? "" : payloadRevision);
        MessageDigest d = sha256();
        d.update(previous);
        d.update(sha256(header.getBytes(StandardCharsets.UTF_8)));
        d.update(sha256(payload));
        d.update(sha256(meta == null ? new byte[0] : meta));
        return d.digest();
    }

    public static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    public static String sha256Hex(byte[] bytes) {
        return hex(sha256(bytes));
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    /** First 16 hex digits of the statement's SHA-256, in groups of four: {@code 3f2a-91c0-5b7e-0d44}. */
    public static String fingerprint(String statement) {
        String h = sha256Hex(statement.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        return h.substring(0, 4) + "-" + h.substring(4, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16);
    }

    /** Aggregate ids sorted by the bytes of their UTF-8 encoding (unsigned), as the digest and scope require. */
    public static final Comparator<String> UTF8_ORDER = (a, b) -> {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    };

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
