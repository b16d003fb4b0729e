package vn.daihoi.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.daihoi.confidence.ConfidenceLevel;
import vn.daihoi.confidence.ConfidenceResult;
import vn.daihoi.confidence.ConfidenceRoundCounted;
import vn.daihoi.confidence.ConfidenceTally;
import vn.daihoi.confidence.LineInvalidReason;
import vn.daihoi.confidence.RatingLine;
import vn.daihoi.congress.Attendance;
import vn.daihoi.congress.Fraction;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.election.BallotAccounting;
import vn.daihoi.election.CandidateListApproved;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionOpened;
import vn.daihoi.election.InvalidReason;
import vn.daihoi.election.PublishedBallot;
import vn.daihoi.election.RoundClosed;
import vn.daihoi.election.RoundCounted;
import vn.daihoi.election.RoundOpened;
import vn.daihoi.election.RoundResult;
import vn.daihoi.election.Tally;
import vn.daihoi.verifier.Elections;
import vn.daihoi.verifier.Event;
import vn.daihoi.verifier.Finding;
import vn.daihoi.verifier.Recount;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, acceptance 4: the independent verifier's recount agrees with the product's count on 200 random rounds.
 * The product counts as {@code ElectionAggregate} does when a round closes ({@code Tally.count} with the tie-round
 * threshold for a later round among part of the list, {@code ConfidenceTally.count}); its events are written with
 * the event store's own mapper; the verifier reads only those bytes. The generator leans on the edges — block votes
 * that tie, even ballot counts at a 1/2 threshold — and the test proves it reached them, so a miscount on either
 * side at a tie or exactly at a threshold cannot pass unseen. Seed: {@code -Dverifier.seed=…} (printed).
 */
class VerifierRecountPropertyTest {

    private static final ObjectMapper STORE = EventStoreConfiguration.storeMapper();
    private static final List<Fraction> SHARES = List.of(new Fraction(1, 2), new Fraction(1, 2), new Fraction(1, 2), new Fraction(2, 3),
            new Fraction(1, 3), new Fraction(3, 5), new Fraction(3, 4), new Fraction(0, 1), new Fraction(1, 1));

    private final Random random = new Random(Long.getLong("verifier.seed", 20261206L));
    private int ties;
    private int exactlyAtThreshold;
    private int tieRounds;
    private int confidenceVotes;
    private int flagsExactlyAtShare;
    private int empty;

    @Test
    void theVerifiersRecountAgreesWithTheProductsCountOn200RandomRounds() throws Exception {
        System.out.println("VerifierRecountPropertyTest seed = " + Long.getLong("verifier.seed", 20261206L));
        for (int i = 0; i < 200; i++) {
            String electionId = "election-" + i;
            List<Event> events = random.nextInt(4) == 0 ? confidenceVote(electionId) : election(electionId);

            List<Finding> findings = new ArrayList<>();
            Elections.Election election = Elections.read(events, findings).get(electionId);
            Elections.Round round = election.rounds.values().iterator().next();
            Recount.Result recount = Recount.of(election, round);
            JsonNode stated = round.counted.get("result");

            assertThat(findings).as("case %d", i).isEmpty();
            assertThat(recount.problems()).as("case %d: ballots the verifier finds against the rules", i).isEmpty();
            assertThat(recount.result()).as("case %d: the verifier's recount against the product's count %s", i, stated).isEqualTo(stated);
        }
        System.out.printf("ties %d, exactly at threshold %d, tie rounds %d, confidence votes %d, flags exactly at share %d, empty %d%n",
                ties, exactlyAtThreshold, tieRounds, confidenceVotes, flagsExactlyAtShare, empty);
        // The random rounds reached the edges where a miscount would show.
        assertThat(ties).as("rounds with a tie at the last seat").isGreaterThanOrEqualTo(5);
        assertThat(exactlyAtThreshold).as("rounds with a candidate exactly at the threshold").isGreaterThanOrEqualTo(5);
        assertThat(tieRounds).as("tie rounds among part of the list").isGreaterThanOrEqualTo(5);
        assertThat(confidenceVotes).as("confidence votes").isGreaterThanOrEqualTo(20);
        assertThat(flagsExactlyAtShare).as("confidence lines with low votes exactly at the review or dismissal share").isGreaterThanOrEqualTo(5);
        assertThat(empty).as("rounds with no ballot").isGreaterThanOrEqualTo(1);
    }

    // ---- elections ------------------------------------------------------------------------------------------

