/**
 * Confidence votes: the ratings a ballot gives each listed official, the per-person count with its
 * flags, and the events that record them. The vote itself runs on the election engine (ADR 0010).
 */
package vn.daihoi.confidence;
