package vn.daihoi.election;

import org.junit.jupiter.api.Test;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.MeetingPurpose;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** who may be elected where, and who may stand, at a first meeting and at a congress. */
class LeadershipElectionPolicyTest {

    private static final LeadershipElectionPolicy.Assembly CONGRESS =
            new LeadershipElectionPolicy.Assembly("c10", false, null, null);
    private static final LeadershipElectionPolicy.Assembly FIRST_MEETING =
            new LeadershipElectionPolicy.Assembly("m1", true, MeetingPurpose.FIRST_MEETING, "c10");
    private static final LeadershipElectionPolicy.Assembly BY_ELECTION =
            new LeadershipElectionPolicy.Assembly("m2", true, MeetingPurpose.BY_ELECTION, null);

    private final Map<String, ElectedPeople.Body> elected = new HashMap<>();
    private final LeadershipElectionPolicy policy = new LeadershipElectionPolicy(
            (congressId, body) -> elected.getOrDefault(congressId + "/" + body, new ElectedPeople.Body(List.of(), false)));

    private void elect(String congressId, ElectedBody body, String... persons) {
        elected.put(congressId + "/" + body, new ElectedPeople.Body(
                java.util.Arrays.stream(persons).map(p -> new ElectedPeople.Member(p, "e-" + body)).toList(), false));
    }

    private static String refusal(Runnable r) {
        RuleViolation v = catchThrowableOfType(RuleViolation.class, r::run);
        assertThat(v).as("refused").isNotNull();
        return v.type() + " " + v.ruleId();
    }

    @Test
    void aCongressElectsEveryBodyAsBefore() {
        for (ElectedBody body : ElectedBody.values()) {
            assertThatCode(() -> policy.checkOpening(body, CONGRESS)).doesNotThrowAnyException();
            assertThatCode(() -> policy.checkCandidate(body, CONGRESS, "anyone")).doesNotThrowAnyException();
        }
    }

    @Test
    void theFirstMeetingElectsTheOfficersAndTheInspectionCommitteeOnly() {
        for (ElectedBody body : LeadershipElectionPolicy.FIRST_MEETING_BODIES) {
            assertThatCode(() -> policy.checkOpening(body, FIRST_MEETING)).doesNotThrowAnyException();
        }
        assertThat(refusal(() -> policy.checkOpening(ElectedBody.EXECUTIVE_COMMITTEE, FIRST_MEETING)))
                .isEqualTo("not-elected-at-first-meeting R-41");
    }

    @Test
    void noMeetingElectsDelegatesToTheUpperCongress() {
        assertThat(refusal(() -> policy.checkOpening(ElectedBody.UPPER_CONGRESS_DELEGATES, BY_ELECTION)))
                .isEqualTo("upper-delegates-elected-by-congress R-23");
        assertThat(refusal(() -> policy.checkOpening(ElectedBody.UPPER_CONGRESS_ALTERNATES, FIRST_MEETING)))
                .isEqualTo("upper-delegates-elected-by-congress R-23");
    }

    @Test
    void theFirstMeetingDoesNotElectAChairTheCongressElectedDirectly() {
        assertThatCode(() -> policy.checkOpening(ElectedBody.CHAIR, FIRST_MEETING)).doesNotThrowAnyException();
        elect("c10", ElectedBody.CHAIR, "p1");
        assertThat(refusal(() -> policy.checkOpening(ElectedBody.CHAIR, FIRST_MEETING))).isEqualTo("chair-elected-by-congress R-40");
    }

    @Test
    void officersAtTheFirstMeetingAreMembersOfTheCommitteeTheCongressElected() {
        elect("c10", ElectedBody.EXECUTIVE_COMMITTEE, "p1", "p2", "p3");
        for (ElectedBody body : List.of(ElectedBody.STANDING_COMMITTEE, ElectedBody.CHAIR, ElectedBody.VICE_CHAIRS)) {
            assertThatCode(() -> policy.checkCandidate(body, FIRST_MEETING, "p2")).doesNotThrowAnyException();
            assertThat(refusal(() -> policy.checkCandidate(body, FIRST_MEETING, "p9")))
                    .isEqualTo("candidate-not-on-executive-committee R-41");
        }
        // The inspection committee may take members from outside the executive committee.
        assertThatCode(() -> policy.checkCandidate(ElectedBody.INSPECTION_COMMITTEE, FIRST_MEETING, "p9")).doesNotThrowAnyException();
    }

    @Test
    void theInspectionCommitteesOfficersAreItsOwnMembers() {
        assertThat(refusal(() -> policy.checkCandidate(ElectedBody.INSPECTION_CHAIR, FIRST_MEETING, "p4")))
                .isEqualTo("inspection-committee-not-elected R-41");
        elect("m1", ElectedBody.INSPECTION_COMMITTEE, "p4", "p9");
        assertThatCode(() -> policy.checkCandidate(ElectedBody.INSPECTION_CHAIR, FIRST_MEETING, "p9")).doesNotThrowAnyException();
        assertThat(refusal(() -> policy.checkCandidate(ElectedBody.INSPECTION_VICE_CHAIR, FIRST_MEETING, "p1")))
                .isEqualTo("candidate-not-on-inspection-committee R-41");
    }
}
