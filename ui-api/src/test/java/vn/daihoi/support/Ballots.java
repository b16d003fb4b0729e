package vn.daihoi.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One election held from start to count over HTTP at a congress or committee meeting in session: opened,
 * nominated, list approved by show of hands (without surplus when asked), one round where every given voter keeps
 * the candidates who are to win, counted.
 */
public final class Ballots {

    private final Http organiser;
    private final String congressPath;
    private final CountingDesk counting;

    public Ballots(Http organiser, String congressId) {
        this.organiser = organiser;
        this.congressPath = "/api/congresses/" + congressId;
        this.counting = CountingDesk.of(organiser, congressId);
    }

    /** The election's id and the person ids it elected. */
    public record Result(String electionId, List<String> electedPersonIds, JsonNode round) {}

    /**
     * Opens an election. R-15: the executive committee is elected for the size the congress approves by show of
     * hands, so for it a committee-size decision of {@code seats} is recorded first (at a congress; a meeting's
     * by-election gives its seats itself).
     */
    public Http.Answer open(String body, Integer seats) {
        if ("EXECUTIVE_COMMITTEE".equals(body) && seats != null
                && !organiser.get(congressPath).body().path("congress").path("kind").asText().endsWith("MEETING")) {
            decideSize(seats);
        }
        return organiser.post(congressPath + "/elections",
                "{\"body\":\"" + body + "\"" + (seats == null ? "" : ",\"seats\":" + seats) + "}");
    }

    public Http.Answer nominate(String electionId, String personId) {
        return organiser.post("/api/elections/" + electionId + "/candidates",
                "{\"personId\":\"" + personId + "\",\"source\":\"OUTGOING_COMMITTEE\"}");
    }

    /** the congress approves the committee's size by show of hands. */
    public String decideSize(int seats) {
        String id = UUID.randomUUID().toString();
        int present = organiser.get(congressPath).body().path("present").asInt();
        Http.Answer d = organiser.post(congressPath + "/decisions", """
                {"decisionId":"%s","subject":"COMMITTEE_SIZE","title":"Số lượng Ban Chấp hành","seats":%d,"votesFor":%d,"votesAgainst":0,"abstentions":0}"""
                .formatted(id, seats, present));
        assertThat(d.status()).as(d.raw()).isEqualTo(200);
        return id;
    }

    public String decide(String subject, String title, Collection<String> people) {
        String id = UUID.randomUUID().toString();
        int present = organiser.get(congressPath).body().path("present").asInt();
        Http.Answer d = organiser.post(congressPath + "/decisions", """
                {"decisionId":"%s","subject":"%s","title":"%s","personIds":%s,"votesFor":%d,"votesAgainst":0,"abstentions":0}"""
                .formatted(id, subject, title, json(people), present));
        assertThat(d.status()).as(d.raw()).isEqualTo(200);
        return id;
    }

    /** Elects {@code winners} among {@code candidates} for {@code seats}; every voter keeps exactly the winners. */
    public Result elect(String body, int seats, List<String> candidates, Collection<String> winners, List<Http> voters) {
        Http.Answer e = open(body, seats);
        assertThat(e.status()).as(e.raw()).isEqualTo(201);
        String electionId = e.body().path("electionId").asText();
        for (String p : candidates) {
            Http.Answer n = nominate(electionId, p);
            assertThat(n.status()).as(n.raw()).isEqualTo(200);
        }
        return approveAndVote(electionId, seats, candidates, winners, voters);
    }

    public Result approveAndVote(String electionId, int seats, List<String> candidates, Collection<String> winners,
                                 List<Http> voters) {
        String list = decide("CANDIDATE_LIST", "Danh sách bầu cử", candidates);
        String noSurplus = seats > 1 && candidates.size() <= seats
                ? decide("LIST_WITHOUT_SURPLUS", "Danh sách không dư", List.of()) : null;
        Http.Answer a = organiser.post("/api/elections/" + electionId + "/approve-list",
                "{\"listDecisionId\":\"" + list + "\"" + (noSurplus == null ? "" : ",\"noSurplusDecisionId\":\"" + noSurplus + "\"") + "}");
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        Map<String, String> personOf = new LinkedHashMap<>();
        a.body().path("candidates").forEach(c -> personOf.put(c.path("candidateId").asText(), c.path("personId").asText()));
        List<String> kept = new ArrayList<>();
        personOf.forEach((candidate, person) -> { if (winners.contains(person)) kept.add(candidate); });
        counting.committee();
        Http.Answer r = organiser.post("/api/elections/" + electionId + "/rounds", "{\"round\":1}");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        counting.seal(electionId, 1);
        for (Http v : voters) {
            Http.Answer cast = v.postWithHeader("/api/elections/" + electionId + "/rounds/1/ballots",
                    "{\"keptCandidateIds\":" + json(kept) + "}", "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(cast.status()).as(cast.raw()).isEqualTo(201);
        }
        Http.Answer closed = counting.close(electionId, 1);
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        List<String> elected = new ArrayList<>();
        organiser.get("/api/elections/" + electionId).body().path("electedCandidateIds")
                .forEach(c -> elected.add(personOf.get(c.asText())));
        return new Result(electionId, elected, closed.body());
    }

    public static String json(Collection<String> ids) {
        StringBuilder b = new StringBuilder("[");
        for (String id : ids) b.append(b.length() == 1 ? "" : ",").append('"').append(id).append('"');
        return b.append(']').toString();
    }
}
