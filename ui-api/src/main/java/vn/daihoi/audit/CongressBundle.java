package vn.daihoi.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.confidence.ConfidenceMinutes;
import vn.daihoi.election.CountingMinutes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The congress bundle (docs/bundle.md, ADR 0018): the congress's stream and its elections' streams as stored,
 * with their chain hashes, the checkpoints over them, the public keys, the published ballots and results as the
 * read models serve them, the counting minutes, and a manifest of SHA-256 sums.
 */
@Component
public class CongressBundle {

    public static final String FORMAT = "daihoi-bundle/1";

    private final JdbcTemplate jdbc;
    private final FederationKeys keys;
    private final Checkpoints checkpoints;
    private final ReadModelRecord readModel;
    private final CountingMinutes countingMinutes;
    private final ConfidenceMinutes confidenceMinutes;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new ParameterNamesModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public CongressBundle(JdbcTemplate jdbc, FederationKeys keys, Checkpoints checkpoints, ReadModelRecord readModel,
                          CountingMinutes countingMinutes, ConfidenceMinutes confidenceMinutes, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.readModel = readModel;
        this.countingMinutes = countingMinutes;
        this.confidenceMinutes = confidenceMinutes;
        this.clock = clock;
    }

    public byte[] build(String congressId, String unitId, String unitName) {
        List<String> elections = jdbc.queryForList("select election_id from cmd_election where congress_id = ? order by seq", String.class, congressId);
        List<String> streams = new ArrayList<>();
        streams.add(congressId);
        streams.addAll(elections);
        Map<String, byte[]> files = new LinkedHashMap<>();
        JsonNode[] profile = {json.nullNode()};

        // R-70, ADR 0005: an event naming an erased person travels without its payload, only the payload's SHA-256,
        // which is all the chain hash needs; ids alone are not personal data, but a payload may carry a position.
        Set<String> erased = new HashSet<>(jdbc.queryForList("select person_id from person_view where erased", String.class));
        StringBuilder events = new StringBuilder();
        jdbc.query("""
                select e.*, c.entry_hash from domain_event_entry e left join event_chain c on c.global_index = e.global_index
                where e.aggregate_identifier = any (?) order by e.global_index""", r -> {
            ObjectNode o = json.createObjectNode();
            o.put("globalIndex", r.getLong("global_index"));
            o.put("eventId", r.getString("event_identifier"));
            o.put("aggregateId", r.getString("aggregate_identifier"));
            o.put("sequence", r.getLong("sequence_number"));
            o.put("aggregateType", r.getString("type"));
            o.put("timestamp", r.getString("time_stamp"));
            o.put("payloadType", r.getString("payload_type"));
            o.put("payloadRevision", r.getString("payload_revision"));
            byte[] payload = r.getBytes("payload");
            if (namesAnyOf(payload, erased)) {
                o.putNull("payload");
                o.put("payloadSha256", ChainHash.sha256Hex(payload));
            } else {
                o.put("payload", Base64.getEncoder().encodeToString(payload));
            }
            byte[] meta = r.getBytes("meta_data");
            if (meta == null) o.putNull("metaData");
            else o.put("metaData", Base64.getEncoder().encodeToString(meta));
            byte[] hash = r.getBytes("entry_hash");
            if (hash == null) o.putNull("hash");
            else o.put("hash", ChainHash.hex(hash));
            events.append(write(o)).append('\n');
            if (r.getString("aggregate_identifier").equals(congressId) && r.getLong("sequence_number") == 0) {
                try {
                    profile[0] = json.readTree(payload).path("profile");
                } catch (IOException unreadable) {
                    profile[0] = json.nullNode();
                }
            }
        }, (Object) streams.toArray(String[]::new));
        files.put("events.jsonl", events.toString().getBytes(StandardCharsets.UTF_8));

        Set<String> inBundle = new HashSet<>(streams);
        ArrayNode cps = json.createArrayNode();
        Checkpoints.Checkpoint latestPeriodic = null;
        for (Checkpoints.Checkpoint c : checkpoints.all()) {
            if (c.kind().equals("periodic")) {
                latestPeriodic = c;
                continue;
            }
            Statement s = Statement.parse(c.statement());
            if (s == null || s.scope() == null || !inBundle.containsAll(s.scope())) continue;
            cps.add(checkpoint(c));
        }
        if (latestPeriodic != null) {
            cps.add(checkpoint(latestPeriodic));
        }
        files.put("checkpoints.json", bytes(cps));

        // Every published key, retired ones included: an older checkpoint may name one, and they are public.
        ArrayNode keyList = json.createArrayNode();
        for (FederationKeys.PublicKeyRow k : keys.all()) {
            ObjectNode o = keyList.addObject();
            o.put("keyId", k.keyId());
            o.put("unitId", k.unitId());
            o.put("unitName", k.unitId() == null ? null : readModel.unitName(k.unitId()));
            o.put("algorithm", k.algorithm());
            o.put("publicKey", Base64.getEncoder().encodeToString(k.publicKey()));
            o.put("createdAt", k.createdAt().toString());
            o.put("retiredAt", k.retiredAt() == null ? null : k.retiredAt().toString());
        }
        files.put("keys.json", bytes(keyList));

        ArrayNode ballots = json.createArrayNode();
        ArrayNode results = json.createArrayNode();
        Map<String, byte[]> minutes = new LinkedHashMap<>();
        for (ReadModelRecord.CountedRound r : readModel.countedRounds(elections)) {
            ObjectNode b = ballots.addObject();
            b.put("electionId", r.electionId());
            b.put("round", r.round());
            b.set("ballots", json.valueToTree(readModel.ballots(r.electionId(), r.round())));
            ObjectNode res = results.addObject();
            res.put("electionId", r.electionId());
            res.put("round", r.round());
            res.put("kind", r.confidence() ? "CONFIDENCE" : "ELECTION");
            res.set("result", r.confidence() ? json.valueToTree(readModel.confidenceResult(r.electionId(), r.round()).orElse(null))
                    : json.valueToTree(readModel.electionResult(r.electionId(), r.round()).orElse(null)));
            minutes.put("minutes/" + r.electionId() + "-" + r.round() + ".pdf", r.confidence()
                    ? confidenceMinutes.pdf(confidenceMinutes.of(r.electionId(), r.round()))
                    : countingMinutes.pdf(countingMinutes.of(r.electionId(), r.round())));
        }
        files.put("ballots.json", bytes(ballots));
        files.put("results.json", bytes(results));
        files.putAll(minutes);
        files.put("README.txt", readme(congressId).getBytes(StandardCharsets.UTF_8));

        ObjectNode manifest = json.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("congressId", congressId);
        manifest.put("unitId", unitId);
        manifest.put("unitName", unitName);
        manifest.put("exportedAt", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        manifest.set("profile", profile[0]);
        ObjectNode sums = manifest.putObject("files");
        files.forEach((name, content) -> sums.put(name, ChainHash.sha256Hex(content)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            put(zip, "manifest.json", bytes(manifest));
            for (Map.Entry<String, byte[]> f : files.entrySet()) put(zip, f.getKey(), f.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static boolean namesAnyOf(byte[] payload, Set<String> people) {
        if (people.isEmpty()) return false;
        var m = ID.matcher(new String(payload, StandardCharsets.UTF_8));
        while (m.find()) if (people.contains(m.group())) return true;
        return false;
    }

    private ObjectNode checkpoint(Checkpoints.Checkpoint c) {
        ObjectNode o = json.createObjectNode();
        o.put("statement", c.statement());
        o.put("signature", c.signature());
        o.put("keyId", c.keyId());
        o.put("fingerprint", c.fingerprint());
        return o;
    }

    private static String readme(String congressId) {
        return """
                GÓI HỒ SƠ ĐẠI HỘI (daihoi-bundle/1)
                Đại hội: %s

                Gói này chứa toàn bộ sự kiện đã lưu của đại hội và của các cuộc bầu cử, lấy phiếu tín nhiệm của đại hội
                (events.jsonl, mỗi sự kiện kèm mã băm chuỗi), các điểm kiểm chứng đã ký (checkpoints.json), khóa công khai
                của liên đoàn (keys.json), các phiếu đã công bố (ballots.json), kết quả từng vòng (results.json) và biên bản
                kiểm phiếu (minutes/). manifest.json ghi mã SHA-256 của từng tệp.

                Cách kiểm tra, không cần tin máy chủ đã xuất gói này:
                    java -jar verifier.jar bundle.zip
                Chương trình kiểm tra chuỗi băm, chữ ký, kiểm lại từng vòng từ các phiếu đã công bố theo bộ quy tắc của đại hội
                (manifest.json, "profile") và in kết luận cho từng vòng. So khóa công khai trong keys.json với khóa do liên đoàn
                công bố (GET /api/federation-keys, hoặc văn bản của liên đoàn). Định dạng: docs/bundle.md.

                Dữ liệu cá nhân: các sự kiện chỉ ghi mã định danh của người; họ tên chỉ có trong biên bản. Khóa niêm phong
                dữ liệu cá nhân không bao giờ có trong gói.

                ---

                CONGRESS BUNDLE (daihoi-bundle/1)
                Congress: %s

                This bundle holds every stored event of the congress and of its elections and confidence votes
                (events.jsonl, each with its chain hash), the signed checkpoints (checkpoints.json), the federations'
                public keys (keys.json), the published ballots (ballots.json), each round's result (results.json) and the
                counting minutes (minutes/). manifest.json lists the SHA-256 of every file.

                To check it without trusting the server that exported it:
                    java -jar verifier.jar bundle.zip
                The verifier checks the hash chains and the signatures, recounts every round from the published ballots
                under the congress's rule profile (manifest.json, "profile") and prints a verdict per round. Compare the
                public keys in keys.json with the ones the federation publishes (GET /api/federation-keys, or its own
                letter). Format: docs/bundle.md.

                Personal data: events carry people's ids only; names appear only in the minutes. The keys that seal
                personal data are never in the bundle.
                """.formatted(congressId, congressId);
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
