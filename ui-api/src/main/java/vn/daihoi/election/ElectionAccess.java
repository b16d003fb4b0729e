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
    private final vn.daihoi.account.Accounts accounts;

    public ElectionAccess(Access access, ElectionProjection elections, vn.daihoi.account.Accounts accounts) {
        this.access = access;
        this.elections = elections;
        this.accounts = accounts;
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

    /**
     * an account of the congress's counting committee (role COUNTING). Whether its person is named in the
     * congress's counting-committee decision is the command's check (R-14: the round's key-share holders).
     */
    public Caller requireCountingMember(String electionId) {
        Caller c = access.caller();
        if (!c.has(Role.COUNTING, congressOf(electionId))) throw new AccessDenied();
        return c;
    }

    /** The person an account is linked to (null: none), the one the counting committee's decision names. */
    public String personOf(Caller c) {
        if (c.accountId() == null) return null;
        return accounts.find(c.accountId()).map(vn.daihoi.account.Accounts.AccountView::personId).filter(p -> !p.isBlank()).orElse(null);
    }

    /**
     * The counting committee or the organisers. Answers the person of the counting member acting (the command checks
     * he is on the committee), or null when the caller acts as an organiser of the congress.
     */
    public String requireCountingOrOrganiser(String electionId) {
        String congressId = congressOf(electionId);
        Caller c = access.caller();
        if (!c.has(Role.COUNTING, congressId)) {
            access.requireOrganiserOfCongress(congressId);
            return null;
        }
        try {
            access.requireOrganiserOfCongress(congressId);
            return null;
        } catch (AccessDenied notOrganiser) {
            String person = personOf(c);
            // An account linked to no person cannot be on the committee: the command refuses it as such.
            return person == null ? "" : person;
        }
    }

    /**
     * the counting desk of a round is for the people named in the congress's counting-committee decision,
     * the holders of the round's key shares as the round was opened; a COUNTING grant alone is refused with the
     * command's own problem. Answers the member's person id.
     */
    public String requireOnCountingCommittee(String electionId, java.util.List<String> shareHolders) {
        Caller c = requireCountingMember(electionId);
        String person = personOf(c);
        if (person == null) throw RuleViolation.conflict("not-on-counting-committee", "R-29", "personId").variant("account");
        if (shareHolders == null || !shareHolders.contains(person)) throw RuleViolation.conflict("not-on-counting-committee", "R-29", "personId");
        return person;
    }

    public static RuleViolation unknown() {
        return unknown("electionId");
    }

    private static RuleViolation unknown(String field) {
        return RuleViolation.notFound("unknown-election", field);
    }
}
