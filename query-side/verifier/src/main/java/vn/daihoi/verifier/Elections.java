package vn.daihoi.verifier;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the events say about each election and its rounds, read from their JSON (the shapes of the product's
 * messages, learnt by reading them; no class of the product is used). Unknown fields are ignored, so events that
 * gain fields later still read.
 */
public final class Elections {
    private Elections() {}

    static final String PREFIX = "vn.daihoi.election.";
    static final String CONFIDENCE_COUNTED = "vn.daihoi.confidence.ConfidenceRoundCounted";

    /** An election: its rule profile (carried by its opening event), whether it is a confidence vote, and its rounds. */
    public static final class Election {
        public final String id;
        public String title;
        public JsonNode profile;
        public boolean confidence;
        /** The candidate list as last approved. */
        List<String> approved;
        public final Map<Integer, Round> rounds = new TreeMap<>();
        /** The event streams its events came from (the election aggregate's). */
        public final Set<String> streams = new TreeSet<>();

        Election(String id) {
            this.id = id;
        }
    }

    /** A round: its candidates and seats as opened, the close, the count or the voiding. */
    public static final class Round {
        public final int number;
        public List<String> candidates = List.of();
        public int seats;
        public JsonNode closed;
        public JsonNode counted;
        public boolean countedAsConfidence;
        public long countedAt;
        /** The approved list when the round was counted: a later round among part of it is a tie round. */
        public List<String> approvedAtCount;
        public JsonNode voided;

        Round(int number) {
            this.number = number;
        }
    }

    /** Reads every election event of the bundle, in global order. Payloads that do not parse are findings. */
    public static Map<String, Election> read(List<Event> events, List<Finding> findings) {
        Map<String, Election> elections = new LinkedHashMap<>();
        for (Event e : events) {
            String type = e.payloadType() == null ? "" : e.payloadType();
            if (!type.startsWith(PREFIX) && !type.equals(CONFIDENCE_COUNTED)) continue;
            if (e.withheld()) continue; // an erased person's event: chained by its digest, nothing to count in it
            JsonNode p;
            try {
                p = e.payloadJson();
            } catch (IOException | RuntimeException x) {
                findings.add(new Finding("Chuỗi " + e.aggregateId() + ", số thứ tự " + e.sequence() + ": nội dung sự kiện không phải JSON.",
                        "Stream " + e.aggregateId() + ", sequence " + e.sequence() + ": the event's payload is not JSON."));
                continue;
            }
            Election el = elections.computeIfAbsent(p.path("electionId").asText(e.aggregateId()), Election::new);
            el.streams.add(e.aggregateId());
            String name = type.substring(type.lastIndexOf('.') + 1);
            switch (name) {
                case "ElectionOpened" -> {
                    el.title = p.path("title").asText(null);
                    el.profile = p.get("profile");
                    el.confidence = "CONFIDENCE_VOTE".equals(p.path("body").asText());
                }
                case "CandidateListApproved" -> el.approved = strings(p.get("ballotOrder"));
                case "CandidateListApprovalLapsed" -> el.approved = null;
                case "RoundOpened" -> {
                    Round r = round(el, p);
                    r.candidates = strings(p.get("candidateIds"));
                    r.seats = p.path("seats").asInt();
                }
                case "RoundClosed" -> round(el, p).closed = p;
                case "RoundCounted", "ConfidenceRoundCounted" -> {
                    Round r = round(el, p);
                    r.counted = p;
                    r.countedAsConfidence = name.equals("ConfidenceRoundCounted");
                    r.countedAt = e.globalIndex();
                    r.approvedAtCount = el.approved;
                }
                case "RoundVoided" -> round(el, p).voided = p;
                default -> { }
            }
        }
        return elections;
    }

    private static Round round(Election el, JsonNode p) {
        return el.rounds.computeIfAbsent(p.path("round").asInt(), Round::new);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
