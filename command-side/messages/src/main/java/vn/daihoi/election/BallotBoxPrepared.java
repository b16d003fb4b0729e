package vn.daihoi.election;

import java.util.List;

/**
 * ADR 0017: the round's ballot box has its key — published here as its public key (base64 X.509) and fingerprint —
 * whose opening seed is split among {@code shareHolderPersonIds}, {@code sharesNeeded} of whom open the box. A box
 * keyed afresh before it was sealed (its shares lost with a restart) has this event again with the new key.
 */
public record BallotBoxPrepared(String electionId, int round, String keyFingerprint, String publicKey,
                                List<String> shareHolderPersonIds, int sharesNeeded) implements ElectionEvent {
}