    private List<Event> election(String electionId) throws Exception {
        RuleProfile profile = profile(share(), share(), random.nextBoolean(), share(), share());
        List<String> approved = ids("cand", 3 + random.nextInt(10));
        int roundNumber = 1;
        List<String> candidates = approved;
        int kind = random.nextInt(5);
        if (kind == 0) {
            roundNumber = 2; // another round among the whole list (nobody was elected before)
        } else if (kind == 1) {
            roundNumber = 2 + random.nextInt(2); // a tie round among part of the list
            List<String> part = new ArrayList<>(approved);
            Collections.shuffle(part, random);
            Set<String> chosen = new HashSet<>(part.subList(0, 1 + random.nextInt(approved.size() - 1)));
            candidates = approved.stream().filter(chosen::contains).toList();
        }
        int seats = 1 + random.nextInt(candidates.size());
        List<PublishedBallot> ballots = electionBallots(candidates, seats, profile.strikeAllValid());

        // As ElectionAggregate counts a closing round:
        boolean tieRound = roundNumber > 1 && !candidates.containsAll(approved);
        Fraction threshold = tieRound ? profile.tieRoundThreshold() : profile.electionThreshold();
        RoundResult result = Tally.count(candidates, seats, ballots.stream()
                .map(b -> b.invalid() != null ? Tally.Ballot.invalid(b.invalid()) : Tally.Ballot.valid(Set.copyOf(b.keptCandidateIds())))
                .toList(), threshold);

        if (tieRound) tieRounds++;
        if (!result.tiedCandidateIds().isEmpty()) ties++;
        if (ballots.isEmpty()) empty++;
        if (result.collected() > 0 && result.lines().stream()
                .anyMatch(l -> (long) l.votes() * threshold.denominator() == (long) result.collected() * threshold.numerator())) {
            exactlyAtThreshold++;
        }
        return stream(electionId, ElectedBody.EXECUTIVE_COMMITTEE, profile, approved, roundNumber, candidates, seats, ballots,
                new RoundCounted(electionId, roundNumber, result, ballots));
    }

