package vn.daihoi.account;

/** A role over a scope: a unit id for organisers and auditors, a congress id for counting members, none for admins. */
public record Grant(Role role, String scopeId) {
}
