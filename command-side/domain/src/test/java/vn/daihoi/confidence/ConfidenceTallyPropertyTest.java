package vn.daihoi.confidence;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import vn.daihoi.congress.Fraction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the confidence count over random rounds, wholly invalid ballots and invalid lines included. */
class ConfidenceTallyPropertyTest {

    private static final Fraction HALF = new Fraction(1, 2);
    private static final Fraction TWO_THIRDS = new Fraction(2, 3);

    record Round(List<String> listed, List<ConfidenceTally.Ballot> ballots) {}

    @Provide
    Arbitrary<Round> rounds() {
        return Combinators.combine(Arbitraries.integers().between(1, 8), Arbitraries.integers().between(0, 90), Arbitraries.longs())
                .as((n, voters, seed) -> {
                    List<String> listed = new ArrayList<>();
                    for (int i = 0; i < n; i++) listed.add("o" + i);
                    Random random = new Random(seed);
                    // Some rounds lean low, so that every flag happens.
                    int lowBias = random.nextInt(4);
                    List<ConfidenceTally.Ballot> ballots = new ArrayList<>();
                    for (int v = 0; v < voters; v++) {
                        if (random.nextInt(15) == 0) {
                            ballots.add(ConfidenceTally.Ballot.notIssued());
                            continue;
                        }
                        List<RatingLine> lines = new ArrayList<>();
                        for (String id : listed) {
                            int x = random.nextInt(8 + lowBias * 3);
                            if (x == 0) lines.add(RatingLine.invalid(id, LineInvalidReason.values()[random.nextInt(3)]));
                            else if (x < 3) lines.add(RatingLine.rated(id, ConfidenceLevel.HIGH));
                            else if (x < 6) lines.add(RatingLine.rated(id, ConfidenceLevel.CONFIDENCE));
                            else lines.add(RatingLine.rated(id, ConfidenceLevel.LOW));
                        }
                        ballots.add(ConfidenceTally.Ballot.of(lines));
                    }
                    return new Round(listed, ballots);
                });
    }

    @Property(tries = 500)
    void everyPersonsLinesAddUpToTheBallotsCollected(@ForAll("rounds") Round round) {
        ConfidenceResult r = ConfidenceTally.count(round.listed(), round.ballots().size(), round.ballots(), HALF, TWO_THIRDS);
        assertThat(r.lines()).hasSize(round.listed().size());
        for (ConfidenceResult.Line l : r.lines()) {
            Statistics.label("flag").collect(l.dismissal() ? "dismissal" : l.review() ? "review" : "none");
            assertThat(l.valid() + l.invalid()).isEqualTo(r.collected());
            assertThat(l.high() + l.confidence() + l.low()).isEqualTo(l.valid());
            assertThat(l.invalid()).isGreaterThanOrEqualTo(r.wholeInvalid());
        }
    }

    @Property(tries = 500)
    void flagsFollowExactSharesOfBallotsCollectedAndDismissalIncludesReview(@ForAll("rounds") Round round) {
        ConfidenceResult r = ConfidenceTally.count(round.listed(), round.ballots().size(), round.ballots(), HALF, TWO_THIRDS);
        for (ConfidenceResult.Line l : r.lines()) {
            assertThat(l.review()).isEqualTo(2L * l.low() > r.collected() || (r.collected() > 0 && 3L * l.low() >= 2L * r.collected()));
            assertThat(l.dismissal()).isEqualTo(r.collected() > 0 && 3L * l.low() >= 2L * r.collected());
            if (l.dismissal()) assertThat(l.review()).isTrue();
            // Percentages are the one rounding of Percent: within half a hundredth of the exact share.
            if (r.collected() > 0) {
                BigDecimal exact = BigDecimal.valueOf(l.low() * 100L).divide(BigDecimal.valueOf(r.collected()), 10, java.math.RoundingMode.HALF_UP);
                assertThat(new BigDecimal(l.percentLow()).subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
            }
        }
    }

    @Property(tries = 200)
    void theOrderOfTheBallotsChangesNothing(@ForAll("rounds") Round round, @ForAll long seed) {
        List<ConfidenceTally.Ballot> shuffled = new ArrayList<>(round.ballots());
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(ConfidenceTally.count(round.listed(), 0, shuffled, HALF, TWO_THIRDS))
                .isEqualTo(ConfidenceTally.count(round.listed(), 0, round.ballots(), HALF, TWO_THIRDS));
    }
}
