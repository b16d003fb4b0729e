package vn.daihoi.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds bundles in memory from the format's text (docs/bundle.md), as a producer would: events chained per stream,
 * round checkpoints signed with a fresh Ed25519 key, manifest hashes. Its parts stay mutable so tests can tamper
 * with them the way an attacker with write access would, then {@link #rechain()} and {@link #files()} as he would.
 */
final class BundleBuilder {
    static final ObjectMapper JSON = new ObjectMapper();

    final List<ObjectNode> events = new ArrayList<>();
    final ArrayNode checkpoints = JSON.createArrayNode();
    final ArrayNode ballots = JSON.createArrayNode();
    final ArrayNode results = JSON.createArrayNode();
    final ArrayNode keys = JSON.createArrayNode();
    private final KeyPair key;
    private long nextIndex = 1;

    BundleBuilder() {
        try {
            key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        keys.addObject().put("keyId", "k-1").put("unitId", "unit-1").put("unitName", "LĐLĐ tỉnh Sóc Trăng").put("algorithm", "Ed25519")
                .put("publicKey", Base64.getEncoder().encodeToString(key.getPublic().getEncoded()))
                .put("createdAt", "2026-01-01T00:00:00Z").putNull("retiredAt");
    }

    /** Appends an event to its stream and chains it. */
    BundleBuilder event(String aggregateId, String payloadType, String payloadJson) {
        long sequence = events.stream().filter(e -> e.path("aggregateId").asText().equals(aggregateId)).count();
        long index = nextIndex;
        nextIndex += 2; // global indexes may have gaps
        ObjectNode e = JSON.createObjectNode();
        e.put("globalIndex", index).put("eventId", "ev-" + index).put("aggregateId", aggregateId).put("sequence", sequence)
                .put("aggregateType", aggregateId.startsWith("e") ? "ElectionAggregate" : null)
                .put("timestamp", "2026-03-0" + (1 + index % 9) + "T08:00:00.000Z").put("payloadType", payloadType)
                .put("payloadRevision", "1")
                .put("payload", Base64.getEncoder().encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)))
                .put("metaData", index % 4 == 1 ? null : Base64.getEncoder().encodeToString("{\"traceId\":\"t\"}".getBytes(StandardCharsets.UTF_8)));
        events.add(e);
        rechain();
        return this;
    }

    /** Recomputes every hash from the events' content, as an attacker who edited them would. */
    BundleBuilder rechain() {
        Map<String, byte[]> previous = new HashMap<>();
        for (ObjectNode e : events) {
            String header = e.path("eventId").asText() + "\n" + e.path("aggregateId").asText() + "\n" + e.path("sequence").asLong() + "\n"
                    + (e.path("aggregateType").isNull() ? "" : e.path("aggregateType").asText()) + "\n" + e.path("timestamp").asText() + "\n"
                    + e.path("payloadType").asText() + "\n" + (e.path("payloadRevision").isNull() ? "" : e.path("payloadRevision").asText());
            byte[] meta = e.path("metaData").isNull() ? new byte[0] : Base64.getDecoder().decode(e.path("metaData").asText());
            byte[] h = sha(previous.getOrDefault(e.path("aggregateId").asText(), new byte[32]), sha(header.getBytes(StandardCharsets.UTF_8)),
                    sha(Base64.getDecoder().decode(e.path("payload").asText())), sha(meta));
            previous.put(e.path("aggregateId").asText(), h);
            e.put("hash", HexFormat.of().formatHex(h));
        }
        return this;
    }

    /** Signs a checkpoint over the events appended so far. */
    BundleBuilder checkpoint(String kind, String subject, List<String> scope) {
        long upTo = events.get(events.size() - 1).path("globalIndex").asLong();
        List<String> sorted = new ArrayList<>(scope);
        sorted.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        StringBuilder lines = new StringBuilder();
        for (String id : sorted) {
            ObjectNode head = null;
            for (ObjectNode e : events) if (e.path("aggregateId").asText().equals(id) && e.path("globalIndex").asLong() <= upTo) head = e;
            if (head != null) lines.append(id).append('\t').append(head.path("sequence").asLong()).append('\t').append(head.path("hash").asText()).append('\n');
        }
        String statement = "daihoi-checkpoint/1\nkind: " + kind + "\nsubject: " + subject + "\nupTo: " + upTo + "\nscope: "
                + String.join(",", sorted) + "\ndigest: " + HexFormat.of().formatHex(sha(lines.toString().getBytes(StandardCharsets.UTF_8)))
                + "\nat: 2026-03-01T09:00:00Z\nkey: k-1\n";
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key.getPrivate());
            s.update(statement.getBytes(StandardCharsets.UTF_8));
            checkpoints.addObject().put("statement", statement).put("signature", Base64.getEncoder().encodeToString(s.sign()))
                    .put("keyId", "k-1").put("fingerprint", fingerprint(statement));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    BundleBuilder published(String electionId, int round, String kind, JsonNode countedPayload) {
        ObjectNode b = ballots.addObject().put("electionId", electionId).put("round", round);
        b.set("ballots", countedPayload.get("ballots").deepCopy());
        ObjectNode r = results.addObject().put("electionId", electionId).put("round", round).put("kind", kind);
        r.set("result", countedPayload.get("result").deepCopy());
        return this;
    }

    /** The bundle's files with a manifest hashing each. */
    Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        StringBuilder jsonl = new StringBuilder();
        for (ObjectNode e : events) jsonl.append(e).append('\n');
        files.put("events.jsonl", jsonl.toString().getBytes(StandardCharsets.UTF_8));
        files.put("checkpoints.json", bytes(checkpoints));
        files.put("keys.json", bytes(keys));
        files.put("ballots.json", bytes(ballots));
        files.put("results.json", bytes(results));
        files.put("minutes/e1-1.pdf", "%PDF-1.7 minutes".getBytes(StandardCharsets.UTF_8));
        files.put("README.txt", "java -jar verifier.jar bundle.zip\n".getBytes(StandardCharsets.UTF_8));
        ObjectNode manifest = JSON.createObjectNode().put("format", "daihoi-bundle/1").put("congressId", "c1").put("unitId", "unit-9")
                .put("unitName", "CĐCS Sở Nội vụ").put("exportedAt", "2026-03-02T10:00:00Z");
        manifest.putObject("profile").put("id", "tld-2020");
        ObjectNode listed = manifest.putObject("files");
        files.forEach((name, content) -> listed.put(name, HexFormat.of().formatHex(sha(content))));
        files.put("manifest.json", bytes(manifest));
        return files;
    }

    /** ADR 0018: the first 16 hex digits of the statement's SHA-256, in groups of four. */
    static String fingerprint(String statement) {
        String h = HexFormat.of().formatHex(sha(statement.getBytes(StandardCharsets.UTF_8)));
        return h.substring(0, 4) + "-" + h.substring(4, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16);
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    byte[] zip() {
        return zip(files());
    }

    static byte[] bytes(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) d.update(p);
            return d.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON of an event's payload, to edit. */
    static ObjectNode payload(ObjectNode event) {
        try {
            return (ObjectNode) JSON.readTree(Base64.getDecoder().decode(event.path("payload").asText()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void setPayload(ObjectNode event, JsonNode payload) {
        event.put("payload", Base64.getEncoder().encodeToString(bytes(payload)));
    }
}