    private List<PublishedBallot> electionBallots(List<String> candidates, int seats, boolean strikeAllValid) {
        int n = random.nextInt(10) == 0 ? 0 : random.nextInt(81);
        // Block voting (a few slates repeated) makes equal counts, hence ties, common.
        List<List<String>> slates = new ArrayList<>();
        for (int s = 0; s < 1 + random.nextInt(3); s++) slates.add(kept(candidates, seats));
        int mode = random.nextInt(3);
        // Rotation: ballots cycle through windows of {@code seats} names over a group larger than the seats, so the
        // group's members end level, at or above half: a tie at the last seat, or exactly at the threshold.
        int group = Math.min(candidates.size(), seats + 1 + random.nextInt(seats));
        if (mode == 2 && group > seats) {
            slates.clear();
            for (int w = 0; w < group; w++) {
                Set<String> window = new HashSet<>();
                for (int k = 0; k < seats; k++) window.add(candidates.get((w + k) % group));
                slates.add(candidates.stream().filter(window::contains).toList());
            }
        }
        boolean blocks = mode > 0;
        List<PublishedBallot> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean paper = random.nextInt(3) == 0;
            String code = paper ? "P%04d".formatted(i + 1) : "E-" + Long.toHexString(random.nextLong());
            if (random.nextInt(8) == 0) {
                InvalidReason reason = InvalidReason.values()[random.nextInt(InvalidReason.values().length)];
                List<String> kept = reason == InvalidReason.TOO_MANY_NAMES ? candidates : List.of();
                out.add(new PublishedBallot(code, kept, reason, paper));
                continue;
            }
            List<String> kept = mode == 2 ? slates.get(i % slates.size()) : blocks ? slates.get(random.nextInt(slates.size())) : kept(candidates, seats);
            if (kept.isEmpty() && !strikeAllValid) {
                out.add(new PublishedBallot(code, List.of(), InvalidReason.NOTHING_KEPT, paper));
            } else {
                out.add(new PublishedBallot(code, kept, null, paper));
            }
        }
        out.sort(PublishedBallot.CONTENT_ORDER);
        return out;
    }

    /** Up to {@code seats} names, kept in ballot order. */
    private List<String> kept(List<String> candidates, int seats) {
        List<String> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled, random);
        Set<String> chosen = new HashSet<>(shuffled.subList(0, random.nextInt(seats + 1)));
        return candidates.stream().filter(chosen::contains).toList();
    }

    // ---- confidence votes -----------------------------------------------------------------------------------

    private List<Event> confidenceVote(String electionId) throws Exception {
        confidenceVotes++;
        RuleProfile profile = profile(share(), share(), true, share(), share());
        List<String> listed = ids("official", 3 + random.nextInt(10));
        int n = random.nextInt(10) == 0 ? 0 : random.nextInt(81);
        List<List<RatingLine>> slates = List.of(ratings(listed), ratings(listed));
        boolean blocks = random.nextBoolean();
        List<PublishedBallot> ballots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean paper = random.nextInt(3) == 0;
            String code = paper ? "P%04d".formatted(i + 1) : "E-" + Long.toHexString(random.nextLong());
            if (random.nextInt(10) == 0) {
                ballots.add(new PublishedBallot(code, List.of(), InvalidReason.NOT_ISSUED, paper, null));
            } else {
                ballots.add(new PublishedBallot(code, List.of(), null, paper, blocks ? slates.get(random.nextInt(2)) : ratings(listed)));
            }
        }
        ballots.sort(PublishedBallot.CONTENT_ORDER);
        int notReturned = random.nextInt(3);

        // As ElectionAggregate counts a closing confidence round:
        ConfidenceResult result = ConfidenceTally.count(listed, ballots.size() + notReturned, ballots.stream()
                .map(b -> b.invalid() != null ? ConfidenceTally.Ballot.notIssued() : ConfidenceTally.Ballot.of(b.ratings())).toList(),
                profile.confidenceReview(), profile.confidenceDismissal());

        if (ballots.isEmpty()) empty++;
        int collected = result.collected();
        if (collected > 0 && result.lines().stream().anyMatch(l ->
                (long) l.low() * profile.confidenceReview().denominator() == (long) collected * profile.confidenceReview().numerator()
                        || (long) l.low() * profile.confidenceDismissal().denominator() == (long) collected * profile.confidenceDismissal().numerator())) {
            flagsExactlyAtShare++;
        }
        return stream(electionId, ElectedBody.CONFIDENCE_VOTE, profile, listed, 1, listed, listed.size(), ballots,
                new ConfidenceRoundCounted(electionId, 1, result, ballots), notReturned);
    }

    private List<RatingLine> ratings(List<String> listed) {
        List<RatingLine> lines = new ArrayList<>();
        for (String id : listed) {
            if (random.nextInt(6) == 0) {
                lines.add(RatingLine.invalid(id, LineInvalidReason.values()[random.nextInt(LineInvalidReason.values().length)]));
            } else {
                // Low confidence is common enough to reach the review and dismissal shares.
                lines.add(RatingLine.rated(id, ConfidenceLevel.values()[random.nextInt(3)]));
            }
        }
        return lines;
    }

    // ---- the events as the store writes them ----------------------------------------------------------------

    private List<Event> stream(String electionId, ElectedBody body, RuleProfile profile, List<String> approved, int roundNumber,
                               List<String> candidates, int seats, List<PublishedBallot> ballots, Object counted) throws Exception {
        return stream(electionId, body, profile, approved, roundNumber, candidates, seats, ballots, counted, 0);
    }

    private List<Event> stream(String electionId, ElectedBody body, RuleProfile profile, List<String> approved, int roundNumber,
                               List<String> candidates, int seats, List<PublishedBallot> ballots, Object counted, int notReturned)
            throws Exception {
        int paper = (int) ballots.stream().filter(PublishedBallot::paper).count();
        int electronic = ballots.size() - paper;
        List<String> participants = ids("delegate", electronic);
        List<Object> payloads = new ArrayList<>(List.of(
                new ElectionOpened(electionId, "congress-1", "unit-1", body, body.vietnamese(), seats, profile),
                new CandidateListApproved(electionId, "decision-1", null, approved),
                new RoundOpened(electionId, roundNumber, candidates, seats, participants, new Attendance(electronic, electronic, true), null, null),
                new RoundClosed(electionId, roundNumber, participants, electronic, paper,
                        new BallotAccounting(ballots.size() + notReturned, ballots.size(), 0, notReturned, paper, paper,
                                electronic + notReturned, electronic), null),
                counted));
        List<Event> events = new ArrayList<>();
        for (Object payload : payloads) {
            long i = events.size();
            events.add(new Event(i + 1, electionId + "-" + i, electionId, i, "ElectionAggregate", "2026-12-06T08:00:00Z",
                    payload.getClass().getName(), "1", STORE.writeValueAsBytes(payload), null, "", null));
        }
        return events;
    }

    private RuleProfile profile(Fraction election, Fraction tieRound, boolean strikeAllValid, Fraction review, Fraction dismissal) {
        RuleProfile d = RuleProfiles.UNION_DEFAULT;
        return new RuleProfile("random", d.nameVi(), d.nameEn(), d.source(), d.quorum(), d.showOfHandsMajority(), d.minimumSurplus(),
                d.surplusCapShare(), d.smallCommitteeSurplusCap(), election, tieRound, strikeAllValid, d.doubleEntry(), review, dismissal,
                d.branchAdditionsCap(), d.higherAdditionsCap(), d.maxTermShiftMonths(), d.sealedBallotMonths(), d.confidenceQuorum());
    }

    private Fraction share() {
        if (random.nextInt(4) > 0) return SHARES.get(random.nextInt(SHARES.size()));
        int den = 1 + random.nextInt(12);
        return new Fraction(random.nextInt(den + 1), den);
    }

    private List<String> ids(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(prefix + "-" + Long.toHexString(random.nextLong()));
        return out;
    }

}
