package vn.daihoi.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a bundle, in the order an auditor would: the manifest's hashes, the event chain, the signed checkpoints,
 * then every round — recount, accounting, the published ballots and results against the events, and a signature.
 */
public final class Verifier {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> trustedKeys;

    /** @param trustedKeys public keys (base64 X.509) the auditor obtained himself; empty to accept the bundle's keys.json */
    public Verifier(Set<String> trustedKeys) {
        this.trustedKeys = trustedKeys;
    }

    public Report verify(byte[] zip) throws Unusable {
        Bundle bundle = new Bundle(zip);
        Report report = new Report();
        JsonNode m = bundle.manifest;
        report.info("Đại hội " + m.path("congressId").asText() + " — " + m.path("unitName").asText() + " (" + m.path("unitId").asText()
                        + "), gói xuất lúc " + m.path("exportedAt").asText(),
                "Congress " + m.path("congressId").asText() + " — " + m.path("unitName").asText() + " (" + m.path("unitId").asText()
                        + "), bundle exported at " + m.path("exportedAt").asText());

        report.heading("Tệp và mã SHA-256", "Files and SHA-256");
        report.failAll(manifest(bundle));
        report.info(bundle.manifest.path("files").size() + " tệp được liệt kê trong manifest.json.",
                bundle.manifest.path("files").size() + " files listed in manifest.json.");

        report.heading("Chuỗi sự kiện", "Event chain");
        List<Finding> parsing = new ArrayList<>();
        List<Event> events = events(bundle.files.get("events.jsonl"), parsing);
        report.failAll(parsing);
        Chain chain = new Chain();
        report.failAll(chain.check(events));
        report.info(events.size() + " sự kiện trong " + chain.streamIds().size() + " chuỗi.",
                events.size() + " events in " + chain.streamIds().size() + " streams.");

        report.heading("Khóa và điểm kiểm có chữ ký", "Keys and signed checkpoints");
        Checkpoints checkpoints = new Checkpoints();
        report.failAll(checkpoints.readKeys(array(bundle, "keys.json", report)));
        for (Checkpoints.Key k : checkpoints.keys.values()) {
            report.info("Khóa " + k.keyId() + " của " + k.unitName() + ": dấu vân tay SHA-256 " + k.fingerprint()
                            + (trustedKeys.isEmpty() ? " — hãy so với khóa công khai đã công bố." : ""),
                    "Key " + k.keyId() + " of " + k.unitName() + ": SHA-256 fingerprint " + k.fingerprint()
                            + (trustedKeys.isEmpty() ? " — compare it with the published public key." : ""));
            String encoded = java.util.Base64.getEncoder().encodeToString(k.publicKey().getEncoded());
            if (!trustedKeys.isEmpty() && !trustedKeys.contains(encoded)) {
                report.fail(new Finding("Khóa " + k.keyId() + " không nằm trong các khóa tin cậy đã cho.",
                        "Key " + k.keyId() + " is not among the trusted keys given."));
            }
        }
        JsonNode checkpointList = array(bundle, "checkpoints.json", report);
        report.failAll(checkpoints.check(checkpointList, chain));
        report.info(checkpointList.size() + " điểm kiểm.", checkpointList.size() + " checkpoints.");

        report.heading("Các vòng bỏ phiếu", "Ballot rounds");
        List<Finding> reading = new ArrayList<>();
        Map<String, Elections.Election> elections = Elections.read(events, reading);
        report.failAll(reading);
        Map<String, JsonNode> ballots = byRound(array(bundle, "ballots.json", report));
        Map<String, JsonNode> results = byRound(array(bundle, "results.json", report));
        for (Elections.Election e : elections.values()) {
            for (Elections.Round r : e.rounds.values()) {
                RoundCheck.run(e, r, chain, checkpoints, ballots.remove(key(e.id, r.number)), results.remove(key(e.id, r.number)), report);
            }
        }
        for (String k : ballots.keySet()) {
            report.fail(new Finding("Tệp ballots.json có phiếu của " + k + ", vòng không được kiểm trong các sự kiện.",
                    "ballots.json holds ballots of " + k + ", a round the events do not count."));
        }
        for (String k : results.keySet()) {
            report.fail(new Finding("Tệp results.json có kết quả của " + k + ", vòng không được kiểm trong các sự kiện.",
                    "results.json holds a result of " + k + ", a round the events do not count."));
        }

        report.heading("Kết luận", "Verdict");
        if (report.passed()) {
            report.info("ĐÚNG: mọi kiểm tra đều đạt.", "VALID: every check passed.");
        } else {
            report.info("SAI: " + report.failures().size() + " lỗi (xem các dòng [SAI] ở trên).",
                    "INVALID: " + report.failures().size() + " failures (see the [INVALID] lines above).");
        }
        return report;
    }

    private static List<Finding> manifest(Bundle bundle) {
        List<Finding> findings = new ArrayList<>();
        JsonNode listed = bundle.manifest.path("files");
        Set<String> seen = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = listed.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            seen.add(f.getKey());
            byte[] bytes = bundle.files.get(f.getKey());
            if (bytes == null) {
                findings.add(new Finding("Tệp " + f.getKey() + " có trong manifest.json nhưng không có trong gói.",
                        "File " + f.getKey() + " is listed in manifest.json but missing from the bundle."));
            } else if (!Sha256.hex(Sha256.of(bytes)).equalsIgnoreCase(f.getValue().asText())) {
                findings.add(new Finding("Tệp " + f.getKey() + ": mã SHA-256 không khớp với manifest.json (tệp đã bị sửa).",
                        "File " + f.getKey() + ": its SHA-256 does not match manifest.json (the file was changed)."));
            }
        }
        for (String name : bundle.files.keySet()) {
            if (!name.equals("manifest.json") && !seen.contains(name)) {
                findings.add(new Finding("Tệp " + name + " không có trong manifest.json.", "File " + name + " is not listed in manifest.json."));
            }
        }
        return findings;
    }

    private static List<Event> events(byte[] jsonl, List<Finding> findings) {
        List<Event> events = new ArrayList<>();
        String[] lines = new String(jsonl, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            try {
                events.add(Event.fromLine(JSON.readTree(lines[i])));
            } catch (IOException | RuntimeException e) {
                findings.add(new Finding("Tệp events.jsonl dòng " + (i + 1) + ": không đọc được.", "events.jsonl line " + (i + 1) + ": unreadable."));
            }
        }
        return events;
    }

    private static JsonNode array(Bundle bundle, String name, Report report) {
        try {
            JsonNode n = JSON.readTree(bundle.files.get(name));
            if (n != null && n.isArray()) return n;
        } catch (IOException e) {
            // reported below
        }
        report.fail(new Finding("Tệp " + name + " không phải một mảng JSON.", name + " is not a JSON array."));
        return JsonNodeFactory.instance.arrayNode();
    }

    private static Map<String, JsonNode> byRound(JsonNode entries) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode n : entries) out.put(key(n.path("electionId").asText(), n.path("round").asInt()), n);
        return out;
    }

    static String key(String electionId, int round) {
        return electionId + "#" + round;
    }
}
