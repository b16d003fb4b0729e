package vn.daihoi.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recount, written from the domain guide's rules, not from the product's code. Its answer has the shape of the
 * product's result ({@code RoundResult}, {@code ConfidenceResult}) so the two can be compared field by field.
 * Shares are exact fractions compared in integers; percentages are of ballots collected, half-up, two decimals.
 */
public final class Recount {
    private Recount() {}

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** A share of the rule profile, numerator over denominator. */
    public record Share(long num, long den) {
        /** part/whole &gt; share */
        boolean exceededBy(long part, long whole) {
            return part * den > whole * num;
        }

        /** part/whole ≥ share */
        boolean reachedBy(long part, long whole) {
            return part * den >= whole * num;
        }

        static Share from(JsonNode profile, String field, Share otherwise) {
            JsonNode f = profile == null ? null : profile.get(field);
            if (f == null || f.isNull()) return otherwise;
            return new Share(f.path("numerator").asLong(), f.path("denominator").asLong());
        }
    }

    /** The recount of one round, and what is wrong with the ballots it was made from. */
    public record Result(ObjectNode result, List<Finding> problems) {}

    /** Recounts a counted round with its election's profile. */
    public static Result of(Elections.Election election, Elections.Round round) {
        JsonNode ballots = round.counted.path("ballots");
        List<Finding> problems = new ArrayList<>();
        if (election.confidence) {
            // R-64 defaults (1/2 review, 2/3 dismissal) apply to profiles stored before these settings existed.
            Share review = Share.from(election.profile, "confidenceReview", new Share(1, 2));
            Share dismissal = Share.from(election.profile, "confidenceDismissal", new Share(2, 3));
            int issued = round.closed == null ? 0 : round.closed.path("accounting").path("issued").asInt();
            return new Result(confidence(round.candidates, issued, ballots, review, dismissal, problems), problems);
        }
        // a round after the first, held among only part of the approved list, is a tie round with its own threshold.
        boolean tieRound = round.number > 1 && round.approvedAtCount != null && !round.candidates.containsAll(round.approvedAtCount);
        Share threshold = tieRound ? Share.from(election.profile, "tieRoundThreshold", new Share(1, 2))
                : Share.from(election.profile, "electionThreshold", new Share(1, 2));
        boolean strikeAllValid = election.profile == null || election.profile.path("strikeAllValid").asBoolean(true);
        return new Result(election(round.candidates, round.seats, ballots, threshold, strikeAllValid, problems), problems);
    }

    /** {@code candidates} in ballot order, which also orders equal counts. */
    public static ObjectNode election(List<String> candidates, int seats, JsonNode ballots, Share threshold,
                                      boolean strikeAllValid, List<Finding> problems) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        candidates.forEach(c -> votes.put(c, 0));
        int collected = 0;
        int invalid = 0;
        for (JsonNode b : ballots) {
            collected++; // every ballot collected counts toward the base, invalid ones included
            if (isSet(b.get("invalid"))) {
                invalid++;
                continue;
            }
            List<String> kept = Elections.strings(b.get("keptCandidateIds"));
            String[] why = validElectionBallot(kept, votes.keySet(), seats, strikeAllValid);
            if (why != null) problems.add(ballotProblem(b, why[0], why[1]));
            for (String c : new HashSet<>(kept)) votes.computeIfPresent(c, (k, v) -> v + 1);
        }
        List<String> ranked = new ArrayList<>(candidates);
        ranked.sort((a, b) -> votes.get(b) - votes.get(a)); // stable: equal counts keep ballot order

