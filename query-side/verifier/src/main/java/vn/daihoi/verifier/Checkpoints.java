package vn.daihoi.verifier;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signed checkpoints (docs/bundle.md): each statement must carry a valid Ed25519 signature by a key of
 * {@code keys.json}; a round or term checkpoint's digest is recomputed from the events of the bundle. A periodic
 * checkpoint covers streams the bundle does not hold, so only its signature is checked.
 */
final class Checkpoints {

    /** A public key as the bundle lists it. {@code fingerprint}: SHA-256 of its X.509 bytes, to compare with the published one. */
    record Key(String keyId, String unitId, String unitName, PublicKey publicKey, String fingerprint, String createdAt, String retiredAt) {}

    /** A parsed statement. {@code scope} is null for "*" (every stream). */
    record Statement(String kind, String subject, long upTo, List<String> scope, String digest, String at, String keyId) {}

    /** A round checkpoint that verified: its statement and the short fingerprint printed in the minutes. */
    record Signed(Statement statement, String fingerprint) {}

    final Map<String, Key> keys = new LinkedHashMap<>();
    /** Verified round checkpoints by subject ("electionId#round"). */
    final Map<String, List<Signed>> rounds = new HashMap<>();
    /** Round subjects with a checkpoint that did not verify. */
    final Map<String, String> failedRounds = new HashMap<>();

