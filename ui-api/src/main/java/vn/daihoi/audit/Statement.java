package vn.daihoi.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A checkpoint's statement (ADR 0018): the text that is signed, LF line ends, trailing LF.
 * {@code scope} is null for a periodic checkpoint ("*": every stream).
 */
public record Statement(String kind, String subject, long upTo, List<String> scope, String digest, Instant at, String keyId) {

    public static final String FORMAT = "daihoi-checkpoint/1";

    public Statement {
        at = at.truncatedTo(ChronoUnit.SECONDS);
        scope = scope == null ? null : scope.stream().sorted(ChainHash.UTF8_ORDER).distinct().toList();
    }

    public String text() {
        return FORMAT + "\n"
                + "kind: " + kind + "\n"
                + "subject: " + subject + "\n"
                + "upTo: " + upTo + "\n"
                + "scope: " + (scope == null ? "*" : String.join(",", scope)) + "\n"
                + "digest: " + digest + "\n"
                + "at: " + at + "\n"
                + "key: " + keyId + "\n";
    }

    /** Reads a stored statement back; null when it is not of this format. */
    public static Statement parse(String text) {
        if (text == null || !text.endsWith("\n")) return null;
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length != 8 || !lines[0].equals(FORMAT)) return null;
        Map<String, String> v = new LinkedHashMap<>();
        String[] keys = {"kind", "subject", "upTo", "scope", "digest", "at", "key"};
        for (int i = 0; i < keys.length; i++) {
            String prefix = keys[i] + ": ";
            if (!lines[i + 1].startsWith(prefix)) return null;
            v.put(keys[i], lines[i + 1].substring(prefix.length()));
        }
        try {
            String scope = v.get("scope");
            return new Statement(v.get("kind"), v.get("subject"), Long.parseLong(v.get("upTo")),
                    scope.equals("*") ? null : (scope.isEmpty() ? List.of() : Arrays.asList(scope.split(","))), v.get("digest"),
                    Instant.parse(v.get("at")), v.get("key"));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** One stream's head at the checkpoint: its last sequence and entry hash with global index ≤ upTo. */
    public record Head(long sequence, byte[] hash) {}

    /** The lines {@code aggregateId TAB lastSequence TAB headHashHex LF}, sorted by aggregate id (UTF-8 byte order). */
    public static String lines(SortedMap<String, Head> heads) {
        StringBuilder b = new StringBuilder();
        heads.forEach((id, h) -> b.append(id).append('\t').append(h.sequence()).append('\t').append(ChainHash.hex(h.hash())).append('\n'));
        return b.toString();
    }

    public static String digest(SortedMap<String, Head> heads) {
        return ChainHash.sha256Hex(lines(heads).getBytes(StandardCharsets.UTF_8));
    }

    /** The streams whose head a digest's lines name, back from the lines. */
    public static List<String[]> parseLines(String lines) {
        List<String[]> out = new ArrayList<>();
        for (String l : lines.split("\n")) if (!l.isEmpty()) out.add(l.split("\t", -1));
        return out;
    }

    static boolean sameHex(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
