package vn.daihoi.election.rules;

import org.junit.jupiter.api.Test;
import vn.daihoi.congress.Attendance;
import vn.daihoi.congress.Fraction;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.election.BallotBoxPrepared;
import vn.daihoi.election.Outcome;
import vn.daihoi.election.RoundCounted;
import vn.daihoi.election.RoundOpened;
import vn.daihoi.election.RoundResult;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.daihoi.election.rules.Refusals.only;
import static vn.daihoi.election.rules.Refusals.refusal;
import static vn.daihoi.election.rules.Scenario.COUNTING;
import static vn.daihoi.election.rules.Scenario.E;

/**
 * R-27, given / when / expect: a tie at the last seat above the threshold is re-voted among the tied candidates only,
 * for the seats the tie is for, and the tie round is counted with the profile's tie-round threshold; a seat it does
 * not fill stays vacant.
 */
class R27TieRoundTest {

    private static final List<String> VOTERS = List.of("d01", "d02", "d03", "d04", "d05", "d06", "d07", "d08", "d09");

    /** Round 1 for 2 seats among c1…c4: c1 has 8 of 9, c2 and c3 have 5 each — above half and tied for the last seat. */
    private static Scenario tieAfterRoundOne(RuleProfile profile) {
        Scenario s = new Scenario(profile, 2, 9, 9).candidates(4);
        var given = s.fixture.givenCommands(s.roundOneOpen("c1", "c2", "c3", "c4"));
        for (int i = 1; i <= 4; i++) s.box.vote(E, 1, Scenario.delegate(i), "c1", "c2");
        for (int i = 5; i <= 8; i++) s.box.vote(E, 1, Scenario.delegate(i), "c1", "c3");
        s.box.vote(E, 1, "d09", "c2", "c3");
        s.given = given.andGivenCommands(s.close(1));
        return s;
    }

    @Test
    void roundOneEndsInATieAtTheLastSeat() {
        Scenario s = new Scenario(RuleProfiles.UNION_DEFAULT, 2, 9, 9).candidates(4);
        var given = s.fixture.givenCommands(s.roundOneOpen("c1", "c2", "c3", "c4"));
        for (int i = 1; i <= 4; i++) s.box.vote(E, 1, Scenario.delegate(i), "c1", "c2");
        for (int i = 5; i <= 8; i++) s.box.vote(E, 1, Scenario.delegate(i), "c1", "c3");
        s.box.vote(E, 1, "d09", "c2", "c3");
        RoundResult r = only(Scenario.applied(given.when(s.close(1))), RoundCounted.class).result();
        assertThat(r.electedCandidateIds()).containsExactly("c1");
        assertThat(r.tiedCandidateIds()).containsExactly("c2", "c3");
        assertThat(r.tieSeats()).isEqualTo(1);
    }

    @Test
    void aTieRoundWithACandidateWhoWasNotTiedIsRefused() {
        Scenario s = tieAfterRoundOne(RuleProfiles.UNION_DEFAULT);
        s.given.when(s.round(2, "ds-tie", null, "c2", "c3", "c4"))
                .expectNoEvents()
                .expectException(refusal("tie-round-among-tied-only", "R-27"));
    }

    @Test
    void aTieRoundLeavingOutOneOfTheTiedIsRefused() {
        Scenario s = tieAfterRoundOne(RuleProfiles.UNION_DEFAULT);
        s.given.when(s.round(2, "ds-tie", null, "c2"))
                .expectNoEvents()
                .expectException(refusal("tie-round-among-tied-only", "R-27"));
    }

    @Test
    void aTieRoundForMoreSeatsThanTheTieIsRefused() {
        Scenario s = tieAfterRoundOne(RuleProfiles.UNION_DEFAULT);
        s.given.when(s.round(2, "ds-tie", 2, "c2", "c3"))
                .expectNoEvents()
                .expectException(refusal("invalid-seats", "R-27"));
    }

    @Test
    void theTieRoundAmongTheTiedIsOpenedForTheSeatTheTieIsFor() {
        Scenario s = tieAfterRoundOne(RuleProfiles.UNION_DEFAULT);
        s.given.when(s.round(2, "ds-tie", null, "c3", "c2"))
                .expectEvents(new RoundOpened(E, 2, List.of("c2", "c3"), 1, VOTERS, new Attendance(9, 9, true), "ds-tie",
                                Scenario.OPENED_AT.plusSeconds(3600)),
                        new BallotBoxPrepared(E, 2, "FAKE-" + E + "-2", "in-memory", COUNTING, 2));
    }

    @Test
    void theTieRoundIsCountedWithTheProfilesTieRoundThreshold() {
        // A profile whose tie round needs more than a third: c2's 4 of 9 elect him there, though not in an ordinary round.
        Scenario s = tieAfterRoundOne(Profiles.tieRoundThreshold(new Fraction(1, 3)));
        var tieRound = s.given.andGivenCommands(s.round(2, "ds-tie", null, "c2", "c3"));
        castTieRound(s);
        RoundResult r = only(Scenario.applied(tieRound.when(s.close(2))), RoundCounted.class).result();
        assertThat(r.electedCandidateIds()).containsExactly("c2");
        assertThat(r.vacancies()).isZero();
    }

    @Test
    void underTheUnionProfileTheTieRoundStillNeedsMoreThanHalfAndTheSeatStaysVacant() {
        Scenario s = tieAfterRoundOne(RuleProfiles.UNION_DEFAULT);
        var tieRound = s.given.andGivenCommands(s.round(2, "ds-tie", null, "c2", "c3"));
        castTieRound(s);
        RoundResult r = only(Scenario.applied(tieRound.when(s.close(2))), RoundCounted.class).result();
        assertThat(r.electedCandidateIds()).isEmpty();
        assertThat(r.lines()).extracting(RoundResult.Line::outcome).containsOnly(Outcome.BELOW_THRESHOLD);
        assertThat(r.vacancies()).isEqualTo(1);
    }

    /** Tie round, one seat: c2 4 votes, c3 3, two ballots strike both (valid, R-24). */
    private static void castTieRound(Scenario s) {
        for (int i = 1; i <= 4; i++) s.box.vote(E, 2, Scenario.delegate(i), "c2");
        for (int i = 5; i <= 7; i++) s.box.vote(E, 2, Scenario.delegate(i), "c3");
        s.box.vote(E, 2, "d08");
        s.box.vote(E, 2, "d09");
    }
}
