package vn.daihoi.congress;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * the show-of-hands majority as one function of the rule profile, used by the congress aggregate to decide
 * and by the console to tell the organiser, as he types, how many votes for pass. The two answers agree for every
 * hall size: the fewest votes named pass, one fewer does not.
 */
class ShowOfHandsMajorityTest {

    @Test
    void theVotesNeededAreExactlyTheFewestThatPassForEveryHallSize() {
        for (RuleProfile profile : RuleProfiles.all()) {
            for (int present = 1; present <= 1_200; present++) {
                long needed = profile.showOfHandsVotesNeeded(present);
                assertThat(profile.showOfHandsPasses(needed, present)).as("%d present", present).isTrue();
                assertThat(profile.showOfHandsPasses(needed - 1, present)).as("%d present", present).isFalse();
            }
        }
    }

    @Test
    void halfOfThosePresentIsNotAMajority() {
        RuleProfile union = RuleProfiles.UNION_DEFAULT;
        assertThat(union.showOfHandsPasses(20, 40)).isFalse();
        assertThat(union.showOfHandsPasses(21, 40)).isTrue();
        assertThat(union.showOfHandsVotesNeeded(45)).isEqualTo(23);
    }

    @Test
    void aShowOfHandsCountsNoMoreHandsThanDelegatesPresent() {
        Attendance now = new Attendance(45, 40, true);
        assertThat(now.admitsHands(40)).isTrue();
        assertThat(now.admitsHands(41)).isFalse();
    }
}
