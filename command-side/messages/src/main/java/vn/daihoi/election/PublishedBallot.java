package vn.daihoi.election;

import vn.daihoi.confidence.RatingLine;

import java.util.List;

/**
 * A counted ballot as published: its tracking code and content, never its voter. An election ballot keeps
 * names; a confidence ballot carries one rating line per listed official, in list order ({@code ratings},
 * null on election ballots and on events written before confidence votes existed).
 */
public record PublishedBallot(String trackingCode, List<String> keptCandidateIds, InvalidReason invalid, boolean paper,
                              List<RatingLine> ratings) {

    public PublishedBallot {
        keptCandidateIds = keptCandidateIds == null ? List.of() : List.copyOf(keptCandidateIds);
        ratings = ratings == null ? null : List.copyOf(ratings);
    }

    public PublishedBallot(String trackingCode, List<String> keptCandidateIds, InvalidReason invalid, boolean paper) {
        this(trackingCode, keptCandidateIds, invalid, paper, null);
    }

    /**
     * ADR 0008: the order in which ballots are revealed carries no information — invalid ones by reason, then by
     * content, then by the random tracking code.
     */
    public static final java.util.Comparator<PublishedBallot> CONTENT_ORDER = java.util.Comparator
            .comparing((PublishedBallot p) -> p.invalid() == null ? "" : p.invalid().name())
            .thenComparing(PublishedBallot::contentKey)
            .thenComparing(PublishedBallot::trackingCode);

    private static String contentKey(PublishedBallot p) {
        if (p.ratings() == null) return String.join(",", p.keptCandidateIds());
        StringBuilder s = new StringBuilder();
        for (RatingLine l : p.ratings()) {
            s.append(l.level() != null ? l.level().ordinal() : 3 + (l.invalid() == null ? 0 : l.invalid().ordinal())).append(',');
        }
        return s.toString();
    }
}
