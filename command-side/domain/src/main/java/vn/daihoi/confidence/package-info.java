/** Confidence votes: what makes a rating line count, and the count per person with its flags. */
package vn.daihoi.confidence;
