package vn.daihoi.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
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
                round(e, r, chain, checkpoints, ballots.remove(key(e.id, r.number)), results.remove(key(e.id, r.number)), report);
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

    private static String key(String electionId, int round) {
        return electionId + "#" + round;
    }

    /** Every check of one round, then its verdict: ĐÚNG/VALID, SAI/INVALID with reasons, HỦY/VOID, or not counted yet. */
    private static void round(Elections.Election e, Elections.Round r, Chain chain, Checkpoints checkpoints,
                              JsonNode ballots, JsonNode results, Report report) {
        String subject = key(e.id, r.number);
        String vi = (e.confidence ? "Lấy phiếu tín nhiệm " : "Bầu cử ") + (e.title == null ? "" : "«" + e.title + "» ") + e.id + ", vòng " + r.number;
        String en = (e.confidence ? "Confidence vote " : "Election ") + (e.title == null ? "" : "«" + e.title + "» ") + e.id + ", round " + r.number;
        List<Finding> problems = new ArrayList<>();
        Long broken = chain.brokenAt(e.id);
        if (broken != null) {
            problems.add(new Finding("chuỗi sự kiện của cuộc bầu bị phá từ số thứ tự " + broken,
                    "the election's event chain is broken from sequence " + broken));
        }
        if (r.voided != null) {
            if (r.counted != null) problems.add(new Finding("vòng bị hủy nhưng vẫn được kiểm phiếu", "the round is void yet counted"));
            if (problems.isEmpty()) {
                report.info(vi + ": HỦY — " + r.voided.path("reason").asText() + " (quyết định " + r.voided.path("decisionReference").asText() + ")",
                        en + ": VOID — " + r.voided.path("reason").asText() + " (decision " + r.voided.path("decisionReference").asText() + ")");
            } else {
                verdictInvalid(vi, en, problems, report);
            }
            return;
        }
        if (r.counted == null) {
            if (r.closed != null) problems.add(new Finding("vòng đã đóng nhưng không có sự kiện kiểm phiếu", "the round was closed but never counted"));
            if (ballots != null || results != null) {
                problems.add(new Finding("gói có phiếu hoặc kết quả của vòng chưa kiểm", "the bundle holds ballots or a result of a round not counted"));
            }
            if (problems.isEmpty()) report.info(vi + ": CHƯA KIỂM PHIẾU (vòng còn mở).", en + ": NOT COUNTED (the round is open).");
            else verdictInvalid(vi, en, problems, report);
            return;
        }
        if (r.countedAsConfidence != e.confidence) {
            problems.add(new Finding("loại sự kiện kiểm phiếu không hợp với loại cuộc bầu", "the counting event's kind does not match the election's kind"));
        }
        Recount.Result recount = Recount.of(e, r);
        problems.addAll(recount.problems());
        Json.Difference d = Json.first(recount.result(), r.counted.get("result"), "result");
        if (d != null) {
            problems.add(new Finding("kết quả trong sự kiện khác kết quả kiểm lại ở " + d.path() + ": sự kiện ghi " + d.stated() + ", kiểm lại được " + d.recount(),
                    "the event's result differs from the recount at " + d.path() + ": the event says " + d.stated() + ", the recount " + d.recount()));
        }
        if (results == null) {
            problems.add(new Finding("results.json không có kết quả của vòng này", "results.json has no result for this round"));
        } else {
            String kind = e.confidence ? "CONFIDENCE" : "ELECTION";
            if (!kind.equals(results.path("kind").asText())) {
                problems.add(new Finding("results.json ghi loại " + results.path("kind").asText() + " thay vì " + kind,
                        "results.json says kind " + results.path("kind").asText() + " instead of " + kind));
            }
            Json.Difference rd = Json.first(recount.result(), results.get("result"), "result");
            if (rd != null) {
                problems.add(new Finding("results.json khác kết quả kiểm lại ở " + rd.path() + ": tệp ghi " + rd.stated() + ", kiểm lại được " + rd.recount(),
                        "results.json differs from the recount at " + rd.path() + ": the file says " + rd.stated() + ", the recount " + rd.recount()));
            }
        }
        problems.addAll(publishedBallots(r.counted.path("ballots"), ballots));
        problems.addAll(accounting(r));
        problems.addAll(signature(subject, r, checkpoints));
        if (!problems.isEmpty()) {
            verdictInvalid(vi, en, problems, report);
            return;
        }
        JsonNode res = recount.result();
        String summary = "phiếu thu về " + res.path("collected").asInt();
        String summaryEn = res.path("collected").asInt() + " ballots collected";
        if (!e.confidence) {
            summary += ", trúng cử: " + names(res.path("electedCandidateIds")) + (res.path("tiedCandidateIds").isEmpty() ? "" : ", bằng phiếu: " + names(res.path("tiedCandidateIds")));
            summaryEn += ", elected: " + names(res.path("electedCandidateIds")) + (res.path("tiedCandidateIds").isEmpty() ? "" : ", tied: " + names(res.path("tiedCandidateIds")));
        }
        String fingerprint = checkpoints.rounds.get(subject).get(0).fingerprint();
        report.info(vi + ": ĐÚNG — " + summary + "; điểm kiểm " + fingerprint + ".", en + ": VALID — " + summaryEn + "; checkpoint " + fingerprint + ".");
    }

    private static void verdictInvalid(String vi, String en, List<Finding> problems, Report report) {
        report.info(vi + ": SAI", en + ": INVALID");
        for (Finding p : problems) report.fail(new Finding(vi + ": " + p.vi() + ".", en + ": " + p.en() + "."));
    }

    private static String names(JsonNode ids) {
        List<String> out = Elections.strings(ids);
        return out.isEmpty() ? "—" : String.join(", ", out);
    }

    /** ballots.json must hold exactly the event's ballots, as multisets; the first differing tracking code is named. */
    private static List<Finding> publishedBallots(JsonNode inEvent, JsonNode entry) {
        if (entry == null) return List.of(new Finding("ballots.json không có phiếu của vòng này", "ballots.json has no ballots for this round"));
        List<String> fromEvent = canonical(inEvent);
        List<String> fromFile = canonical(entry.path("ballots"));
        List<String> onlyEvent = new ArrayList<>(fromEvent);
        fromFile.forEach(onlyEvent::remove);
        List<String> onlyFile = new ArrayList<>(fromFile);
        fromEvent.forEach(onlyFile::remove);
        if (onlyEvent.isEmpty() && onlyFile.isEmpty()) return List.of();
        List<String> differing = new ArrayList<>();
        onlyEvent.forEach(c -> differing.add(c.substring(0, c.indexOf('|'))));
        onlyFile.forEach(c -> differing.add(c.substring(0, c.indexOf('|'))));
        Collections.sort(differing);
        return List.of(new Finding("phiếu công bố trong ballots.json khác phiếu trong sự kiện kiểm phiếu, từ phiếu " + differing.get(0),
                "the published ballots in ballots.json differ from the counting event's, first at ballot " + differing.get(0)));
    }

    /** A ballot as one comparable line: tracking code, kept names, invalid reason, paper, rating lines. */
    private static List<String> canonical(JsonNode ballots) {
        List<String> out = new ArrayList<>();
        for (JsonNode b : ballots) {
            StringBuilder s = new StringBuilder(b.path("trackingCode").asText()).append('|')
                    .append(Elections.strings(b.get("keptCandidateIds"))).append('|')
                    .append(b.path("invalid").isNull() ? "" : b.path("invalid").asText()).append('|')
                    .append(b.path("paper").asBoolean()).append('|');
            for (JsonNode l : b.path("ratings")) {
                s.append(l.path("candidateId").asText()).append(':').append(l.path("level").asText("")).append(':')
                        .append(l.path("invalid").asText("")).append(';');
            }
            out.add(s.toString());
        }
        return out;
    }

    /** R-29: ballots counted equal the voters who took part — electronic participants plus paper ballots collected. */
    private static List<Finding> accounting(Elections.Round r) {
        List<Finding> out = new ArrayList<>();
        if (r.closed == null) return List.of(new Finding("vòng được kiểm mà không có sự kiện đóng vòng", "the round was counted without being closed"));
        JsonNode ballots = r.counted.path("ballots");
        int counted = ballots.size();
        int paper = 0;
        Set<String> codes = new HashSet<>();
        for (JsonNode b : ballots) {
            if (b.path("paper").asBoolean()) paper++;
            if (!codes.add(b.path("trackingCode").asText())) {
                out.add(new Finding("mã phiếu " + b.path("trackingCode").asText() + " xuất hiện hai lần", "tracking code " + b.path("trackingCode").asText() + " appears twice"));
            }
        }
        int participants = r.closed.path("participantDelegateIds").size();
        int electronic = r.closed.path("electronicBallots").asInt();
        int paperCollected = r.closed.path("paperBallots").asInt();
        if (counted != participants + paperCollected || electronic != participants || paper != paperCollected) {
            out.add(new Finding("số phiếu được kiểm (" + counted + ", trong đó " + paper + " phiếu giấy) khác số người đã bỏ phiếu ("
                    + participants + " điện tử + " + paperCollected + " phiếu giấy thu về) (R-29)",
                    "ballots counted (" + counted + ", " + paper + " on paper) differ from the voters who took part ("
                            + participants + " electronic + " + paperCollected + " paper collected) (R-29)"));
        }
        JsonNode a = r.closed.path("accounting");
        if (!a.isMissingNode()) {
            int issued = a.path("issued").asInt(), collected = a.path("collected").asInt();
            int spoiled = a.path("spoiled").asInt(), notReturned = a.path("notReturned").asInt();
            if (collected != counted || issued != collected + spoiled + notReturned) {
                out.add(new Finding("sổ phiếu không cân đối: phát ra " + issued + ", thu về " + collected + ", hỏng " + spoiled
                        + ", không thu về " + notReturned + ", được kiểm " + counted + " (R-29)",
                        "the ballot accounting does not balance: issued " + issued + ", collected " + collected + ", spoiled " + spoiled
                                + ", not returned " + notReturned + ", counted " + counted + " (R-29)"));
            }
        }
        return out;
    }

    /** A counted round needs a round checkpoint, signed and verified, whose upTo is at or after its counting event. */
    private static List<Finding> signature(String subject, Elections.Round r, Checkpoints checkpoints) {
        List<Checkpoints.Signed> signed = checkpoints.rounds.getOrDefault(subject, List.of());
        if (signed.stream().anyMatch(s -> s.statement().upTo() >= r.countedAt)) return List.of();
        if (checkpoints.failedRounds.containsKey(subject)) {
            return List.of(new Finding("điểm kiểm của vòng không hợp lệ", "the round's checkpoint does not verify"));
        }
        return List.of(new Finding("vòng không có điểm kiểm được ký bao gồm sự kiện kiểm phiếu (chưa ký)",
                "no signed checkpoint covers the round's counting event (unsigned)"));
    }
}
