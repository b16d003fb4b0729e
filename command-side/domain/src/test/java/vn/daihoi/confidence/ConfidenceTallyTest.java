package vn.daihoi.confidence;

import org.junit.jupiter.api.Test;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.Fraction;
import vn.daihoi.election.InvalidReason;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.daihoi.confidence.ConfidenceLevel.CONFIDENCE;
import static vn.daihoi.confidence.ConfidenceLevel.HIGH;
import static vn.daihoi.confidence.ConfidenceLevel.LOW;

/** on hand-counted examples. */
class ConfidenceTallyTest {

    private static final Fraction HALF = new Fraction(1, 2);
    private static final Fraction TWO_THIRDS = new Fraction(2, 3);
    private static final List<String> LIST = List.of("a", "b", "c");

    /** A ballot rating a, b and c at the given levels (null: an invalid line, no level ticked). */
    private static ConfidenceTally.Ballot ballot(ConfidenceLevel a, ConfidenceLevel b, ConfidenceLevel c) {
        List<RatingLine> lines = new ArrayList<>();
        ConfidenceLevel[] levels = {a, b, c};
        for (int i = 0; i < 3; i++) {
            lines.add(levels[i] == null ? RatingLine.invalid(LIST.get(i), LineInvalidReason.NO_LEVEL) : RatingLine.rated(LIST.get(i), levels[i]));
        }
        return ConfidenceTally.Ballot.of(lines);
    }

    private static List<ConfidenceTally.Ballot> times(int n, ConfidenceTally.Ballot b) {
        List<ConfidenceTally.Ballot> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(b);
        return out;
    }

    @Test
    void twoThirdsLowFlagsDismissalMoreThanHalfFlagsReviewAndExactlyHalfFlagsNothing() {
        // 12 collected: a has 8 low (= 2/3), b 7 low (> 1/2, < 2/3), c 6 low (= 1/2).
        List<ConfidenceTally.Ballot> ballots = new ArrayList<>();
        ballots.addAll(times(6, ballot(LOW, LOW, LOW)));
        ballots.addAll(times(1, ballot(LOW, LOW, HIGH)));
        ballots.addAll(times(1, ballot(LOW, HIGH, CONFIDENCE)));
        ballots.addAll(times(4, ballot(HIGH, CONFIDENCE, CONFIDENCE)));
        ConfidenceResult r = ConfidenceTally.count(LIST, 12, ballots, HALF, TWO_THIRDS);
        assertThat(r.collected()).isEqualTo(12);
        ConfidenceResult.Line a = r.lines().get(0);
        ConfidenceResult.Line b = r.lines().get(1);
        ConfidenceResult.Line c = r.lines().get(2);
        assertThat(a.low()).isEqualTo(8);
        assertThat(a.percentLow()).isEqualTo("66.67");
        assertThat(a.dismissal()).isTrue();
        assertThat(a.review()).as("dismissal includes review").isTrue();
        assertThat(b.low()).isEqualTo(7);
        assertThat(b.review()).isTrue();
        assertThat(b.dismissal()).isFalse();
        assertThat(c.low()).isEqualTo(6);
        assertThat(c.percentLow()).isEqualTo("50.00");
        assertThat(c.review()).as("exactly half is not more than half").isFalse();
        assertThat(c.dismissal()).isFalse();
    }

    @Test
    void invalidLinesAndWhollyInvalidBallotsCountAsCollectedButRateNobody() {
        // 6 collected: 4 rate all three; 1 leaves b unrated; 1 was not issued by the counting committee.
        List<ConfidenceTally.Ballot> ballots = new ArrayList<>(times(4, ballot(HIGH, LOW, CONFIDENCE)));
        ballots.add(ballot(CONFIDENCE, null, LOW));
        ballots.add(ConfidenceTally.Ballot.notIssued());
        ConfidenceResult r = ConfidenceTally.count(LIST, 7, ballots, HALF, TWO_THIRDS);
        assertThat(r.issued()).isEqualTo(7);
        assertThat(r.collected()).isEqualTo(6);
        assertThat(r.wholeInvalid()).isEqualTo(1);
        ConfidenceResult.Line b = r.lines().get(1);
        assertThat(b.valid()).isEqualTo(4);
        assertThat(b.invalid()).isEqualTo(2);
        assertThat(b.low()).isEqualTo(4);
        assertThat(b.percentLow()).isEqualTo("66.67");
        assertThat(b.dismissal()).isTrue();
        ConfidenceResult.Line a = r.lines().get(0);
        assertThat(a.valid()).isEqualTo(5);
        assertThat(a.invalid()).isEqualTo(1);
        assertThat(a.high()).isEqualTo(4);
        assertThat(a.percentHigh()).isEqualTo("66.67");
        assertThat(a.percentConfidence()).isEqualTo("16.67");
        assertThat(a.percentLow()).isEqualTo("0.00");
    }

