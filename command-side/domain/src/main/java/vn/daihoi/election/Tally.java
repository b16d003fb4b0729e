package vn.daihoi.election;

import vn.daihoi.congress.Fraction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counting one round. Pure: the same ballots in any order give the same result, which is what
 * lets anyone recount the published ballots.
 */
public final class Tally {
    private Tally() {}

    /** A collected ballot: the names it keeps, or, when invalid, why. */
    public record Ballot(Set<String> kept, InvalidReason invalid) {
        public static Ballot valid(Set<String> kept) {
            return new Ballot(Set.copyOf(kept), null);
        }

        public static Ballot invalid(InvalidReason reason) {
            return new Ballot(Set.of(), reason);
        }
    }

    /**
     * @param candidates the round's candidates, in ballot order; ties are listed in this order
     * @param seats      seats to fill in this round
     * @param ballots    every ballot collected, invalid ones included
     * @param threshold  share of ballots collected a candidate must exceed (R-26: 1/2)
     */
    public static RoundResult count(List<String> candidates, int seats, Collection<Ballot> ballots, Fraction threshold) {
        Map<String, Integer> votes = new HashMap<>();
        candidates.forEach(c -> votes.put(c, 0));
        int collected = ballots.size();
        int invalid = 0;
        for (Ballot b : ballots) {
            if (b.invalid() != null) {
                invalid++;
                continue;
            }
            for (String c : b.kept()) {
                if (!votes.containsKey(c)) throw new IllegalArgumentException("a valid ballot keeps a name not on the list");
                votes.merge(c, 1, Integer::sum);
            }
        }
        List<String> ranked = new ArrayList<>(candidates);
        ranked.sort(Comparator.comparing((String c) -> -votes.get(c)).thenComparing(candidates::indexOf));

        List<String> above = ranked.stream().filter(c -> threshold.exceededBy(votes.get(c), collected)).toList();
        List<String> elected = new ArrayList<>();
        List<String> tied = new ArrayList<>();
        int i = 0;
        while (i < above.size() && elected.size() < seats) {
            int v = votes.get(above.get(i));
            List<String> group = new ArrayList<>();
            while (i < above.size() && votes.get(above.get(i)) == v) group.add(above.get(i++));
            if (elected.size() + group.size() <= seats) {
                elected.addAll(group);
            } else {
                // more candidates tied at the last seat than seats left: no one of them is elected here.
                tied.addAll(group);
                break;
            }
        }
        int tieSeats = tied.isEmpty() ? 0 : seats - elected.size();
        List<RoundResult.Line> lines = new ArrayList<>();
        for (String c : ranked) {
            Outcome o;
            if (elected.contains(c)) o = Outcome.ELECTED;
            else if (tied.contains(c)) o = Outcome.TIED_FOR_LAST_SEAT;
            else if (above.contains(c)) o = Outcome.NO_SEAT_LEFT;
            else o = Outcome.BELOW_THRESHOLD;
            lines.add(new RoundResult.Line(c, votes.get(c), Percent.of(votes.get(c), collected), o));
        }
        return new RoundResult(seats, collected, collected - invalid, invalid, lines, List.copyOf(elected), List.copyOf(tied),
                tieSeats, seats - elected.size());
    }
}
