package vn.daihoi.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashing of tokens and codes. Tokens are long random strings, so SHA-256 suffices; voting codes are short
 * (8 characters, about 40 bits), so they are hashed with a server key (HMAC) generated once and kept in the
 * database, which makes a leaked credential table alone useless for guessing codes.
 */
@Component
public class Secrets {

    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final SecureRandom random = new SecureRandom();
    private final JdbcTemplate jdbc;
    private volatile byte[] codeKey;

    public Secrets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A code a person can type from a slip: 8 unambiguous characters, shown as XXXX-XXXX. */
    public String newVotingCode() {
        StringBuilder b = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) b.append('-');
            b.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return b.toString();
    }

    /** Case, spaces and dashes do not matter when a code is typed. */
    public byte[] hashVotingCode(String code) {
        String normal = code == null ? "" : code.toUpperCase().replaceAll("[^A-Z0-9]", "");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(codeKey(), "HmacSHA256"));
            return mac.doFinal(normal.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] codeKey() {
        if (codeKey == null) {
            synchronized (this) {
                if (codeKey == null) {
                    byte[] fresh = new byte[32];
                    random.nextBytes(fresh);
                    jdbc.update("insert into app_secret (name, value) values ('voting-code-key', ?) on conflict (name) do nothing", (Object) fresh);
                    List<byte[]> stored = jdbc.queryForList("select value from app_secret where name = 'voting-code-key'", byte[].class);
                    codeKey = stored.get(0);
                }
            }
        }
        return codeKey;
    }
}