    List<Finding> readKeys(JsonNode keysJson) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode k : keysJson) {
            String keyId = k.path("keyId").asText();
            try {
                if (!"Ed25519".equals(k.path("algorithm").asText())) throw new GeneralSecurityException("algorithm");
                byte[] der = Base64.getDecoder().decode(k.path("publicKey").asText());
                PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
                String unit = text(k, "unitName") != null ? text(k, "unitName")
                        : text(k, "unitId") != null ? text(k, "unitId") : "(không rõ đơn vị / unit not given)";
                keys.put(keyId, new Key(keyId, text(k, "unitId"), unit, key,
                        Sha256.hex(Sha256.of(der)), text(k, "createdAt"), text(k, "retiredAt")));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                findings.add(new Finding("Tệp keys.json: khóa " + keyId + " không phải khóa công khai Ed25519 đọc được.",
                        "keys.json: key " + keyId + " is not a readable Ed25519 public key."));
            }
        }
        return findings;
    }

    List<Finding> check(JsonNode checkpointsJson, Chain chain) {
        List<Finding> findings = new ArrayList<>();
        int n = 0;
        for (JsonNode c : checkpointsJson) {
            n++;
            String text = c.path("statement").asText();
            Statement s = parse(text);
            String name = s == null ? "#" + n : s.kind() + " " + s.subject();
            List<Finding> own = new ArrayList<>();
            if (s == null) {
                own.add(new Finding("Điểm kiểm " + name + ": nội dung không đúng định dạng daihoi-checkpoint/1.",
                        "Checkpoint " + name + ": the statement is not in the daihoi-checkpoint/1 format."));
            } else {
                own.addAll(fingerprint(name, text, c.path("fingerprint").asText()));
                own.addAll(signature(name, s, text, c));
                if (!s.kind().equals("periodic")) own.addAll(digest(name, s, chain));
            }
            findings.addAll(own);
            if (s != null && s.kind().equals("round")) {
                if (own.isEmpty()) {
                    rounds.computeIfAbsent(s.subject(), k -> new ArrayList<>()).add(new Signed(s, c.path("fingerprint").asText()));
                } else {
                    failedRounds.put(s.subject(), own.get(0).en());
                }
            }
        }
        return findings;
    }

    /**
     * The short fingerprint printed on the minutes and the recognition dossier (ADR 0018): the first 16 hex digits of
     * the statement's SHA-256, in groups of four. The auditor compares the one on paper with the one printed here.
     */
    static String fingerprintOf(String statement) {
        String h = Sha256.hex(Sha256.of(statement.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        return h.substring(0, 4) + "-" + h.substring(4, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16);
    }

    private static List<Finding> fingerprint(String name, String text, String stated) {
        if (fingerprintOf(text).equals(stated)) return List.of();
        return List.of(new Finding("Điểm kiểm " + name + ": dấu vân tay " + stated + " không phải của nội dung đã ký (" + fingerprintOf(text) + ").",
                "Checkpoint " + name + ": fingerprint " + stated + " is not the signed statement's (" + fingerprintOf(text) + ")."));
    }

    private List<Finding> signature(String name, Statement s, String text, JsonNode c) {
        Key key = keys.get(s.keyId());
        if (key == null || !s.keyId().equals(c.path("keyId").asText())) {
            return List.of(new Finding("Điểm kiểm " + name + ": khóa " + s.keyId() + " không có trong keys.json.",
                    "Checkpoint " + name + ": key " + s.keyId() + " is not in keys.json."));
        }
        try {
            Signature verify = Signature.getInstance("Ed25519");
            verify.initVerify(key.publicKey());
            verify.update(text.getBytes(StandardCharsets.UTF_8));
            if (!verify.verify(Base64.getDecoder().decode(c.path("signature").asText()))) {
                throw new GeneralSecurityException("bad signature");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return List.of(new Finding("Điểm kiểm " + name + ": chữ ký không hợp lệ.", "Checkpoint " + name + ": the signature does not verify."));
        }
        if (key.retiredAt() != null && instant(s.at()) != null && instant(key.retiredAt()) != null
                && instant(s.at()).isAfter(instant(key.retiredAt()))) {
            return List.of(new Finding("Điểm kiểm " + name + ": ký bằng khóa " + s.keyId() + " sau khi khóa đã thôi dùng.",
                    "Checkpoint " + name + ": signed with key " + s.keyId() + " after it was retired."));
        }
        return List.of();
    }

    private static List<Finding> digest(String name, Statement s, Chain chain) {
        List<String> scope = new ArrayList<>(s.scope() == null ? chain.streamIds() : s.scope());
        scope.sort(Checkpoints::utf8Order);
        StringBuilder lines = new StringBuilder();
        for (String id : scope) {
            Chain.Head head = chain.headUpTo(id, s.upTo());
            if (head != null) lines.append(id).append('\t').append(head.sequence()).append('\t').append(head.hash()).append('\n');
        }
        String recomputed = Sha256.hex(Sha256.of(lines.toString().getBytes(StandardCharsets.UTF_8)));
        if (recomputed.equals(s.digest())) return List.of();
        return List.of(new Finding("Điểm kiểm " + name + ": tóm lược không khớp với các sự kiện trong gói (sự kiện bị sửa, xóa hoặc thêm).",
                "Checkpoint " + name + ": its digest does not match the bundle's events (an event was changed, deleted or added)."));
    }

    /** The statement's eight lines in their fixed order, LF-terminated; null when it is not one. */
    static Statement parse(String text) {
        if (!text.endsWith("\n")) return null;
        String[] l = text.substring(0, text.length() - 1).split("\n", -1);
        String[] keys = {"kind", "subject", "upTo", "scope", "digest", "at", "key"};
        if (l.length != 8 || !l[0].equals("daihoi-checkpoint/1")) return null;
        String[] v = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            String prefix = keys[i] + ": ";
            if (!l[i + 1].startsWith(prefix)) return null;
            v[i] = l[i + 1].substring(prefix.length());
        }
        if (!List.of("round", "term", "periodic").contains(v[0])) return null;
        try {
            List<String> scope = v[3].equals("*") ? null : Arrays.asList(v[3].split(",", -1));
            return new Statement(v[0], v[1], Long.parseLong(v[2]), scope, v[4], v[5], v[6]);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Aggregate ids sort by their UTF-8 bytes, unsigned, as the server sorts them. */
    static int utf8Order(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
