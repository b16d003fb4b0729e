/** Confidence-vote results per person, as organisers, delegates and auditors read them. */
package vn.daihoi.confidence;
