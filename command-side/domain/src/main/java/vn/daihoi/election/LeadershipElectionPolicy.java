package vn.daihoi.election;

import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.Assemblies;
import vn.daihoi.congress.Attendance;
import vn.daihoi.congress.MeetingPurpose;
import vn.daihoi.congress.RuleProfile;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who may stand and who may vote when the committee elects its officers and when a congress elects
 * its delegates to the upper congress. Elections of the executive committee or of officers at a congress
 * are not touched: every rule here starts from a committee meeting or from a body only a meeting elects.
 */
public final class LeadershipElectionPolicy {

    /** what the first meeting elects. */
    static final Set<ElectedBody> FIRST_MEETING_BODIES = EnumSet.of(ElectedBody.STANDING_COMMITTEE, ElectedBody.CHAIR,
            ElectedBody.VICE_CHAIRS, ElectedBody.INSPECTION_COMMITTEE, ElectedBody.INSPECTION_CHAIR,
            ElectedBody.INSPECTION_VICE_CHAIR);

    /** officers elected from among the new executive committee's members. */
    static final Set<ElectedBody> FROM_EXECUTIVE_COMMITTEE = EnumSet.of(ElectedBody.STANDING_COMMITTEE,
            ElectedBody.CHAIR, ElectedBody.VICE_CHAIRS);

    /** officers of the inspection committee, elected from among its members. */
    static final Set<ElectedBody> FROM_INSPECTION_COMMITTEE = EnumSet.of(ElectedBody.INSPECTION_CHAIR,
            ElectedBody.INSPECTION_VICE_CHAIR);

    static final Set<ElectedBody> UPPER_CONGRESS = EnumSet.of(ElectedBody.UPPER_CONGRESS_DELEGATES,
            ElectedBody.UPPER_CONGRESS_ALTERNATES);

    /** Who was elected to a body at a congress or meeting. */
    @FunctionalInterface
    public interface Lookup {
        ElectedPeople.Body of(String congressId, ElectedBody body);
    }

    /** What the policy needs to know of the assembly the election is held at. */
    public record Assembly(String congressId, boolean meeting, MeetingPurpose purpose, String ofCongressId) {
        public static Assembly of(Assemblies.Assembly c) {
            return new Assembly(c.congressId(), c.meeting(), c.purpose(), c.ofCongressId());
        }

        boolean firstMeeting() {
            return meeting && purpose == MeetingPurpose.FIRST_MEETING;
        }
    }

    /** The roll of voters of a round and the attendance its quorum is checked on. */
    public record RoundRoll(List<String> voterDelegateIds, Attendance attendance) {}

    private final Lookup elected;

    public LeadershipElectionPolicy(Lookup elected) {
        this.elected = elected;
    }

    /** whether this body may be elected here at all. */
    public void checkOpening(ElectedBody body, Assembly at) {
        if (body == null) return;
        if (UPPER_CONGRESS.contains(body) && at.meeting()) {
            throw RuleViolation.conflict("upper-delegates-elected-by-congress", "R-23", "body");
        }
        if (!at.firstMeeting()) return;
        if (!FIRST_MEETING_BODIES.contains(body)) {
            throw RuleViolation.conflict("not-elected-at-first-meeting", "R-41", "body");
        }
        if (body == ElectedBody.CHAIR) {
            ElectedPeople.Body chair = elected.of(at.ofCongressId(), ElectedBody.CHAIR);
            if (!chair.isEmpty() || chair.roundOpen()) {
                throw RuleViolation.conflict("chair-elected-by-congress", "R-40", "body");
            }
        }
    }

    /** a candidate for an officer's post at the first meeting comes from the body that post belongs to. */
    public void checkCandidate(ElectedBody body, Assembly at, String personId) {
        if (!at.firstMeeting()) return;
        if (FROM_EXECUTIVE_COMMITTEE.contains(body)) {
            ElectedPeople.Body committee = elected.of(at.ofCongressId(), ElectedBody.EXECUTIVE_COMMITTEE);
            if (!committee.personIds().contains(personId)) {
                throw RuleViolation.conflict("candidate-not-on-executive-committee", "R-41", "personId", body);
            }
        }
        if (FROM_INSPECTION_COMMITTEE.contains(body)) {
            ElectedPeople.Body inspection = inspectionCommittee(at);
            if (!inspection.personIds().contains(personId)) {
                throw RuleViolation.conflict("candidate-not-on-inspection-committee", "R-41", "personId", body);
            }
        }
    }

    /**
     * the roll of a round. The inspection committee elects its vice-chair among its own members: the
     * roll is its members present (whatever their line on the roll: a member who is not on the executive committee
     * sits as a guest of the meeting) and the quorum is counted over its members. Every other round: the voters
     * present, as for any vote of the assembly.
     */
    public RoundRoll roundRoll(ElectedBody body, Assembly at, List<Assemblies.Seat> roll, RuleProfile profile) {
        if (body != ElectedBody.INSPECTION_VICE_CHAIR) {
            return new RoundRoll(Assemblies.presentVoters(roll), Assemblies.attendance(roll, profile.quorum()));
        }
        Set<String> members = inspectionCommittee(at).personIds();
        return new RoundRoll(Assemblies.presentSeatsAmong(roll, members), Assemblies.attendanceAmong(roll, members, profile.quorum()));
    }

    /** a late voter joins a round only if he could have been on its roll. */
    public boolean mayJoinRound(ElectedBody body, Assembly at, List<Assemblies.Seat> roll, String delegateId) {
        if (body != ElectedBody.INSPECTION_VICE_CHAIR) {
            return roll.stream().anyMatch(s -> s.delegateId().equals(delegateId) && s.votes() && s.present());
        }
        return Assemblies.presentSeatsAmong(roll, inspectionCommittee(at).personIds()).contains(delegateId);
    }

    private ElectedPeople.Body inspectionCommittee(Assembly at) {
        ElectedPeople.Body inspection = elected.of(at.congressId(), ElectedBody.INSPECTION_COMMITTEE);
        if (inspection.isEmpty()) {
            throw RuleViolation.conflict("inspection-committee-not-elected", "R-41", "body");
        }
        return inspection;
    }
}