    @Test
    void aLowShareOfValidLinesIsNotEnoughWithoutItsShareOfBallotsCollected() {
        // 10 collected, 4 wholly invalid: a is rated low on 4 of 6 valid lines (2/3) but on 4 of 10 collected.
        List<ConfidenceTally.Ballot> ballots = new ArrayList<>(times(4, ballot(LOW, HIGH, HIGH)));
        ballots.addAll(times(2, ballot(HIGH, HIGH, HIGH)));
        ballots.addAll(times(4, ConfidenceTally.Ballot.notIssued()));
        ConfidenceResult.Line a = ConfidenceTally.count(LIST, 10, ballots, HALF, TWO_THIRDS).lines().get(0);
        assertThat(a.percentLow()).isEqualTo("40.00");
        assertThat(a.review()).isFalse();
        assertThat(a.dismissal()).isFalse();
    }

    @Test
    void anElectronicBallotLeavingSomeoneUnratedGivesHimAnInvalidLine() {
        List<RatingLine> lines = ConfidenceBallotRules.electronic(List.of(new RatingLine("c", LOW, null), new RatingLine("a", HIGH, null)), LIST);
        assertThat(lines).containsExactly(RatingLine.rated("a", HIGH), RatingLine.invalid("b", LineInvalidReason.NO_LEVEL),
                RatingLine.rated("c", LOW));
    }

    @Test
    void anElectronicBallotNamingSomeoneOffTheListOrTwiceIsRefused() {
        assertThatThrownBy(() -> ConfidenceBallotRules.electronic(List.of(new RatingLine("z", LOW, null)), LIST))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.type()).isEqualTo("invalid-confidence-ballot-name-not-listed");
                    assertThat(v.ruleId()).isEqualTo("R-62");
                });
        assertThatThrownBy(() -> ConfidenceBallotRules.electronic(List.of(new RatingLine("a", LOW, null), new RatingLine("a", HIGH, null)), LIST))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.type()).isEqualTo("invalid-confidence-ballot-name-twice"));
    }

    @Test
    void aPaperEntryGivesEveryListedPersonALineOrDeclaresTheWholeBallotNotIssued() {
        assertThat(ConfidenceBallotRules.paper(List.of(new RatingLine("a", HIGH, null), new RatingLine("b", null, LineInvalidReason.SEVERAL_LEVELS),
                new RatingLine("c", null, LineInvalidReason.NAME_STRUCK)), null, LIST)).hasSize(3);
        assertThat(ConfidenceBallotRules.paper(List.of(), InvalidReason.NOT_ISSUED, LIST)).isEmpty();
        assertThatThrownBy(() -> ConfidenceBallotRules.paper(List.of(new RatingLine("a", HIGH, null)), null, LIST))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.type()).isEqualTo("confidence-line-missing"));
        assertThatThrownBy(() -> ConfidenceBallotRules.paper(List.of(), InvalidReason.TOO_MANY_NAMES, LIST))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.ruleId()).isEqualTo("R-62"));
        assertThatThrownBy(() -> ConfidenceBallotRules.paper(List.of(new RatingLine("a", HIGH, LineInvalidReason.NO_LEVEL),
                new RatingLine("b", HIGH, null), new RatingLine("c", HIGH, null)), null, LIST))
                .as("a line is a level or a reason, not both").isInstanceOf(RuleViolation.class);
    }
}
