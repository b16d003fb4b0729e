package vn.daihoi.election;

import java.util.List;

/**
 * The electronic ballot box of a round (R-23, R-29, ADR 0008 and 0017). It keeps who took part apart from what was
 * cast, and it cannot open what it keeps: ballots are sealed under a public key whose private half exists only as
 * k-of-n shares of the counting committee. The box takes ballots once every member holds his share (it is then
 * "sealed", as a paper box is shown empty and sealed before the vote), and opens only when k members present theirs.
 */
public interface BallotBox {

    /**
     * A round opens: its candidates and seats, its frozen roll of voters, and a fresh key split among the counting
     * committee's members ({@code holders}, person ids), {@code sharesNeeded} of whom open the box. {@code kind}:
     * strike-out, or rating (a confidence round, R-60), whose ballots rate every listed person instead of keeping names.
     */
    KeyFacts prepare(String electionId, int round, List<String> candidateIds, int seats, boolean strikeAllValid, BallotKind kind,
                     List<String> voters, List<String> holders, int sharesNeeded);

    void addVoter(String electionId, int round, String delegateId);

    /** the voter votes on paper; refused if he has voted electronically. */
    void markPaper(String electionId, int round, String delegateId);

    /**
     * A member takes his share, once. When the shares of an unsealed box were lost with the server's memory (a
     * restart before every member took his), the box is keyed afresh first: nothing was cast under the old key.
     */
    ShareSlip takeShare(String electionId, int round, String holderPersonId);

    /** Casts one ballot, or answers the same receipt again for a retried request with the same idempotency key. */
    CastBallotCommand.Receipt cast(CastBallotCommand ballot);

    /**
     * Closes the box and opens it with the presented shares: no ballot enters afterwards. Refused, changing
     * nothing, unless {@code sharesNeeded} distinct shares issued for this round's key are presented. Participants
     * sorted by id; ballots sorted by content.
     */
    Closed close(String electionId, int round, List<String> shares);

    /** A round void for lost shares: the box is closed and its ballots destroyed unopened; returns how many voted. */
    int discard(String electionId, int round);

    /** {@code participants}: who voted electronically; {@code rollSize}: voters on the round's roll;
     *  {@code presentedBy}: the members whose shares opened the box. */
    record Closed(List<String> participants, List<PublishedBallot> ballots, int rollSize, List<String> presentedBy) {
        public Closed(List<String> participants, List<PublishedBallot> ballots, int rollSize) {
            this(participants, ballots, rollSize, List.of());
        }
    }

    /** The round's public key as published, its fingerprint, the members holding shares and how many open the box. */
    record KeyFacts(String fingerprint, String publicKey, List<String> holders, int sharesNeeded) {}

    /** What a member receives: his share code, printed on his sheet. {@code sealedNow}: his was the last share. */
    record ShareSlip(String holderPersonId, int index, String code, String fingerprint, int sharesNeeded, int holders,
                     boolean sealedNow, KeyFacts rekeyed) {
        @Override
        public String toString() {
            return "ShareSlip[" + index + " of " + holders + "]";
        }
    }
}
