/**
 * Elections by secret ballot: one engine for every electing body — candidates, numbered rounds,
 * ballots, counting and results.
 */
package vn.daihoi.election;
