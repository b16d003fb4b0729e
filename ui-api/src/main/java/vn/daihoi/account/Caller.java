package vn.daihoi.account;


import java.util.List;

/**
 * Who is calling: an account with its grants, or a voter (a delegate of one congress, by credential).
 * Carries ids only, never names.
 */
public record Caller(String accountId, List<Grant> grants, String congressId, String delegateId, String credentialId) {

    public static Caller account(String accountId, List<Grant> grants) {
        return new Caller(accountId, List.copyOf(grants), null, null, null);
    }

    public static Caller voter(String congressId, String delegateId, String credentialId) {
        return new Caller(null, List.of(new Grant(Role.VOTER, congressId)), congressId, delegateId, credentialId);
    }

    public boolean isAdmin() {
        return grants.stream().anyMatch(g -> g.role() == Role.ADMIN);
    }

    public boolean isVoter() {
        return delegateId != null;
    }

    public boolean has(Role role, String scopeId) {
        return grants.stream().anyMatch(g -> g.role() == role && g.scopeId().equals(scopeId));
    }

    public List<String> scopes(Role role) {
        return grants.stream().filter(g -> g.role() == role).map(Grant::scopeId).toList();
    }
}
