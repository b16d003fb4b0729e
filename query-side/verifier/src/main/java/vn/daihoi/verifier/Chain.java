package vn.daihoi.verifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event chain (docs/bundle.md): per aggregate stream, sequences 0, 1, 2 … without a gap, global indexes
 * increasing through the file, and every hash recomputed as
 * {@code SHA-256(previous ‖ SHA-256(header) ‖ SHA-256(payload) ‖ SHA-256(meta))}, previous being 32 zero bytes at
 * sequence 0. Each event is checked against the hash its predecessor states, so one changed event is named once
 * instead of breaking every later line.
 */
final class Chain {

    /** The last event of a stream, for checkpoints: its sequence and stated hash. */
    record Head(long sequence, String hash) {}

    private final Map<String, List<Event>> streams = new LinkedHashMap<>();
    /** Streams whose chain is broken, with the first sequence at fault. */
    private final Map<String, Long> broken = new HashMap<>();

    List<Finding> check(List<Event> events) {
        List<Finding> findings = new ArrayList<>();
        long lastIndex = Long.MIN_VALUE;
        for (int line = 0; line < events.size(); line++) {
            Event e = events.get(line);
            if (e.globalIndex() <= lastIndex) {
                findings.add(new Finding(
                        "Tệp events.jsonl dòng " + (line + 1) + ": chỉ số toàn cục " + e.globalIndex() + " không lớn hơn " + lastIndex
                                + " (sự kiện bị đảo thứ tự).",
                        "events.jsonl line " + (line + 1) + ": global index " + e.globalIndex() + " is not after " + lastIndex
                                + " (events reordered)."));
                markBroken(e.aggregateId(), e.sequence());
            }
            lastIndex = Math.max(lastIndex, e.globalIndex());
            List<Event> stream = streams.computeIfAbsent(e.aggregateId(), k -> new ArrayList<>());
            long expected = stream.size();
            if (e.sequence() != expected) {
                findings.add(new Finding(
                        "Chuỗi " + e.aggregateId() + ": số thứ tự " + e.sequence() + " ở vị trí của số " + expected
                                + " (thiếu sự kiện hoặc bị đảo thứ tự).",
                        "Stream " + e.aggregateId() + ": sequence " + e.sequence() + " where " + expected
                                + " was expected (an event is missing or reordered)."));
                markBroken(e.aggregateId(), expected);
            }
            byte[] previous = stream.isEmpty() ? new byte[32] : hexOrZero(stream.get(stream.size() - 1).hash());
            byte[] meta = e.metaData() == null ? new byte[0] : e.metaData();
            byte[] payloadDigest = e.withheld() ? hexOrZero(e.payloadSha256())
                    : Sha256.of(e.payload() == null ? new byte[0] : e.payload());
            String recomputed = Sha256.hex(Sha256.of(previous, Sha256.of(e.header()), payloadDigest, Sha256.of(meta)));
            if (e.hash() == null || !recomputed.equalsIgnoreCase(e.hash())) {
                findings.add(new Finding(
                        "Chuỗi " + e.aggregateId() + ", số thứ tự " + e.sequence()
                                + ": mã băm không khớp (sự kiện này hoặc sự kiện trước nó đã bị sửa).",
                        "Stream " + e.aggregateId() + ", sequence " + e.sequence()
                                + ": the hash does not recompute (this event or the one before it was changed)."));
                markBroken(e.aggregateId(), e.sequence());
            }
            stream.add(e);
        }
        return findings;
    }

    private void markBroken(String aggregateId, long sequence) {
        broken.merge(aggregateId, sequence, Math::min);
    }

    private static byte[] hexOrZero(String hex) {
        try {
            return java.util.HexFormat.of().parseHex(hex);
        } catch (RuntimeException e) {
            return new byte[32];
        }
    }

    /** The first sequence at fault in a stream, or null when its chain holds. */
    Long brokenAt(String aggregateId) {
        return broken.get(aggregateId);
    }

    List<String> streamIds() {
        return List.copyOf(streams.keySet());
    }

    /** The stream's last event with a global index at or before {@code upTo}, or null. */
    Head headUpTo(String aggregateId, long upTo) {
        Head head = null;
        for (Event e : streams.getOrDefault(aggregateId, List.of())) {
            if (e.globalIndex() <= upTo) head = new Head(e.sequence(), e.hash() == null ? "" : e.hash().toLowerCase());
        }
        return head;
    }
}
