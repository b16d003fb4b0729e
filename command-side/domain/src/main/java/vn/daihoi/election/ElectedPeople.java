package vn.daihoi.election;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who a congress or committee meeting elected to a body, and the facts of one election, read from the command-side
 * election lookup that the elections' own events keep in the transaction that records them (ADR 0024). No handler
 * loads an election aggregate to learn this.
 */
public interface ElectedPeople {

    /** The members elected to {@code body} at {@code congressId} so far (first election first), and whether a round is open. */
    Body of(String congressId, ElectedBody body);

    /** One election's facts, or empty when there is no election with this id. */
    Optional<ElectionFacts> facts(String electionId);

    /** A person elected, and by which election. */
    record Member(String personId, String electionId) {}

    /** The members elected to a body so far, and whether one of its elections still has a round being voted on. */
    record Body(List<Member> members, boolean roundOpen) {
        public Set<String> personIds() {
            Set<String> ids = new LinkedHashSet<>();
            members.forEach(m -> ids.add(m.personId()));
            return ids;
        }

        public boolean isEmpty() {
            return members.isEmpty();
        }
    }
}
