package vn.daihoi.verifier;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of one round and its verdict: the recount against the event and results.json, the ballots of
 * ballots.json against the event's, the accounting of R-29, and a signed checkpoint covering the count.
 */
final class RoundCheck {
    private RoundCheck() {}

    /** Every check of one round, then its verdict: ĐÚNG/VALID, SAI/INVALID with reasons, HỦY/VOID, or not counted yet. */
    static void run(Elections.Election e, Elections.Round r, Chain chain, Checkpoints checkpoints,
                    JsonNode ballots, JsonNode results, Report report) {
        String title = e.title == null ? "" : "«" + e.title + "» ";
        String vi = (e.confidence ? "Lấy phiếu tín nhiệm " : "Bầu cử ") + title + e.id + ", vòng " + r.number;
        String en = (e.confidence ? "Confidence vote " : "Election ") + title + e.id + ", round " + r.number;
        List<Finding> problems = new ArrayList<>(chainOf(e, chain));
        String verdictVi;
        String verdictEn;
        if (r.voided != null) {
            if (r.counted != null) problems.add(new Finding("vòng bị hủy nhưng vẫn được kiểm phiếu", "the round is void yet counted"));
            String reason = r.voided.path("reason").asText();
            String decision = r.voided.path("decisionReference").asText();
            verdictVi = "HỦY — " + reason + " (quyết định " + decision + ")";
            verdictEn = "VOID — " + reason + " (decision " + decision + ")";
        } else if (r.counted == null) {
            if (r.closed != null) problems.add(new Finding("vòng đã đóng nhưng không có sự kiện kiểm phiếu", "the round was closed but never counted"));
            if (ballots != null || results != null) {
                problems.add(new Finding("gói có phiếu hoặc kết quả của vòng chưa kiểm", "the bundle holds ballots or a result of a round not counted"));
            }
            verdictVi = "CHƯA KIỂM PHIẾU (vòng còn mở)";
            verdictEn = "NOT COUNTED (the round is open)";
        } else {
            Recount.Result recount = Recount.of(e, r);
            problems.addAll(counted(e, r, recount, ballots, results));
            problems.addAll(signature(Verifier.key(e.id, r.number), r, checkpoints));
            String fingerprint = checkpoints.rounds.getOrDefault(Verifier.key(e.id, r.number), List.of()).stream()
                    .filter(c -> c.statement().upTo() >= r.countedAt).map(Checkpoints.Signed::fingerprint).findFirst().orElse("");
            JsonNode res = recount.result();
            String elected = e.confidence ? "" : names(res.path("electedCandidateIds"));
            String tied = e.confidence || res.path("tiedCandidateIds").isEmpty() ? "" : names(res.path("tiedCandidateIds"));
            verdictVi = "ĐÚNG — phiếu thu về " + res.path("collected").asInt() + (e.confidence ? "" : ", trúng cử: " + elected)
                    + (tied.isEmpty() ? "" : ", bằng phiếu: " + tied) + "; điểm kiểm " + fingerprint + ".";
            verdictEn = "VALID — " + res.path("collected").asInt() + " ballots collected" + (e.confidence ? "" : ", elected: " + elected)
                    + (tied.isEmpty() ? "" : ", tied: " + tied) + "; checkpoint " + fingerprint + ".";
        }
        if (problems.isEmpty()) {
            report.info(vi + ": " + verdictVi, en + ": " + verdictEn);
        } else {
            report.info(vi + ": SAI", en + ": INVALID");
            for (Finding p : problems) report.fail(new Finding(vi + ": " + p.vi() + ".", en + ": " + p.en() + "."));
        }
    }

    /** A round is no better than the chain of the streams its events are in. */
    private static List<Finding> chainOf(Elections.Election e, Chain chain) {
        List<Finding> out = new ArrayList<>();
        for (String stream : e.streams) {
            Long broken = chain.brokenAt(stream);
            if (broken != null) {
                out.add(new Finding("chuỗi sự kiện " + stream + " của cuộc bầu bị phá từ số thứ tự " + broken,
                        "the election's event stream " + stream + " is broken from sequence " + broken));
            }
        }
        return out;
    }

    /** A counted round: its recount against the event and results.json, its published ballots, its accounting. */
    private static List<Finding> counted(Elections.Election e, Elections.Round r, Recount.Result recount, JsonNode ballots, JsonNode results) {
        List<Finding> problems = new ArrayList<>();
        if (r.countedAsConfidence != e.confidence) {
            problems.add(new Finding("loại sự kiện kiểm phiếu không hợp với loại cuộc bầu", "the counting event's kind does not match the election's kind"));
        }
        problems.addAll(recount.problems());
        Json.Difference d = Json.first(recount.result(), r.counted.get("result"), "result");
        if (d != null) {
            problems.add(new Finding("kết quả trong sự kiện khác kết quả kiểm lại ở " + d.path() + ": sự kiện ghi " + d.stated()
                    + ", kiểm lại được " + d.recount(),
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
        return problems;
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

    /** A ballot as one comparable line: tracking code, kept names (a set), invalid reason, paper, rating lines (in list order). */
    private static List<String> canonical(JsonNode ballots) {
        List<String> out = new ArrayList<>();
        for (JsonNode b : ballots) {
            StringBuilder s = new StringBuilder(b.path("trackingCode").asText()).append('|')
                    .append(Elections.strings(b.get("keptCandidateIds")).stream().sorted().toList()).append('|')
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

    /** ballots counted equal the voters who took part — electronic participants plus paper ballots collected. */
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
