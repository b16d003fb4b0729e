package vn.daihoi.election;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import vn.daihoi.congress.Fraction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of counting over random rounds: candidates, seats and ballots, invalid ones included. */
class TallyPropertyTest {

    private static final Fraction HALF = new Fraction(1, 2);

    record Round(List<String> candidates, int seats, List<Tally.Ballot> ballots) {}

    @Provide
    Arbitrary<Round> rounds() {
        return Combinators.combine(Arbitraries.integers().between(1, 9), Arbitraries.integers().between(1, 9),
                Arbitraries.integers().between(0, 120), Arbitraries.longs()).as((n, s, voters, seed) -> {
            List<String> candidates = new ArrayList<>();
            for (int i = 0; i < n; i++) candidates.add("c" + i);
            int seats = Math.min(s, n);
            Random random = new Random(seed);
            List<Tally.Ballot> ballots = new ArrayList<>();
            for (int v = 0; v < voters; v++) {
                if (random.nextInt(10) == 0) {
                    ballots.add(Tally.Ballot.invalid(InvalidReason.values()[random.nextInt(InvalidReason.values().length)]));
                    continue;
                }
                // Voters favour the first names a little, so ties and thresholds both happen.
                Set<String> kept = new HashSet<>();
                for (String c : candidates) if (kept.size() < seats && random.nextInt(candidates.size() + 2) < seats + 1) kept.add(c);
                ballots.add(Tally.Ballot.valid(kept));
            }
            return new Round(candidates, seats, ballots);
        });
    }

    @Property(tries = 500)
    void seatsFilledNeverExceedSeats(@ForAll("rounds") Round round) {
        RoundResult r = Tally.count(round.candidates(), round.seats(), round.ballots(), HALF);
        // The generator must produce the interesting cases too: elections, vacancies and tie rounds.
        Statistics.label("tie round").collect(r.needsTieRound());
        Statistics.label("someone elected").collect(!r.electedCandidateIds().isEmpty());
        Statistics.label("vacancy").collect(r.vacancies() > 0);
        assertThat(r.electedCandidateIds().size() + r.tieSeats()).isLessThanOrEqualTo(round.seats());
        assertThat(r.electedCandidateIds().size() + r.vacancies()).isEqualTo(round.seats());
    }

    @Property(tries = 500)
    void everyElectedCandidateHasMoreThanHalfOfTheBallotsCollected(@ForAll("rounds") Round round) {
        RoundResult r = Tally.count(round.candidates(), round.seats(), round.ballots(), HALF);
        r.lines().stream().filter(l -> l.outcome() == Outcome.ELECTED)
                .forEach(l -> assertThat(2L * l.votes()).isGreaterThan(r.collected()));
    }

    @Property(tries = 500)
    void tiesAreNeverBrokenSilently(@ForAll("rounds") Round round) {
        RoundResult r = Tally.count(round.candidates(), round.seats(), round.ballots(), HALF);
        // No elected candidate has a vote count equal to one who is above the threshold but not elected,
        // unless the latter is flagged as tied for the last seat.
        for (RoundResult.Line e : r.lines()) {
            if (e.outcome() != Outcome.ELECTED) continue;
            for (RoundResult.Line o : r.lines()) {
                if (o.outcome() == Outcome.NO_SEAT_LEFT) assertThat(o.votes()).isLessThan(e.votes());
            }
        }
        if (r.needsTieRound()) {
            assertThat(r.tiedCandidateIds().size()).isGreaterThan(r.tieSeats());
            assertThat(r.lines().stream().filter(l -> r.tiedCandidateIds().contains(l.candidateId())).map(RoundResult.Line::votes)
                    .distinct().count()).isEqualTo(1);
        }
    }

    @Property(tries = 300)
    void recountingTheBallotsInAnyOrderReproducesTheResult(@ForAll("rounds") Round round, @ForAll long seed) {
        RoundResult first = Tally.count(round.candidates(), round.seats(), round.ballots(), HALF);
        List<Tally.Ballot> shuffled = new ArrayList<>(round.ballots());
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(Tally.count(round.candidates(), round.seats(), shuffled, HALF)).isEqualTo(first);
    }
}
