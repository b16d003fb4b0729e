/** Election read models: candidates, rounds, results and published ballots (never a voter beside a ballot). */
package vn.daihoi.election;
