/** The ballot as a delegate fills it on his phone (election and rating ballots), and the results after the count. */
package vn.daihoi.election.web;
