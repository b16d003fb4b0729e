/** HTTP endpoints of elections: candidates, the list, rounds, electronic ballots with receipts, results. */
package vn.daihoi.election;
