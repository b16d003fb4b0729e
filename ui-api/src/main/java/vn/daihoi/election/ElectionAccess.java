package vn.daihoi.election;

import org.springframework.stereotype.Component;
import vn.daihoi.account.Access;
import vn.daihoi.account.AccessDenied;
import vn.daihoi.account.Caller;
import vn.daihoi.account.Role;
import vn.daihoi.common.RuleViolation;

/**
 * Who may do what with an election or a confidence vote (both are elections of the engine): rights follow the
 * congress the vote belongs to.
 */
@Component
public class ElectionAccess {

    private final Access access;
    private final ElectionProjection elections;

    public ElectionAccess(Access access, ElectionProjection elections) {
        this.access = access;
        this.elections = elections;
    }

    public String congressOf(String electionId) {
        return elections.congressOf(electionId).orElseThrow(ElectionAccess::unknown);
    }

    public void requireOrganiser(String electionId) {
        access.requireOrganiserOfCongress(congressOf(electionId));
    }

    /** An election named in a request body must be of a congress the caller organises (ADR 0013); unknown: 404 on {@code field}. */
    public void requireOrganiser(String electionId, String field) {
        access.requireOrganiserOfCongress(elections.congressOf(electionId).orElseThrow(() -> unknown(field)));
    }

    /** Organisers, auditors and counting members over the congress, and its own delegates. */
    public void requireReader(String electionId) {
        String congressId = congressOf(electionId);
        Caller c = access.caller();
        if (c.isVoter()) {
            if (!congressId.equals(c.congressId())) throw new AccessDenied();
            return;
        }
        access.requireReaderOfCongress(congressId);
    }

    /** A voter of the congress, by his own token. */
    public Caller requireVoter(String electionId) {
        return access.requireVoterOf(congressOf(electionId));
    }

    /** a member of the congress's counting committee enters paper ballots. */
    public Caller requireCountingMember(String electionId) {
        Caller c = access.caller();
        if (!c.has(Role.COUNTING, congressOf(electionId))) throw new AccessDenied();
        return c;
    }

    /** The counting committee or the organisers. */
    public void requireCountingOrOrganiser(String electionId) {
        String congressId = congressOf(electionId);
        if (!access.caller().has(Role.COUNTING, congressId)) access.requireOrganiserOfCongress(congressId);
    }

    public static RuleViolation unknown() {
        return unknown("electionId");
    }

    private static RuleViolation unknown(String field) {
        return RuleViolation.notFound("unknown-election", field);
    }
}
