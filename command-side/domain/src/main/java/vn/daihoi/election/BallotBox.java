package vn.daihoi.election;

import java.util.List;

/**
 * The electronic ballot box of a round (R-23, ADR 0008). It keeps who took part apart from what was cast:
 * participation by voter, ballots sealed under a key of the round's own, with no id, time or order that
 * could match the two; at close the key is destroyed and the ballots come out sorted by content.
 */
public interface BallotBox {

    /**
     * A round opens: its candidates and seats, its frozen roll of voters, and a fresh key. {@code ratesEach}: a
     * confidence round, whose ballots rate every listed person instead of keeping names.
     */
    void prepare(String electionId, int round, List<String> candidateIds, int seats, boolean strikeAllValid, boolean ratesEach,
                 List<String> voters);

    void addVoter(String electionId, int round, String delegateId);

    /** the voter votes on paper; refused if he has voted electronically. */
    void markPaper(String electionId, int round, String delegateId);

    /** Casts one ballot, or answers the same receipt again for a retried request with the same idempotency key. */
    CastBallotCommand.Receipt cast(CastBallotCommand ballot);

    /** Closes the box: no ballot enters afterwards. Participants sorted by id; ballots sorted by content. */
    Closed close(String electionId, int round);

    /** {@code participants}: who voted electronically; {@code rollSize}: voters on the round's roll. */
    record Closed(List<String> participants, List<PublishedBallot> ballots, int rollSize) {}
}
