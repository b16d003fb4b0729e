package vn.daihoi.account;

/**
 * ADMIN: everything. ORGANISER: runs the congresses of a unit and of every unit under it, and its structure below
 * it. AUDITOR: reads a subtree. COUNTING: a counting-committee member of one congress. VOTER: a delegate holding a
 * voting token for one congress.
 */
public enum Role { ADMIN, ORGANISER, AUDITOR, COUNTING, VOTER }
