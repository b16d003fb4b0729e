package vn.daihoi.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counting committee of a congress or meeting at work over HTTP (R-14, R-23, ADR 0017): its members, each
 * signed in with an account of his own (role COUNTING, linked to his person), take their key shares when a round
 * opens — which seals the box — and present them at the count. The committee is the congress's passed decision;
 * when there is none yet, it is decided here, of three people registered for it.
 */
public final class CountingDesk {

    private static final Map<String, CountingDesk> BY_CONGRESS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Http organiser;
    private final String congressId;
    private final Map<String, Http> members = new LinkedHashMap<>();
    private final Map<String, List<String>> shares = new HashMap<>();
    private final Map<String, Integer> needed = new HashMap<>();

    private CountingDesk(Http organiser, String congressId) {
        this.organiser = organiser;
        this.congressId = congressId;
    }

    /** The desk of a congress, one per congress for the whole test run. */
    public static CountingDesk of(Http organiser, String congressId) {
        return BY_CONGRESS.computeIfAbsent(congressId, id -> new CountingDesk(organiser, id));
    }

    private String path(String tail) {
        return "/api/congresses/" + congressId + tail;
    }

    /** The members (person ids) of the committee, deciding it first when the congress has not. */
    public synchronized List<String> committee() {
        JsonNode dashboard = organiser.get(path("")).body();
        List<String> decided = null;
        for (JsonNode d : dashboard.path("decisions")) {
            if (!d.path("passed").asBoolean()) continue;
            List<String> people = new ArrayList<>();
            d.path("personIds").forEach(p -> people.add(p.asText()));
            if ("COUNTING_COMMITTEE".equals(d.path("subject").asText())) decided = people;
        }
        if (decided == null) {
            // Three people registered for the purpose: they can stand on no list a test draws from its roll (R-14).
            List<String> chosen = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                Http.Answer p = organiser.post("/api/people", "{\"fullName\":\"Thành viên Ban kiểm phiếu " + i + " (hư cấu)\"}");
                assertThat(p.status()).as(p.raw()).isEqualTo(201);
                chosen.add(p.body().path("personId").asText());
            }
            int present = dashboard.path("present").asInt();
            Http.Answer d = organiser.post(path("/decisions"), """
                    {"decisionId":"%s","subject":"COUNTING_COMMITTEE","title":"Bầu Ban kiểm phiếu","personIds":%s,"votesFor":%d,"votesAgainst":0,"abstentions":0}"""
                    .formatted(UUID.randomUUID(), Ballots.json(chosen), present));
            // A congress that cannot decide now (no quorum, say) has no committee: the round's opening says so.
            if (d.status() != 200) return List.of();
            decided = chosen;
        }
        return decided;
    }

    /** The member's own client: an account of role COUNTING for this congress, linked to his person. */
    public synchronized Http member(String personId) {
        return members.computeIfAbsent(personId, p -> {
            String username = "kp" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            Http.Answer a = organiser.post("/api/accounts", """
                    {"username":"%s","password":"password-for-%s","personId":"%s","grants":[{"role":"COUNTING","scopeId":"%s"}]}"""
                    .formatted(username, username, p, congressId));
            assertThat(a.status()).as(a.raw()).isEqualTo(201);
            Http.Answer t = ApiTest.signIn(organiser.anonymous(), "/api/auth/login",
                    "{\"username\":\"%s\",\"password\":\"password-for-%s\"}".formatted(username, username));
            assertThat(t.status()).as(t.raw()).isEqualTo(200);
            return organiser.as(t.body().path("token").asText());
        });
    }

    /** Every member takes his key share of the round: the box is sealed afterwards. */
    public void seal(String electionId, int round) {
        List<String> codes = new ArrayList<>();
        for (String person : committee()) {
            Http.Answer s = takeShare(person, electionId, round);
            assertThat(s.status()).as(s.raw()).isEqualTo(200);
            codes.add(s.body().path("shareCode").asText());
            needed.put(key(electionId, round), s.body().path("sharesNeeded").asInt());
        }
        shares.put(key(electionId, round), codes);
    }

    public Http.Answer takeShare(String personId, String electionId, int round) {
        return member(personId).post("/api/elections/" + electionId + "/rounds/" + round + "/key-share", "");
    }

    /** The share codes the members took for the round, in committee order. */
    public List<String> shares(String electionId, int round) {
        return shares.getOrDefault(key(electionId, round), List.of());
    }

    public int sharesNeeded(String electionId, int round) {
        return needed.getOrDefault(key(electionId, round), 0);
    }

    /** The count, with as many shares as open the box. */
    public Http.Answer close(String electionId, int round) {
        List<String> all = shares(electionId, round);
        return close(organiser, electionId, round, all.subList(0, Math.min(all.size(), sharesNeeded(electionId, round))));
    }

    public static Http.Answer close(Http closer, String electionId, int round, List<String> presented) {
        return closer.post("/api/elections/" + electionId + "/rounds/" + round + "/close", "{\"shares\":" + Ballots.json(presented) + "}");
    }

    private static String key(String electionId, int round) {
        return electionId + "#" + round;
    }
}
