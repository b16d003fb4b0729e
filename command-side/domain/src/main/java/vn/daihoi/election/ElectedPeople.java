package vn.daihoi.election;

import org.axonframework.modelling.command.Repository;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a congress or committee meeting elected to a body, read from its elections' own state
 * ({@link ElectionAggregate#facts()}) in the command's unit of work.
 */
public class ElectedPeople {

    private final Repository<ElectionAggregate> elections;
    private final ElectionDirectory directory;

    public ElectedPeople(Repository<ElectionAggregate> elections, ElectionDirectory directory) {
        this.elections = elections;
        this.directory = directory;
    }

    /** A person elected, and by which election. */
    public record Member(String personId, String electionId) {}

    /** The members elected to a body so far, and whether one of its elections still has a round being voted on. */
    public record Body(List<Member> members, boolean roundOpen) {
        public Set<String> personIds() {
            Set<String> ids = new LinkedHashSet<>();
            members.forEach(m -> ids.add(m.personId()));
            return ids;
        }

        public boolean isEmpty() {
            return members.isEmpty();
        }
    }

    public Body of(String congressId, ElectedBody body) {
        List<Member> members = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean open = false;
        if (congressId == null) return new Body(members, false);
        for (String id : directory.electionsAt(congressId, body)) {
            ElectionAggregate.Facts f = elections.load(id).invoke(ElectionAggregate::facts);
            open |= f.roundOpen();
            for (String p : f.electedPersonIds()) if (seen.add(p)) members.add(new Member(p, id));
        }
        return new Body(members, open);
    }

    public ElectionAggregate.Facts facts(String electionId) {
        return elections.load(electionId).invoke(ElectionAggregate::facts);
    }
}
