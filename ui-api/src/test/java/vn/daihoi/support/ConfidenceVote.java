package vn.daihoi.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A confidence vote at a congress in session: organised with its officials and their offices, the list
 * approved by show of hands, ready for round 1. Ratings are written as "HIGH", "CONFIDENCE", "LOW", or null for a
 * person left unrated.
 */
public final class ConfidenceVote {

    public final CongressInSession congress;
    public final String electionId;
    /** The officials' candidate ids, in list order. */
    public final List<String> officials = new ArrayList<>();

    public ConfidenceVote(CongressInSession congress, List<String> personIds, List<String> offices) {
        this.congress = congress;
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < personIds.size(); i++) {
            list.append(i == 0 ? "" : ",").append("{\"personId\":\"%s\",\"office\":\"%s\"}".formatted(personIds.get(i), offices.get(i)));
        }
        Http.Answer organised = congress.organiser.post(congress.path("/confidence-votes"),
                "{\"title\":\"Lấy phiếu tín nhiệm giữa nhiệm kỳ\",\"officials\":[" + list + "]}");
        assertThat(organised.status()).as(organised.raw()).isEqualTo(201);
        electionId = organised.body().path("electionId").asText();
        String decision = congress.decide("CANDIDATE_LIST", "Danh sách lấy phiếu tín nhiệm", personIds, null);
        Http.Answer approved = congress.organiser.post("/api/elections/" + electionId + "/approve-list", "{\"listDecisionId\":\"" + decision + "\"}");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        approved.body().path("ballotOrder").forEach(c -> officials.add(c.asText()));
    }

    public String round(int round) {
        return "/api/elections/" + electionId + "/rounds/" + round;
    }

    public String confidence(String tail) {
        return "/api/confidence-votes/" + electionId + tail;
    }

    public Http.Answer openRound(int round) {
        return congress.openRound(electionId, round, null);
    }

    /** The JSON of rating lines giving each official, in list order, the level at the same position. */
    public String ratings(String... levels) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < levels.length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"candidateId\":\"").append(officials.get(i)).append("\",\"level\":")
                    .append(levels[i] == null ? "null" : "\"" + levels[i] + "\"").append('}');
        }
        return b.append(']').toString();
    }

    public Http.Answer rate(Http voter, int round, String key, String... levels) {
        return voter.postWithHeader(confidence("/rounds/" + round + "/ballots"), "{\"ratings\":" + ratings(levels) + "}", "Idempotency-Key", key);
    }

    public Http.Answer close(int round) {
        return congress.close(electionId, round);
    }

    public JsonNode results(Http reader, int round) {
        Http.Answer a = reader.get(confidence("/rounds/" + round + "/results"));
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        return a.body();
    }
}
