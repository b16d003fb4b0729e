package vn.daihoi.election;

import org.junit.jupiter.api.Test;
import vn.daihoi.congress.Fraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** on hand-counted examples, including the domain guide's edge cases. */
class TallyTest {

    private static final Fraction HALF = new Fraction(1, 2);
    private static final List<String> SEVEN = List.of("a", "b", "c", "d", "e", "f", "g");

    private static List<Tally.Ballot> ballots(int n, Set<String> kept) {
        List<Tally.Ballot> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(Tally.Ballot.valid(kept));
        return out;
    }

    @Test
    void moreThanHalfOfValidBallotsIsNotEnoughWithoutMoreThanHalfOfBallotsCollected() {
        // Edge case 7: 10 collected, 4 invalid; "a" has 5 of 6 valid ballots but only 5 of 10 collected.
        List<Tally.Ballot> b = ballots(5, Set.of("a"));
        b.add(Tally.Ballot.valid(Set.of("b")));
        for (int i = 0; i < 4; i++) b.add(Tally.Ballot.invalid(InvalidReason.TOO_MANY_NAMES));
        RoundResult r = Tally.count(List.of("a", "b"), 1, b, HALF);
        assertThat(r.collected()).isEqualTo(10);
        assertThat(r.valid()).isEqualTo(6);
        assertThat(r.electedCandidateIds()).isEmpty();
        assertThat(r.lines().get(0).outcome()).isEqualTo(Outcome.BELOW_THRESHOLD);
        assertThat(r.lines().get(0).percentOfCollected()).isEqualTo("50.00");
        assertThat(r.vacancies()).isEqualTo(1);
    }

    @Test
    void aTieAtTheLastSeatElectsNoneOfTheTiedAndAsksForATieRound() {
        // 2 seats, 9 ballots: a 7, b 5, c 5 → a elected; b and c tied above the threshold for one seat.
        List<Tally.Ballot> ballots = new ArrayList<>(ballots(3, Set.of("a", "b")));
        ballots.addAll(ballots(3, Set.of("a", "c")));
        ballots.addAll(ballots(2, Set.of("b", "c")));
        ballots.add(Tally.Ballot.valid(Set.of("a")));
        RoundResult r = Tally.count(List.of("a", "b", "c"), 2, ballots, HALF);
        assertThat(r.electedCandidateIds()).containsExactly("a");
        assertThat(r.tiedCandidateIds()).containsExactly("b", "c");
        assertThat(r.tieSeats()).isEqualTo(1);
        assertThat(r.needsTieRound()).isTrue();
    }

    @Test
    void seatsAreFilledFromTheHighestCountDown() {
        List<Tally.Ballot> b = new ArrayList<>();
        b.addAll(ballots(30, Set.of("a", "b", "c", "d", "e")));
        b.addAll(ballots(10, Set.of("a", "b", "c", "f", "g")));
        b.addAll(ballots(5, Set.of("f", "g")));
        RoundResult r = Tally.count(SEVEN, 5, b, HALF);
        assertThat(r.collected()).isEqualTo(45);
        assertThat(r.electedCandidateIds()).containsExactly("a", "b", "c", "d", "e");
        assertThat(r.lines()).filteredOn(l -> l.candidateId().equals("f"))
                .singleElement().satisfies(l -> assertThat(l.outcome()).isEqualTo(Outcome.BELOW_THRESHOLD));
        assertThat(r.lines().get(0).percentOfCollected()).isEqualTo("88.89");
    }

    @Test
    void aOneNameBallotLeftUnmarkedOrStruckIsValid() {
        // Edge case 8: single seat, one candidate; kept or struck, both valid (strike-all allowed by default).
        assertThat(BallotRules.check(Set.of("a"), Set.of("a"), 1, true)).isEmpty();
        assertThat(BallotRules.check(Set.of(), Set.of("a"), 1, true)).isEmpty();
        assertThat(BallotRules.check(Set.of(), Set.of("a"), 1, false)).contains(InvalidReason.NOTHING_KEPT);
    }

    @Test
    void aBallotKeepingMoreNamesThanSeatsOrAnUnlistedNameIsInvalid() {
        assertThat(BallotRules.check(Set.of("a", "b", "c", "d", "e", "f"), Set.copyOf(SEVEN), 5, true)).contains(InvalidReason.TOO_MANY_NAMES);
        assertThat(BallotRules.check(Set.of("a", "zz"), Set.copyOf(SEVEN), 5, true)).contains(InvalidReason.NAME_ADDED);
    }
}
