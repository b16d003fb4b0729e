package vn.daihoi.election;

import java.util.List;

/** A counted ballot as published: its tracking code and content, never its voter. */
public record PublishedBallot(String trackingCode, List<String> keptCandidateIds, InvalidReason invalid, boolean paper) {
}
