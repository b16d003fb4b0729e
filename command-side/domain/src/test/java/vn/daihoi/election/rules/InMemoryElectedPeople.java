package vn.daihoi.election.rules;

import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectedPeople;
import vn.daihoi.election.ElectionFacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The election lookup held in memory: who was elected to which body at which congress. */
public final class InMemoryElectedPeople implements ElectedPeople {

    private final Map<String, List<Member>> members = new HashMap<>();

    public InMemoryElectedPeople elected(String congressId, ElectedBody body, String electionId, String... personIds) {
        List<Member> list = members.computeIfAbsent(congressId + "/" + body, k -> new ArrayList<>());
        for (String p : personIds) list.add(new Member(p, electionId));
        return this;
    }

    @Override
    public Body of(String congressId, ElectedBody body) {
        return new Body(List.copyOf(members.getOrDefault(congressId + "/" + body, List.of())), false);
    }

    @Override
    public Optional<ElectionFacts> facts(String electionId) {
        return Optional.empty();
    }
}
