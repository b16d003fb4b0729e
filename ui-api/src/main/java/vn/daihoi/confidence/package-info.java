/** Confidence votes over HTTP: organising with the list, rating ballots, results with flags, minutes. */
package vn.daihoi.confidence;
