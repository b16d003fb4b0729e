/**
 * The tamper-evident record (issue 10, ADR 0018): the hash chain the database writes beside every stored event,
 * checkpoints signed with federation keys, the verification of the store and read models, the congress bundle.
 */
package vn.daihoi.audit;
