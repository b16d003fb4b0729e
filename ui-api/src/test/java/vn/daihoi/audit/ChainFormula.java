package vn.daihoi.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The entry hash of ADR 0018 written from its text, apart from the product's own code, to check it. */
final class ChainFormula {

    private ChainFormula() {}

    static byte[] hash(byte[] previous, String eventId, String aggregateId, long sequence, String type, String timestamp,
                       String payloadType, String revision, byte[] payload, byte[] meta) {
        try {
            return withPayloadDigest(previous, eventId, aggregateId, sequence, type, timestamp, payloadType, revision,
                    MessageDigest.getInstance("SHA-256").digest(payload), meta);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same from the payload's SHA-256 alone, as a bundle gives it for a withheld payload. */
    static byte[] withPayloadDigest(byte[] previous, String eventId, String aggregateId, long sequence, String type, String timestamp,
                                    String payloadType, String revision, byte[] payloadSha256, byte[] meta) {
        try {
            String header = String.join("\n", eventId, aggregateId, Long.toString(sequence), type == null ? "" : type, timestamp,
                    payloadType, revision == null ? "" : revision);
            MessageDigest outer = MessageDigest.getInstance("SHA-256");
            outer.update(previous);
            outer.update(MessageDigest.getInstance("SHA-256").digest(header.getBytes(StandardCharsets.UTF_8)));
            outer.update(payloadSha256);
            outer.update(MessageDigest.getInstance("SHA-256").digest(meta == null ? new byte[0] : meta));
            return outer.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
