package vn.daihoi.election;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Test-side reading of the share code format of ADR 0017 (written from the ADR, not from the product's code): it
 * forges a share that keeps number, threshold and key fingerprint and carries a correct check, but other content.
 */
final class ShareForgery {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private ShareForgery() {
    }

    static String withOtherContent(String code) {
        byte[] bytes = decode(code.substring(3).replace("-", ""));
        byte[] body = Arrays.copyOf(bytes, 43); // x, k, n, 8 bytes of fingerprint, 32 of share; then 4 of check
        body[20] ^= 0x5a; // a byte of the share itself (after x, k, n and the 8-byte fingerprint)
        try {
            byte[] check = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(body), 4);
            return "KP1-" + encode(ByteBuffer.allocate(47).put(body).put(check).array());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String letters) {
        ByteBuffer out = ByteBuffer.allocate(letters.length() * 5 / 8);
        int buffer = 0, bits = 0;
        for (char ch : letters.toCharArray()) {
            buffer = (buffer << 5) | ALPHABET.indexOf(ch);
            bits += 5;
            if (bits >= 8 && out.hasRemaining()) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    private static String encode(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        int buffer = 0, bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                s.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) s.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        return s.toString();
    }
}
