/** Voting credentials on PostgreSQL: keyed hashes of one-time codes, their redemption and revocation. */
package vn.daihoi.delegate.infra;
