package vn.daihoi.confidence.rules;

import org.junit.jupiter.api.Test;
import vn.daihoi.confidence.ConfidenceQueries;
import vn.daihoi.confidence.ConfidenceQueries.PersonResult;
import vn.daihoi.confidence.ConfidenceResult;
import vn.daihoi.congress.Fraction;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.election.rules.Profiles;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.daihoi.confidence.ConfidenceLevel.HIGH;
import static vn.daihoi.confidence.ConfidenceLevel.LOW;
import static vn.daihoi.confidence.rules.ConfidenceScenario.rate;
import static vn.daihoi.confidence.rules.R63ConfidenceResultsTest.counted;

/**
 * R-64, given / when / expect: on the ballots collected, more than the review share rating a person low flags him for
 * review, the dismissal share or more flags him for dismissal — which includes review, whatever the profile's numbers;
 * and every list of people flagged for review names those flagged for dismissal too.
 */
class R64ConfidenceFlagsTest {

    /** Of 6 ballots collected (five electronic and one not issued): chair 3 low, vice 4 low, member 5 low. */
    private static ConfidenceResult count(ConfidenceScenario v) {
        return counted(v, List.of(
                rate(LOW, LOW, LOW),
                rate(LOW, LOW, LOW),
                rate(LOW, LOW, LOW),
                rate(HIGH, LOW, LOW),
                rate(HIGH, HIGH, LOW)));
    }

    private static ConfidenceResult.Line line(ConfidenceResult r, String id) {
        return r.lines().stream().filter(l -> l.candidateId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void exactlyHalfRatingLowIsNotFlagged() {
        ConfidenceResult r = count(new ConfidenceScenario(RuleProfiles.UNION_DEFAULT, 9, 9));
        assertThat(r.collected()).isEqualTo(6);
        assertThat(line(r, "chair").low()).isEqualTo(3);
        assertThat(line(r, "chair").review()).isFalse();
        assertThat(line(r, "chair").dismissal()).isFalse();
    }

    @Test
    void twoThirdsRatingLowFlagsDismissalAndReview() {
        ConfidenceResult r = count(new ConfidenceScenario(RuleProfiles.UNION_DEFAULT, 9, 9));
        // vice: 4 of 6 is 2/3, reached.
        assertThat(line(r, "vice").dismissal()).isTrue();
        assertThat(line(r, "vice").review()).isTrue();
    }

    @Test
    void moreThanHalfButLessThanTwoThirdsFlagsReviewOnly() {
        // Of 7 collected, 4 low is more than half and less than two thirds.
        ConfidenceResult r = counted(new ConfidenceScenario(RuleProfiles.UNION_DEFAULT, 9, 9), List.of(
                rate(LOW, HIGH, HIGH), rate(LOW, HIGH, HIGH), rate(LOW, HIGH, HIGH), rate(LOW, HIGH, HIGH),
                rate(HIGH, HIGH, HIGH), rate(HIGH, HIGH, HIGH)));
        assertThat(r.collected()).isEqualTo(7);
        assertThat(line(r, "chair").review()).isTrue();
        assertThat(line(r, "chair").dismissal()).isFalse();
    }

    @Test
    void dismissalIncludesReviewEvenWhereTheReviewShareIsNotExceeded() {
        // A profile whose review share (more than 2/3) is stricter than its dismissal share (2/3 or more):
        // the vice's 4 of 6 reach dismissal but do not exceed review; he is flagged for both.
        ConfidenceResult r = count(new ConfidenceScenario(Profiles.confidenceFlags(new Fraction(2, 3), new Fraction(2, 3)), 9, 9));
        assertThat(line(r, "vice").dismissal()).isTrue();
        assertThat(line(r, "vice").review()).isTrue();
    }

    @Test
    void theListOfPeopleFlaggedForReviewNamesThoseFlaggedForDismissal() {
        PersonResult dismissed = person(1, "Nguyễn Văn Chủ", true, true);
        PersonResult reviewed = person(2, "Trần Thị Phó", true, false);
        PersonResult trusted = person(3, "Lê Văn Ủy", false, false);
        List<PersonResult> people = List.of(dismissed, reviewed, trusted);
        assertThat(ConfidenceQueries.flaggedForReview(people)).containsExactly(dismissed, reviewed);
        assertThat(ConfidenceQueries.flaggedForDismissal(people)).containsExactly(dismissed);
    }

    @Test
    void aPersonRecordedWithDismissalAloneIsStillListedForReview() {
        // A read model written before the rule was enforced may hold dismissal without review: the list still names him.
        PersonResult dismissed = person(1, "Nguyễn Văn Chủ", false, true);
        assertThat(ConfidenceQueries.flaggedForReview(List.of(dismissed))).containsExactly(dismissed);
    }

    private static PersonResult person(int position, String name, boolean review, boolean dismissal) {
        return new PersonResult(position, "c" + position, "p" + position, name, "Ủy viên", 6, 6, 6, 0, 0, 2, 4,
                "0.00", "33.33", "66.67", review, dismissal);
    }
}
