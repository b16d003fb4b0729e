package vn.daihoi.election.infra;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One counting-committee member's share of a round's key seed (ADR 0017), as he carries it: a code of 76 letters
 * and digits in groups of five after {@code KP1}, printed on his sheet and in its QR code. It says which share it is
 * (x), how many open the box (k) of how many (n), which key it belongs to (the first 8 bytes of the public key's
 * fingerprint), the share itself (32 bytes) and a 4-byte check against typing errors.
 */
record KeyShare(int x, int k, int n, byte[] fingerprint, byte[] y) {

    static final String PREFIX = "KP1";
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int BYTES = 1 + 1 + 1 + 8 + RoundKey.SEED_BYTES + 4;

    String code() {
        ByteBuffer b = ByteBuffer.allocate(BYTES - 4).put((byte) x).put((byte) k).put((byte) n).put(fingerprint).put(y);
        byte[] body = b.array();
        byte[] all = ByteBuffer.allocate(BYTES).put(body).put(check(body)).array();
        String letters = encode(all);
        StringBuilder s = new StringBuilder(PREFIX);
        for (int i = 0; i < letters.length(); i += 5) s.append('-').append(letters, i, Math.min(letters.length(), i + 5));
        return s.toString();
    }

    /** The share a code carries, or empty when it is not a share code or a letter was mistyped. */
    static Optional<KeyShare> parse(String code) {
        if (code == null) return Optional.empty();
        String s = code.strip().toUpperCase().replace("-", "").replace(" ", "");
        if (!s.startsWith(PREFIX)) return Optional.empty();
        byte[] all = decode(s.substring(PREFIX.length()));
        if (all == null || all.length != BYTES) return Optional.empty();
        byte[] body = Arrays.copyOf(all, BYTES - 4);
        if (!MessageDigest.isEqual(check(body), Arrays.copyOfRange(all, BYTES - 4, BYTES))) return Optional.empty();
        int x = all[0] & 0xff, k = all[1] & 0xff, n = all[2] & 0xff;
        if (x < 1 || x > n || k < 1 || k > n) return Optional.empty();
        return Optional.of(new KeyShare(x, k, n, Arrays.copyOfRange(all, 3, 11), Arrays.copyOfRange(all, 11, 11 + RoundKey.SEED_BYTES)));
    }

    static byte[] fingerprintBytes(String fingerprint) {
        return HexFormat.of().parseHex(fingerprint.replace("-", ""));
    }

    private static byte[] check(byte[] body) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(body), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        int buffer = 0, bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                s.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) s.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        return s.toString();
    }

    private static byte[] decode(String letters) {
        ByteBuffer out = ByteBuffer.allocate(letters.length() * 5 / 8);
        int buffer = 0, bits = 0;
        for (char c : letters.toCharArray()) {
            int v = -1;
            for (int i = 0; i < ALPHABET.length; i++) if (ALPHABET[i] == c) v = i;
            if (v < 0) return null;
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                if (!out.hasRemaining()) return null;
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.position() == out.capacity() ? out.array() : null;
    }

    @Override
    public String toString() {
        return "KeyShare[" + x + " of " + n + "]"; // never the share itself
    }
}
