package vn.daihoi.election.infra;

import org.springframework.jdbc.core.JdbcTemplate;

import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ballot box's cache of open rounds (issue 13: split out of {@link JdbcBallotBox}). Bounded: open rounds are
 * forgotten when they close, and the memory of closed rounds keeps the latest {@value #CLOSED_REMEMBERED}.
 */
final class OpenRounds {

    private final JdbcTemplate jdbc;

    OpenRounds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a cast needs of an open, sealed round, read once per round and kept while it is open: the list, the
     * seats, the strike rule, the public key and the one length of its sealed ballots ({@code legacyKey}: a round
     * opened before ADR 0017, sealed under its own symmetric key). Closing forgets it ({@link #forget}); the
     * database, not this cache, decides whether the round is still open, because the casting statement checks it.
     */
    record OpenRound(List<String> candidates, Set<String> candidateSet, int seats, boolean strikeAllValid, boolean ratesEach,
                             PublicKey publicKey, int padded, byte[] legacyKey, java.util.concurrent.atomic.AtomicReference<RoundKey.DataKey> window) {

        /** The data key of the current window (ADR 0017), a fresh one when its window is over. */
        RoundKey.DataKey dataKey(SecureRandom random) {
            for (;;) {
                RoundKey.DataKey current = window.get();
                if (current != null && current.claim()) return current;
                RoundKey.DataKey fresh = RoundKey.dataKey(publicKey, random);
                if (window.compareAndSet(current, fresh) && fresh.claim()) return fresh;
            }
        }
    }

    private final Map<String, OpenRound> openRounds = new ConcurrentHashMap<>();
    /**
     * Rounds closed lately, so that a cast racing the close cannot load the round again; bounded: a round closed
     * {@value #CLOSED_REMEMBERED} closes ago is long past any cast in flight (its row is closed in the database too).
     */
    private static final int CLOSED_REMEMBERED = 10_000;
    private final Set<String> closedRounds = java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(
            new java.util.LinkedHashMap<String, Boolean>(256, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > CLOSED_REMEMBERED;
                }
            }));

    static String ref(String electionId, int round) {
        return electionId + "#" + round;
    }

    /** The open, sealed round as a cast needs it, or empty when it is not open (or not yet sealed). */
    Optional<OpenRound> find(String electionId, int round) {
        String ref = ref(electionId, round);
        OpenRound known = openRounds.get(ref);
        if (known != null || closedRounds.contains(ref)) return Optional.ofNullable(known);
        Optional<OpenRound> loaded = jdbc.query("""
                        select r.candidate_ids, r.seats, r.strike_all_valid, k.key_bytes, r.rates_each, k.public_key, k.padded_length
                        from ballot_round r join ballot_round_key k on k.election_id = r.election_id and k.round = r.round
                        where r.election_id = ? and r.round = ? and r.open and r.sealed""",
                (rs, i) -> {
                    List<String> candidates = List.of((String[]) rs.getArray(1).getArray());
                    byte[] pub = rs.getBytes(6);
                    return new OpenRound(candidates, Set.copyOf(candidates), rs.getInt(2), rs.getBoolean(3), rs.getBoolean(5),
                            pub == null ? null : RoundKey.publicKey(pub), rs.getInt(7), rs.getBytes(4),
                            new java.util.concurrent.atomic.AtomicReference<>());
                }, electionId, round).stream().findFirst();
        loaded.ifPresent(o -> {
            openRounds.put(ref, o);
            // A close that began meanwhile has already forgotten the round; forget it again.
            if (closedRounds.contains(ref)) openRounds.remove(ref);
        });
        return loaded;
    }

    /** A close or a void forgets the round; should its transaction roll back, the round may be read again. */
    void forget(String electionId, int round) {
        String ref = ref(electionId, round);
        closedRounds.add(ref);
        openRounds.remove(ref);
        JdbcBallotBox.afterRollback(() -> closedRounds.remove(ref)); // the close did not happen
    }

    /** How many rounds are held open in memory (tests). */
    int size() {
        return openRounds.size();
    }
}
