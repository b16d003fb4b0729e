package vn.daihoi.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.confidence.ConfidenceResult;
import vn.daihoi.election.PublishedBallot;
import vn.daihoi.election.RoundResult;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Checks the stored record against itself (ADR 0018): every stream's chain recomputed from the stored bytes and
 * compared with {@code event_chain}; every checkpoint's digest recomputed and its signature checked with the
 * published key; the published ballots and results of the read models compared with the events that made them.
 * Findings name what changed and where; none means intact.
 */
@Component
public class RecordVerifier {

    private final JdbcTemplate jdbc;
    private final FederationKeys keys;
    private final ReadModelRecord readModel;
    private final ObjectMapper store = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new ParameterNamesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public RecordVerifier(JdbcTemplate jdbc, FederationKeys keys, ReadModelRecord readModel) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.readModel = readModel;
    }

    public record Finding(String kind, String where, String vi, String en) {}

    public record Report(boolean intact, long eventsChecked, long checkpointsChecked, List<Finding> findings) {}

    /**
     * @param readModelsUpTo the global index the read models are known to have passed; counted rounds stored after it
     *                       are not compared yet (their projection may still be writing them)
     */
    public Report verify(long readModelsUpTo) {
        Findings f = new Findings();
        long events = chains(f);
        long checkpoints = checkpoints(f);
        missingCheckpoints(f);
        readModels(f, readModelsUpTo);
        return new Report(f.list.isEmpty(), events, checkpoints, List.copyOf(f.list.values()));
    }

    private static final class Findings {
        final Map<String, Finding> list = new LinkedHashMap<>();

        void add(String kind, String where, String vi, String en) {
            list.putIfAbsent(kind + " " + where, new Finding(kind, where, vi, en));
        }
    }

    // ---- the chains -------------------------------------------------------------------------------------

    /** One position of a stream: the stored event (may be absent) and its chain row (may be absent). */
    private static final class Entry {
        String aggregate;
        long sequence;
        Long eventIndex;
        Long chainIndex;
        Long chainSequence;
        String eventId, type, timestamp, payloadType, revision;
        byte[] payload, meta, stored, local;
        boolean failed;

        boolean hasEvent() { return eventIndex != null; }

        byte[] hashWith(byte[] previous, long seq, byte[] payloadBytes, byte[] metaBytes) {
            return ChainHash.entryHash(previous, eventId, aggregate, seq, type, timestamp, payloadType, revision, payloadBytes, metaBytes);
        }
    }

    private long chains(Findings f) {
        long[] count = {0};
        List<Entry> stream = new ArrayList<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    select coalesce(e.aggregate_identifier, c.aggregate_identifier) as agg, coalesce(e.sequence_number, c.sequence_number) as seq,
                           e.global_index as e_index, c.global_index as c_index, c.sequence_number as c_seq, c.aggregate_identifier as c_agg,
                           e.event_identifier, e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data, c.entry_hash
                    from domain_event_entry e full join event_chain c on c.global_index = e.global_index
                    order by agg, seq, e_index""");
            ps.setFetchSize(500);
            return ps;
        }, r -> {
            Entry e = new Entry();
            e.aggregate = r.getString("agg");
            e.sequence = r.getLong("seq");
            e.eventIndex = (Long) r.getObject("e_index");
            e.chainIndex = (Long) r.getObject("c_index");
            e.chainSequence = (Long) r.getObject("c_seq");
            e.eventId = r.getString("event_identifier");
            e.type = r.getString("type");
            e.timestamp = r.getString("time_stamp");
            e.payloadType = r.getString("payload_type");
            e.revision = r.getString("payload_revision");
            e.payload = r.getBytes("payload");
            e.meta = r.getBytes("meta_data");
            e.stored = r.getBytes("entry_hash");
            if (e.hasEvent()) count[0]++;
            if (e.hasEvent() && e.chainIndex != null && !e.aggregate.equals(r.getString("c_agg"))) {
                f.add("chain-row-altered", e.aggregate + "#" + e.sequence, "Dòng chuỗi băm của sự kiện này đã bị sửa (sai luồng).",
                        "The chain row of this event was changed (it names another stream).");
                e.chainIndex = null;
                e.stored = null;
            }
            if (!stream.isEmpty() && !stream.get(0).aggregate.equals(e.aggregate)) {
                stream(stream, f);
                stream.clear();
            }
            stream.add(e);
        });
        if (!stream.isEmpty()) stream(stream, f);
        return count[0];
    }

    private void stream(List<Entry> s, Findings f) {
        String agg = s.get(0).aggregate;
        long expected = 0;
        byte[] previousStored = ChainHash.GENESIS;
        byte[] previousComputed = ChainHash.GENESIS;
        for (Entry e : s) {
            for (long missing = expected; missing < e.sequence; missing++) {
                f.add("event-missing", agg + "#" + missing, "Sự kiện số " + missing + " của luồng này đã bị xóa.",
                        "Event " + missing + " of this stream was deleted.");
            }
            expected = e.sequence + 1;
            if (e.hasEvent() && e.chainSequence != null && e.chainSequence != e.sequence) {
                f.add("event-reordered", agg + "#" + e.chainSequence, "Sự kiện số " + e.chainSequence + " đã bị chuyển sang vị trí " + e.sequence + ".",
                        "Event " + e.chainSequence + " was moved to position " + e.sequence + ".");
                previousStored = e.stored;
                continue;
            }
            if (!e.hasEvent()) {
                f.add("event-missing", agg + "#" + e.sequence, "Sự kiện số " + e.sequence + " của luồng này đã bị xóa (dòng chuỗi băm vẫn còn).",
                        "Event " + e.sequence + " of this stream was deleted (its chain row remains).");
                previousStored = e.stored;
                previousComputed = e.stored;
                continue;
            }
            byte[] prev = previousStored != null ? previousStored : previousComputed;
            e.local = e.hashWith(prev, e.sequence, e.payload, e.meta);
            if (e.stored == null) {
                f.add("chain-row-missing", agg + "#" + e.sequence, "Sự kiện này không có dòng trong chuỗi băm: được thêm ngoài ứng dụng hoặc dòng chuỗi đã bị xóa.",
                        "This event has no chain row: added behind the application's back, or its chain row was deleted.");
            } else if (!Arrays.equals(e.local, e.stored)) {
                e.failed = true;
            }
            previousStored = e.stored;
            previousComputed = e.local;
        }
        classify(s, f);
    }

    /** Names each failed position: a payload swapped with another position's, a chain row edited, or the event edited. */
    private void classify(List<Entry> s, Findings f) {
        List<Entry> failed = s.stream().filter(e -> e.failed).toList();
        if (failed.isEmpty()) return;
        Map<Long, Entry> at = new LinkedHashMap<>();
        s.forEach(e -> at.put(e.sequence, e));
        Set<Entry> explained = new HashSet<>();
        String agg = s.get(0).aggregate;
        for (Entry k : failed) {
            if (explained.contains(k)) continue;
            byte[] prev = prevStored(at, k);
            for (Entry j : failed) {
                if (j == k || explained.contains(j)) continue;
                if (Arrays.equals(k.hashWith(prev, k.sequence, j.payload, j.meta), k.stored)) {
                    explained.add(k);
                    explained.add(j);
                    long a = Math.min(k.sequence, j.sequence), b = Math.max(k.sequence, j.sequence);
                    f.add("event-reordered", agg + "#" + a + "," + b, "Nội dung của sự kiện số " + a + " và số " + b + " đã bị đổi chỗ cho nhau.",
                            "The contents of events " + a + " and " + b + " were swapped.");
                    break;
                }
            }
        }
        for (Entry k : failed) {
            if (explained.contains(k)) continue;
            Entry next = at.get(k.sequence + 1);
            if (next != null && next.hasEvent() && next.stored != null && next.failed
                    && Arrays.equals(next.hashWith(k.local, next.sequence, next.payload, next.meta), next.stored)) {
                explained.add(next);
                f.add("chain-row-altered", agg + "#" + k.sequence, "Dòng chuỗi băm của sự kiện số " + k.sequence + " đã bị sửa; sự kiện còn nguyên.",
                        "The chain row of event " + k.sequence + " was changed; the event itself is intact.");
            } else {
                f.add("event-altered", agg + "#" + k.sequence, "Sự kiện số " + k.sequence + " đã bị sửa sau khi lưu (hoặc dòng chuỗi băm của nó).",
                        "Event " + k.sequence + " was changed after it was stored (or its chain row was).");
            }
        }
    }

    private static byte[] prevStored(Map<Long, Entry> at, Entry k) {
        if (k.sequence == 0) return ChainHash.GENESIS;
        Entry p = at.get(k.sequence - 1);
        if (p == null) return ChainHash.GENESIS;
        return p.stored != null ? p.stored : p.local;
    }

    // ---- checkpoints ------------------------------------------------------------------------------------

    private long checkpoints(Findings f) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from checkpoint order by up_to, checkpoint_id");
        if (rows.isEmpty()) return 0;
        Map<String, FederationKeys.PublicKeyRow> published = new LinkedHashMap<>();
        keys.all().forEach(k -> published.put(k.keyId(), k));
        // One pass over the chain in global order, keeping every stream's head, stopping at each checkpoint's upTo.
        SortedMap<String, Statement.Head> heads = new TreeMap<>(ChainHash.UTF8_ORDER);
        int[] next = {0};
        jdbc.query(con -> {
            var ps = con.prepareStatement("select global_index, aggregate_identifier, sequence_number, entry_hash from event_chain order by global_index");
            ps.setFetchSize(1000);
            return ps;
        }, r -> {
            long index = r.getLong(1);
            while (next[0] < rows.size() && ((Number) rows.get(next[0]).get("up_to")).longValue() < index) {
                checkpoint(rows.get(next[0]++), heads, published, f);
            }
            Statement.Head h = heads.get(r.getString(2));
            if (h == null || h.sequence() < r.getLong(3)) heads.put(r.getString(2), new Statement.Head(r.getLong(3), r.getBytes(4)));
        });
        while (next[0] < rows.size()) checkpoint(rows.get(next[0]++), heads, published, f);
        return rows.size();
    }

    private void checkpoint(Map<String, Object> row, SortedMap<String, Statement.Head> all, Map<String, FederationKeys.PublicKeyRow> published,
                            Findings f) {
        String text = (String) row.get("statement");
        Statement s = Statement.parse(text);
        String where = row.get("kind") + ":" + row.get("subject") + "@" + row.get("up_to");
        if (s == null) {
            f.add("checkpoint-statement", where, "Văn bản của điểm kiểm chứng không đúng định dạng.", "The checkpoint's statement is malformed.");
            return;
        }
        FederationKeys.PublicKeyRow key = published.get(s.keyId());
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode((String) row.get("signature"));
        } catch (IllegalArgumentException e) {
            signature = new byte[0];
        }
        if (key == null) {
            f.add("checkpoint-key-unknown", where, "Khóa ký của điểm kiểm chứng không có trong danh sách khóa công bố.",
                    "The checkpoint's signing key is not among the published keys.");
        } else if (!FederationKeys.keyIdOf(key.publicKey()).equals(key.keyId())) {
            f.add("key-altered", key.keyId(), "Khóa công khai không khớp mã khóa của nó.", "The public key does not match its key id.");
        } else if (!FederationKeys.verify(key.publicKey(), text.getBytes(StandardCharsets.UTF_8), signature)) {
            f.add("checkpoint-signature", where, "Chữ ký của điểm kiểm chứng không hợp lệ: văn bản hoặc chữ ký đã bị sửa.",
                    "The checkpoint's signature does not verify: its statement or signature was changed.");
        }
        if (!s.kind().equals(row.get("kind")) || !s.subject().equals(row.get("subject")) || s.upTo() != ((Number) row.get("up_to")).longValue()) {
            f.add("checkpoint-altered", where, "Các cột của điểm kiểm chứng không khớp với văn bản đã ký.",
                    "The checkpoint's columns do not match its signed statement.");
        }
        SortedMap<String, Statement.Head> scoped = new TreeMap<>(ChainHash.UTF8_ORDER);
        if (s.scope() == null) scoped.putAll(all);
        else for (String id : s.scope()) if (all.containsKey(id)) scoped.put(id, all.get(id));
        if (!Statement.digest(scoped).equals(s.digest())) {
            f.add("checkpoint-digest", where, "Các luồng sự kiện mà điểm kiểm chứng bao phủ đã thay đổi sau khi ký.",
                    "The streams this checkpoint covers changed after it was signed.");
            String heads = (String) row.get("heads");
            if (heads != null && ChainHash.sha256Hex(heads.getBytes(StandardCharsets.UTF_8)).equals(s.digest())) {
                for (String[] l : Statement.parseLines(heads)) {
                    Statement.Head now = scoped.get(l[0]);
                    long signed = Long.parseLong(l[1]);
                    if (now == null || now.sequence() < signed) {
                        long from = now == null ? 0 : now.sequence() + 1;
                        f.add("event-missing", l[0] + "#" + from, "Sự kiện số " + from + " trở đi (đến số " + signed + ", đã ký) đã bị xóa.",
                                "Events from " + from + " up to " + signed + " (signed) were deleted.");
                    } else if (now.sequence() == signed && !ChainHash.hex(now.hash()).equals(l[2])) {
                        f.add("chain-row-altered", l[0] + "#" + signed, "Đầu chuỗi băm của luồng khác với đầu chuỗi đã ký.",
                                "The stream's chain head differs from the signed one.");
                    }
                }
            }
        }
    }

    /**
     * A counted round or a recognised term whose checkpoint is neither made nor queued: the queue entry is deleted
     * only in the transaction that stores the checkpoint, so only a deletion explains it.
     */
    private void missingCheckpoints(Findings f) {
        jdbc.query("""
                select e.aggregate_identifier, e.payload_type, e.payload from domain_event_entry e
                where e.payload_type in ('vn.daihoi.election.RoundCounted', 'vn.daihoi.confidence.ConfidenceRoundCounted',
                                         'vn.daihoi.term.LeadershipRecognised')
                  and not exists (select 1 from checkpoint_due d where d.global_index = e.global_index)""", r -> {
            boolean term = r.getString(2).equals(Checkpoints.LEADERSHIP_RECOGNISED);
            String subject = r.getString(1);
            if (!term) {
                try {
                    subject = subject + "#" + store.readTree(r.getBytes(3)).path("round").asInt();
                } catch (Exception unreadable) {
                    return; // an altered event: the chain check names it
                }
            }
            String kind = term ? "term" : "round";
            if (jdbc.queryForList("select 1 from checkpoint where kind = ? and subject = ?", kind, subject).isEmpty()) {
                f.add("checkpoint-missing", kind + ":" + subject, "Điểm kiểm chứng đã ký của " + (term ? "nhiệm kỳ" : "vòng bỏ phiếu") + " này đã bị xóa.",
                        "The signed checkpoint of this " + (term ? "term" : "round") + " was deleted.");
            }
        });
    }

    // ---- read models ------------------------------------------------------------------------------------

    private void readModels(Findings f, long upTo) {
        Set<String> counted = new HashSet<>();
        jdbc.query("""
                select payload_type, payload, global_index from domain_event_entry
                where payload_type in ('vn.daihoi.election.RoundCounted', 'vn.daihoi.confidence.ConfidenceRoundCounted') order by global_index""", r -> {
            JsonNode p;
            try {
                p = store.readTree(r.getBytes(2));
            } catch (Exception unreadable) {
                return; // an altered event: the chain check names it
            }
            String election = p.path("electionId").asText();
            int round = p.path("round").asInt();
            String where = election + "#" + round;
            counted.add(where);
            if (r.getLong(3) > upTo) return;
            List<PublishedBallot> fromEvent = new ArrayList<>();
            try {
                for (JsonNode b : p.path("ballots")) fromEvent.add(store.treeToValue(b, PublishedBallot.class));
            } catch (Exception unreadable) {
                return;
            }
            List<PublishedBallot> served = readModel.ballots(election, round);
            for (int i = 0; i < Math.max(fromEvent.size(), served.size()); i++) {
                String at = where + "#" + (i + 1);
                if (i >= served.size()) {
                    f.add("ballot-missing", at, "Phiếu đã công bố ở vị trí " + (i + 1) + " không còn trong dữ liệu đọc.",
                            "The published ballot at position " + (i + 1) + " is gone from the read model.");
                } else if (i >= fromEvent.size()) {
                    f.add("ballot-added", at, "Dữ liệu đọc có thêm phiếu ở vị trí " + (i + 1) + " mà kết quả kiểm phiếu không có.",
                            "The read model has a ballot at position " + (i + 1) + " that the count did not publish.");
                } else if (!fromEvent.get(i).equals(served.get(i))) {
                    f.add("ballot-altered", at, "Phiếu đã công bố ở vị trí " + (i + 1) + " khác với phiếu trong kết quả kiểm phiếu.",
                            "The published ballot at position " + (i + 1) + " differs from the one the count published.");
                }
            }
            boolean same;
            try {
                if (r.getString(1).equals(Checkpoints.ROUND_COUNTED)) {
                    RoundResult e = store.treeToValue(p.path("result"), RoundResult.class);
                    Optional<RoundResult> m = readModel.electionResult(election, round);
                    same = m.isPresent() && m.get().equals(e);
                } else {
                    ConfidenceResult e = store.treeToValue(p.path("result"), ConfidenceResult.class);
                    Optional<ConfidenceResult> m = readModel.confidenceResult(election, round);
                    same = m.isPresent() && m.get().equals(e);
                }
            } catch (Exception unreadable) {
                return;
            }
            if (!same) {
                f.add("result-altered", where, "Kết quả vòng bỏ phiếu trong dữ liệu đọc khác với kết quả kiểm phiếu đã lưu.",
                        "The round's result in the read model differs from the stored count.");
            }
        });
        for (ReadModelRecord.CountedRound r : readModel.roundsWithBallots()) {
            String where = r.electionId() + "#" + r.round();
            if (!counted.contains(where)) {
                f.add("ballot-added", where, "Dữ liệu đọc có phiếu công bố cho một vòng chưa được kiểm phiếu.",
                        "The read model publishes ballots for a round that was never counted.");
            }
        }
    }
}