        // above the threshold = more than the share of ballots collected.
        final int base = collected;
        List<String> above = ranked.stream().filter(c -> threshold.exceededBy(votes.get(c), base)).toList();
        List<String> elected = new ArrayList<>();
        List<String> tied = new ArrayList<>();
        ArrayNode lines = F.arrayNode();
        for (String c : ranked) {
            String outcome;
            if (!above.contains(c)) {
                outcome = "BELOW_THRESHOLD";
            } else {
                // Seats go from the highest count down: a candidate is elected when he and everyone with as many
                // votes fit in the seats; when his group straddles the last seat, nobody of it is elected.
                long ahead = above.stream().filter(o -> votes.get(o) > votes.get(c)).count();
                long level = above.stream().filter(o -> votes.get(o).equals(votes.get(c))).count();
                if (ahead + level <= seats) outcome = "ELECTED";
                else if (ahead < seats) outcome = "TIED_FOR_LAST_SEAT";
                else outcome = "NO_SEAT_LEFT";
            }
            if (outcome.equals("ELECTED")) elected.add(c);
            if (outcome.equals("TIED_FOR_LAST_SEAT")) tied.add(c);
            lines.addObject().put("candidateId", c).put("votes", votes.get(c))
                    .put("percentOfCollected", percent(votes.get(c), collected)).put("outcome", outcome);
        }
        ObjectNode r = F.objectNode();
        r.put("seats", seats).put("collected", collected).put("valid", collected - invalid).put("invalid", invalid);
        r.set("lines", lines);
        r.set("electedCandidateIds", array(elected));
        r.set("tiedCandidateIds", array(tied));
        r.put("tieSeats", tied.isEmpty() ? 0 : seats - elected.size());
        r.put("vacancies", seats - elected.size());
        return r;
    }

    /** R-25, for a ballot counted as valid; null when it is. */
    private static String[] validElectionBallot(List<String> kept, Set<String> list, int seats, boolean strikeAllValid) {
        if (!list.containsAll(kept)) return new String[]{"giữ tên người ngoài danh sách (R-25)", "keeps a name not on the list (R-25)"};
        if (new HashSet<>(kept).size() != kept.size()) return new String[]{"giữ một tên hai lần", "keeps a name twice"};
        if (kept.size() > seats) {
            return new String[]{"giữ nhiều tên hơn số lượng cần bầu (R-25)", "keeps more names than there are seats (R-25)"};
        }
        if (kept.isEmpty() && !strikeAllValid) {
            return new String[]{"gạch hết tên, điều bộ quy tắc không chấp nhận (R-24)",
                    "strikes every name, which the profile does not accept (R-24)"};
        }
        return null;
    }

    /** per listed person in list order; every share on ballots collected. */
    public static ObjectNode confidence(List<String> listed, int issued, JsonNode ballots, Share review, Share dismissal,
                                        List<Finding> problems) {
        int collected = ballots.size();
        int wholeInvalid = 0;
        Map<String, int[]> levels = new LinkedHashMap<>(); // HIGH, CONFIDENCE, LOW
        listed.forEach(id -> levels.put(id, new int[3]));
        for (JsonNode b : ballots) {
            if (isSet(b.get("invalid"))) {
                wholeInvalid++; // a ballot not issued by the committee counts for nobody
                continue;
            }
            List<JsonNode> lines = new ArrayList<>();
            b.path("ratings").forEach(lines::add);
            List<String> rated = lines.stream().map(l -> l.path("candidateId").asText()).toList();
            if (!rated.equals(listed)) problems.add(ballotProblem(b, "không ghi mức cho mỗi người trong danh sách đúng một lần, theo thứ tự (R-60)",
                    "does not rate each listed person once, in list order (R-60)"));
            for (JsonNode l : lines) {
                boolean hasLevel = isSet(l.get("level"));
                if (hasLevel == isSet(l.get("invalid"))) {
                    problems.add(ballotProblem(b, "có dòng vừa có mức vừa có lý do không hợp lệ, hoặc không có cả hai (R-62)",
                            "has a line with both or neither of a level and a reason (R-62)"));
                }
                int[] counts = levels.get(l.path("candidateId").asText());
                if (!hasLevel || isSet(l.get("invalid")) || counts == null) continue;
                switch (l.get("level").asText()) {
                    case "HIGH" -> counts[0]++;
                    case "CONFIDENCE" -> counts[1]++;
                    case "LOW" -> counts[2]++;
                    default -> problems.add(ballotProblem(b, "có mức không xác định " + l.get("level").asText(),
                            "has an unknown level " + l.get("level").asText()));
                }
            }
        }
        ArrayNode out = F.arrayNode();
        for (Map.Entry<String, int[]> e : levels.entrySet()) {
            int[] c = e.getValue();
            int valid = c[0] + c[1] + c[2];
            boolean dismiss = collected > 0 && dismissal.reachedBy(c[2], collected); // 2/3 or more
            boolean flagReview = dismiss || review.exceededBy(c[2], collected);      // more than 1/2
            out.addObject().put("candidateId", e.getKey()).put("valid", valid).put("invalid", collected - valid)
                    .put("high", c[0]).put("confidence", c[1]).put("low", c[2])
                    .put("percentHigh", percent(c[0], collected)).put("percentConfidence", percent(c[1], collected))
                    .put("percentLow", percent(c[2], collected)).put("review", flagReview).put("dismissal", dismiss);
        }
        ObjectNode r = F.objectNode();
        r.put("issued", issued).put("collected", collected).put("wholeInvalid", wholeInvalid);
        r.set("lines", out);
        return r;
    }

    /** part × 100 / whole, rounded half-up to two decimals, as text; "0.00" of nothing. */
    static String percent(long part, long whole) {
        if (whole == 0) return "0.00";
        long hundredths = (part * 10000 * 2 + whole) / (2 * whole); // half-up in integers
        return hundredths / 100 + "." + String.format("%02d", hundredths % 100);
    }

    private static boolean isSet(JsonNode n) {
        return n != null && !n.isNull();
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static Finding ballotProblem(JsonNode ballot, String vietnamese, String english) {
        return new Finding("Phiếu " + ballot.path("trackingCode").asText() + " được tính là hợp lệ nhưng " + vietnamese + ".",
                "Ballot " + ballot.path("trackingCode").asText() + " is counted as valid but " + english + ".");
    }
}
