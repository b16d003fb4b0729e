package vn.daihoi.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One line of {@code events.jsonl}: an event as the server stored it, with the hash the server says it chained.
 * {@code payload} and {@code metaData} are the stored bytes, exactly; {@code metaData} is null when none was stored.
 * An event naming an erased person travels without its payload, with the payload's SHA-256 instead
 * ({@code payloadSha256}, hex), so that the chain still checks and nothing readable about him remains.
 */
public record Event(long globalIndex, String eventId, String aggregateId, long sequence, String aggregateType,
                    String timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData,
                    String hash, String payloadSha256) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Event fromLine(JsonNode n) {
        return new Event(n.path("globalIndex").asLong(-1), text(n, "eventId"), text(n, "aggregateId"),
                n.path("sequence").asLong(-1), text(n, "aggregateType"), text(n, "timestamp"), text(n, "payloadType"),
                text(n, "payloadRevision"), bytes(n, "payload"), bytes(n, "metaData"), text(n, "hash"), text(n, "payloadSha256"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static byte[] bytes(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : Base64.getDecoder().decode(v);
    }

    /** The header the chain hashes (docs/bundle.md): seven fields, one per line, absent ones empty. */
    public byte[] header() {
        String h = eventId + "\n" + aggregateId + "\n" + sequence + "\n" + (aggregateType == null ? "" : aggregateType)
                + "\n" + timestamp + "\n" + payloadType + "\n" + (payloadRevision == null ? "" : payloadRevision);
        return h.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the payload was withheld (an erased person's event). */
    public boolean withheld() {
        return payload == null && payloadSha256 != null;
    }

    /** The payload as JSON, as the server's Jackson wrote it. */
    public JsonNode payloadJson() throws IOException {
        return JSON.readTree(payload);
    }
}
