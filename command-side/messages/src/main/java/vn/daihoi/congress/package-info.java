/**
 * Congresses: convening under a rule profile, the session, attendance and quorum, and the
 * decisions taken by show of hands.
 */
package vn.daihoi.congress;
