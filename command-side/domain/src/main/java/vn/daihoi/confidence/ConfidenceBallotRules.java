package vn.daihoi.confidence;

import vn.daihoi.common.RuleViolation;
import vn.daihoi.election.InvalidReason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * what a confidence ballot may say. It rates the listed officials only, each at most once; the result is
 * one line per official in list order. A ballot that cannot be cast or entered as given is refused with the rule it
 * breaks, before anything is recorded.
 */
public final class ConfidenceBallotRules {
    private ConfidenceBallotRules() {}

    /**
     * An electronic ballot: every line names a listed official at most once with a level; an official the voter left
     * without a level gets an invalid line (R-62, no level ticked) — the voter's choice, like a blank paper line.
     */
    public static List<RatingLine> electronic(List<RatingLine> given, List<String> listed) {
        Map<String, RatingLine> byCandidate = lines(given, listed);
        for (RatingLine l : byCandidate.values()) {
            if (l.invalid() != null) {
                throw RuleViolation.invalid("invalid-confidence-ballot-line-reason", "R-62", "ratings");
            }
        }
        List<RatingLine> out = new ArrayList<>();
        for (String id : listed) {
            RatingLine l = byCandidate.get(id);
            out.add(l == null || l.level() == null ? RatingLine.invalid(id, LineInvalidReason.NO_LEVEL) : RatingLine.rated(id, l.level()));
        }
        return out;
    }

    /**
     * A paper ballot as the counting committee reads it: either a line for every listed official (a level or why the
     * line is invalid), or, with {@code wholeInvalid}, no lines — R-62 knows one reason for that: the ballot was not
     * issued by the counting committee.
     */
    public static List<RatingLine> paper(List<RatingLine> given, InvalidReason wholeInvalid, List<String> listed) {
        if (wholeInvalid != null) {
            if (wholeInvalid != InvalidReason.NOT_ISSUED) {
                throw RuleViolation.invalid("invalid-confidence-ballot-reason", "R-62", "invalid");
            }
            if (given != null && !given.isEmpty()) {
                throw RuleViolation.invalid("invalid-entry", "R-62", "ratings");
            }
            return List.of();
        }
        Map<String, RatingLine> byCandidate = lines(given, listed);
        List<RatingLine> out = new ArrayList<>();
        for (String id : listed) {
            RatingLine l = byCandidate.get(id);
            if (l == null || (l.level() == null) == (l.invalid() == null)) {
                throw RuleViolation.invalid("confidence-line-missing", "R-62", "ratings");
            }
            out.add(l.level() != null ? RatingLine.rated(id, l.level()) : RatingLine.invalid(id, l.invalid()));
        }
        return out;
    }

    private static Map<String, RatingLine> lines(List<RatingLine> given, List<String> listed) {
        if (given == null) {
            throw RuleViolation.invalid("confidence-ratings-missing", "R-60", "ratings");
        }
        Map<String, RatingLine> byCandidate = new HashMap<>();
        for (RatingLine l : given) {
            if (l == null || l.candidateId() == null || !listed.contains(l.candidateId())) {
                throw RuleViolation.invalid("invalid-confidence-ballot-name-not-listed", "R-62", "ratings");
            }
            if (byCandidate.put(l.candidateId(), l) != null) {
                throw RuleViolation.invalid("invalid-confidence-ballot-name-twice", "R-62", "ratings");
            }
        }
        return byCandidate;
    }
}
