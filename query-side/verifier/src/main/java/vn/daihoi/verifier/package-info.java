/**
 * The independent verifier (ADR 0019): reads a congress bundle and checks it without the server and without any of
 * the product's code — hashes, the event chain, the signed checkpoints, and a recount of every round.
 */
package vn.daihoi.verifier;
