package vn.daihoi.term;

import vn.daihoi.common.RuleViolation;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionFacts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * the offices a congress and its first meeting proposed for recognition, read from the facts of
 * their counted elections. The committee election fixes the congress and the seats; an election held at the
 * congress itself (the committee's, a direct chair election) begins "at the congress", one held at another
 * assembly (the first meeting) "at the first meeting".
 */
public record Slate(String congressId, int seats, List<Holding> proposed, List<String> electionIds) {

    public static Office officeOf(ElectedBody body) {
        return switch (body) {
            case EXECUTIVE_COMMITTEE -> Office.COMMITTEE_MEMBER;
            case CHAIR -> Office.CHAIR;
            case VICE_CHAIRS -> Office.VICE_CHAIR;
            case STANDING_COMMITTEE -> Office.STANDING_MEMBER;
            case INSPECTION_COMMITTEE -> Office.INSPECTION_MEMBER;
            case INSPECTION_CHAIR -> Office.INSPECTION_CHAIR;
            case INSPECTION_VICE_CHAIR -> Office.INSPECTION_VICE_CHAIR;
            default -> null;
        };
    }

    public static Slate of(String unitId, List<ElectionFacts> elections) {
        if (elections.isEmpty()) {
            throw RuleViolation.invalid("missing-field", "R-03", "electionIds").variant("counted-elections");
        }
        Set<ElectedBody> bodies = EnumSet.noneOf(ElectedBody.class);
        ElectionFacts committee = null;
        for (ElectionFacts f : elections) {
            if (!unitId.equals(f.unitId())) {
                throw RuleViolation.conflict("election-of-another-unit", "R-03", "electionIds", f.electionId()).variant("named");
            }
            if (f.roundOpen()) {
                throw RuleViolation.conflict("election-round-open", "R-03", "electionIds", f.electionId());
            }
            if (officeOf(f.body()) == null) {
                throw RuleViolation.invalid("not-an-office", "R-03", "electionIds", f.body()).variant("body");
            }
            if (!bodies.add(f.body())) {
                throw RuleViolation.invalid("body-given-twice", "R-03", "electionIds", f.body());
            }
            if (f.electedPersonIds().isEmpty()) {
                throw RuleViolation.conflict("nobody-elected", "R-03", "electionIds", f.electionId()).variant("named");
            }
            if (f.body() == ElectedBody.EXECUTIVE_COMMITTEE) committee = f;
        }
        if (committee == null) {
            throw RuleViolation.invalid("committee-election-missing", "R-03", "electionIds");
        }
        Set<String> members = new HashSet<>(committee.electedPersonIds());
        List<Holding> proposed = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (ElectionFacts f : elections.stream()
                .sorted(java.util.Comparator.comparing(ElectionFacts::body)).toList()) {
            Office office = officeOf(f.body());
            HoldingStart began = f.congressId().equals(committee.congressId())
                    ? HoldingStart.ELECTED_AT_CONGRESS : HoldingStart.ELECTED_AT_FIRST_MEETING;
            for (String person : f.electedPersonIds()) {
                if (office.heldFromTheCommittee() && !members.contains(person)) {
                    throw RuleViolation.conflict("office-outside-committee", "R-41", "electionIds", office).variant("new-committee");
                }
                proposed.add(new Holding(null, person, office, began, null, null, f.electionId(), null, null, null));
            }
            ids.add(f.electionId());
        }
        return new Slate(committee.congressId(), committee.seats(), proposed, ids);
    }
}
