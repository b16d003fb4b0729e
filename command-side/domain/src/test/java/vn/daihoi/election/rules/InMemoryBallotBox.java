package vn.daihoi.election.rules;

import vn.daihoi.common.RuleViolation;
import vn.daihoi.confidence.ConfidenceBallotRules;
import vn.daihoi.confidence.RatingLine;
import vn.daihoi.election.BallotBox;
import vn.daihoi.election.BallotRules;
import vn.daihoi.election.CastBallotCommand;
import vn.daihoi.election.PublishedBallot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An electronic ballot box in memory, for fixture tests of the election aggregate: the contract of {@link BallotBox}
 * without sealing (a share is the text {@code share:<person id>}). It refuses what the real box refuses before a
 * ballot counts — a voter off the roll, with a paper ballot, or voting twice; a ballot rejects — and it
 * hands back its ballots and participants in the order they were cast, the worst order a box could give, so that
 * the tests show the aggregate itself records nothing in an order that links a voter to a ballot.
 * The real box ({@code JdbcBallotBox}) is proven through the API on PostgreSQL.
 */
public final class InMemoryBallotBox implements BallotBox {

    /** One round's box. */
    public static final class Box {
        List<String> candidates;
        int seats;
        boolean strikeAllValid;
        boolean ratesEach;
        final Set<String> voters = new LinkedHashSet<>();
        final Set<String> paper = new HashSet<>();
        final List<String> participants = new ArrayList<>();
        final List<PublishedBallot> ballots = new ArrayList<>();
        List<String> holders;
        int sharesNeeded;
        final Set<String> sharesTaken = new HashSet<>();
        boolean closed;
        boolean discarded;

        public Set<String> voters() { return Set.copyOf(voters); }
        public List<String> holders() { return holders; }
        public int sharesNeeded() { return sharesNeeded; }
    }

    private final Map<String, Box> boxes = new HashMap<>();
    private int tracking;

    private static String key(String electionId, int round) {
        return electionId + "/" + round;
    }

    public Box box(String electionId, int round) {
        Box b = boxes.get(key(electionId, round));
        if (b == null) throw RuleViolation.notFound("unknown-round", "round");
        return b;
    }

    private Box open(String electionId, int round) {
        Box b = box(electionId, round);
        if (b.closed) throw RuleViolation.conflict("round-closed", "R-29", "round");
        return b;
    }

    @Override
    public KeyFacts prepare(String electionId, int round, List<String> candidateIds, int seats, boolean strikeAllValid, vn.daihoi.election.BallotKind kind,
                            List<String> voters, List<String> holders, int sharesNeeded) {
        Box b = new Box();
        b.candidates = List.copyOf(candidateIds);
        b.seats = seats;
        b.strikeAllValid = strikeAllValid;
        b.ratesEach = kind.ratesEach();
        b.voters.addAll(voters);
        b.holders = List.copyOf(holders);
        b.sharesNeeded = sharesNeeded;
        boxes.put(key(electionId, round), b);
        return facts(electionId, round, b);
    }

    private static KeyFacts facts(String electionId, int round, Box b) {
        return new KeyFacts("FAKE-" + electionId + "-" + round, "in-memory", b.holders, b.sharesNeeded);
    }

    @Override
    public void addVoter(String electionId, int round, String delegateId) {
        open(electionId, round).voters.add(delegateId);
    }

    @Override
    public void markPaper(String electionId, int round, String delegateId) {
        Box b = open(electionId, round);
        if (b.participants.contains(delegateId)) {
            throw RuleViolation.conflict("voted-electronically", "R-29", "delegateId");
        }
        b.paper.add(delegateId);
    }

    @Override
    public ShareSlip takeShare(String electionId, int round, String holderPersonId) {
        Box b = open(electionId, round);
        if (!b.holders.contains(holderPersonId)) throw RuleViolation.conflict("not-a-share-holder", "R-23", "personId");
        if (!b.sharesTaken.add(holderPersonId)) throw RuleViolation.conflict("share-already-taken", "R-23", "personId");
        return new ShareSlip(holderPersonId, b.holders.indexOf(holderPersonId) + 1, "share:" + holderPersonId, facts(electionId, round, b).fingerprint(),
                b.sharesNeeded, b.holders.size(), b.sharesTaken.size() == b.holders.size(), null);
    }

    @Override
    public CastBallotCommand.Receipt cast(CastBallotCommand ballot) {
        Box b = open(ballot.electionId(), ballot.round());
        if (!b.voters.contains(ballot.delegateId())) throw RuleViolation.conflict("not-on-round-roll", "R-13", "delegateId");
        if (b.paper.contains(ballot.delegateId())) throw RuleViolation.conflict("paper-issued", "R-29", "delegateId");
        if (b.participants.contains(ballot.delegateId())) throw RuleViolation.conflict("already-voted", "R-23", "delegateId");
        String code = "E%05d".formatted(++tracking);
        if (b.ratesEach) {
            List<RatingLine> lines = ConfidenceBallotRules.electronic(ballot.ratings(), b.candidates);
            b.ballots.add(new PublishedBallot(code, List.of(), null, false, lines));
        } else {
            BallotRules.check(ballot.keptCandidateIds(), Set.copyOf(b.candidates), b.seats, b.strikeAllValid).ifPresent(reason -> {
                throw RuleViolation.invalid("invalid-ballot-" + reason.name().toLowerCase().replace('_', '-'), "R-25", "keptCandidateIds");
            });
            b.ballots.add(new PublishedBallot(code, b.candidates.stream().filter(ballot.keptCandidateIds()::contains).toList(), null, false));
        }
        b.participants.add(ballot.delegateId());
        return new CastBallotCommand.Receipt(code, false);
    }

    /** Casts one electronic ballot keeping these names. */
    public void vote(String electionId, int round, String delegateId, String... kept) {
        cast(new CastBallotCommand(electionId, round, delegateId, "idem-" + delegateId + "-0123456789", List.of(kept)));
    }

    /** Casts one electronic confidence ballot. */
    public void rate(String electionId, int round, String delegateId, List<RatingLine> ratings) {
        cast(new CastBallotCommand(electionId, round, delegateId, "idem-" + delegateId + "-0123456789", List.of(), ratings));
    }

    /** The shares of every holder, as the counting committee would present them. */
    public List<String> shares(String electionId, int round) {
        return box(electionId, round).holders.stream().map(h -> "share:" + h).toList();
    }

    @Override
    public Closed close(String electionId, int round, List<String> shares) {
        Box b = open(electionId, round);
        List<String> presentedBy = new ArrayList<>();
        for (String s : new LinkedHashSet<>(shares)) {
            String holder = s.startsWith("share:") ? s.substring("share:".length()) : null;
            if (holder == null || !b.holders.contains(holder)) throw RuleViolation.invalid("share-not-issued", "R-23", "shares");
            presentedBy.add(holder);
        }
        if (presentedBy.size() < b.sharesNeeded) {
            throw RuleViolation.conflict("shares-too-few", "R-23", "shares", b.sharesNeeded, presentedBy.size());
        }
        b.closed = true;
        return new Closed(List.copyOf(b.participants), List.copyOf(b.ballots), b.voters.size(), presentedBy.stream().sorted().toList());
    }

    @Override
    public int discard(String electionId, int round) {
        Box b = open(electionId, round);
        b.closed = true;
        b.discarded = true;
        int voted = b.participants.size();
        b.ballots.clear();
        return voted;
    }
}
