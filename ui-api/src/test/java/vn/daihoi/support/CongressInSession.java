package vn.daihoi.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A congress in session with {@code voters} delegates checked in, each holding a voting token, and an
 * executive-committee election whose candidates are the first {@code candidates} delegates, list approved.
 */
public final class CongressInSession {

    public final Scenario scenario;
    public final Http organiser;
    public final List<String> delegateIds = new ArrayList<>();
    public final List<String> personIds = new ArrayList<>();
    public final List<Http> voters = new ArrayList<>();
    public final List<String> candidateIds = new ArrayList<>();
    public String electionId;
    public JsonNode election;

    public CongressInSession(ApiTestAccess api, int summoned, int present) {
        scenario = new Scenario(api.admin()).units();
        organiser = api.account("ORGANISER", scenario.branch);
        assertThat(scenario.convene(organiser).status()).isEqualTo(201);
        Http.Answer imported = organiser.postCsv(path("/delegates/import"), Scenario.csv(summoned, "V"));
        assertThat(imported.body().path("added").asInt()).isEqualTo(summoned);
        JsonNode roll = organiser.get(path("/delegates")).body().path("delegates");
        for (JsonNode d : roll) {
            delegateIds.add(d.path("delegateId").asText());
            personIds.add(d.path("personId").asText());
        }
        for (int i = 0; i < present; i++) {
            String code = organiser.post(path("/delegates/" + delegateIds.get(i) + "/check-in"), "").body().path("votingCode").asText();
            Http.Answer t = ApiTest.signIn(api.anonymous(), "/api/auth/voting-code", "{\"code\":\"" + code + "\"}");
            assertThat(t.status()).as(t.raw()).isEqualTo(200);
            voters.add(api.anonymous().as(t.body().path("token").asText()));
        }
        assertThat(organiser.post(path("/open"), "").status()).isEqualTo(200);
    }

    public String path(String tail) {
        return "/api/congresses/" + scenario.congress + tail;
    }

    /** Nominates the people of {@code candidatePersonIds}, approves the list by show of hands, opens the election. */
    public CongressInSession election(int seats, List<String> candidatePersonIds) {
        decide("COMMITTEE_SIZE", "Số lượng Ban Chấp hành", List.of(), seats);
        Http.Answer e = organiser.post(path("/elections"), "{\"body\":\"EXECUTIVE_COMMITTEE\"}");
        assertThat(e.status()).as(e.raw()).isEqualTo(201);
        electionId = e.body().path("electionId").asText();
        assertThat(e.body().path("seats").asInt()).isEqualTo(seats);
        for (String p : candidatePersonIds) {
            Http.Answer n = organiser.post("/api/elections/" + electionId + "/candidates", "{\"personId\":\"" + p + "\",\"source\":\"OUTGOING_COMMITTEE\"}");
            assertThat(n.status()).as(n.raw()).isEqualTo(200);
        }
        String list = decide("CANDIDATE_LIST", "Danh sách bầu cử", candidatePersonIds, null);
        Http.Answer a = organiser.post("/api/elections/" + electionId + "/approve-list", "{\"listDecisionId\":\"" + list + "\"}");
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        election = a.body();
        election.path("ballotOrder").forEach(c -> candidateIds.add(c.asText()));
        return this;
    }

    public String decide(String subject, String title, List<String> people, Integer seats) {
        String id = java.util.UUID.randomUUID().toString();
        int present = organiser.get(path("")).body().path("present").asInt();
        StringBuilder ids = new StringBuilder();
        for (String p : people) ids.append(ids.length() == 0 ? "" : ",").append('"').append(p).append('"');
        Http.Answer d = organiser.post(path("/decisions"), """
                {"decisionId":"%s","subject":"%s","title":"%s","personIds":[%s],"seats":%s,"votesFor":%d,"votesAgainst":0,"abstentions":0}"""
                .formatted(id, subject, title, ids, seats == null ? "null" : seats, present));
        assertThat(d.status()).as(d.raw()).isEqualTo(200);
        return id;
    }

    /** Opens the round; when it opened, the counting committee takes its key shares, sealing the box (ADR 0017). */
    public Http.Answer openRound(int round, String json) {
        counting().committee();
        Http.Answer opened = organiser.post("/api/elections/" + electionId + "/rounds", json == null ? "{\"round\":" + round + "}" : json);
        if (opened.status() == 201) counting().seal(electionId, round);
        return opened;
    }

    /** The congress's counting committee at work (decided on first use when the test has not decided one). */
    public CountingDesk counting() {
        return CountingDesk.of(organiser, scenario.congress);
    }

    /** Opens any election's round and seals its box. */
    public Http.Answer openRound(String election, int round, String json) {
        counting().committee();
        Http.Answer opened = organiser.post("/api/elections/" + election + "/rounds", json == null ? "{\"round\":" + round + "}" : json);
        if (opened.status() == 201) counting().seal(election, round);
        return opened;
    }

    public Http.Answer cast(Http voter, int round, String key, List<String> kept) {
        StringBuilder ids = new StringBuilder();
        for (String k : kept) ids.append(ids.length() == 0 ? "" : ",").append('"').append(k).append('"');
        return voter.postWithHeader("/api/elections/" + electionId + "/rounds/" + round + "/ballots",
                "{\"keptCandidateIds\":[" + ids + "]}", "Idempotency-Key", key);
    }

    /** The count, with the key shares of as many members as open the box. */
    public Http.Answer close(int round) {
        return counting().close(electionId, round);
    }

    public Http.Answer close(String election, int round) {
        return counting().close(election, round);
    }

    /** What the support needs of the test class. */
    public interface ApiTestAccess {
        Http admin();

        Http account(String role, String scopeId);

        Http anonymous();
    }
}
