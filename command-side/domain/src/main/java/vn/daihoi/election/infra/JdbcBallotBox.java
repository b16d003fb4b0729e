package vn.daihoi.election.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.confidence.ConfidenceBallotRules;
import vn.daihoi.confidence.RatingLine;
import vn.daihoi.election.BallotBox;
import vn.daihoi.election.BallotRules;
import vn.daihoi.election.CastBallotCommand;
import vn.daihoi.election.InvalidReason;
import vn.daihoi.election.PublishedBallot;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ballot box (ADR 0008). Participation ({@code ballot_round_voter}) and ballots ({@code ballot_box}) share
 * no column: a ballot row has no id, no voter, no time, only bytes sealed under the round's key. The tracking
 * code is recomputed from that key for a retried request, so no record pairs voter and code. Closing empties
 * the box, destroys the key, forgets the idempotency hashes and vacuums, so that after the count not even row
 * versions sharing a transaction id remain.
 */
@Component
public class JdbcBallotBox implements BallotBox {

    private static final Logger log = LoggerFactory.getLogger(JdbcBallotBox.class);
    private static final char[] BASE32 = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper();

    public JdbcBallotBox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The sealed content: tracking code, kept names, and for a confidence ballot its rating lines (absent otherwise). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Sealed(String t, List<String> k, List<RatingLine> r) {}

    @Override
    public void prepare(String electionId, int round, List<String> candidateIds, int seats, boolean strikeAllValid, boolean ratesEach,
                        List<String> voters) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into ballot_round (election_id, round, candidate_ids, seats, strike_all_valid, open, rates_each) "
                    + "values (?, ?, ?, ?, ?, true, ?)");
            ps.setString(1, electionId);
            ps.setInt(2, round);
            ps.setArray(3, con.createArrayOf("varchar", candidateIds.toArray()));
            ps.setInt(4, seats);
            ps.setBoolean(5, strikeAllValid);
            ps.setBoolean(6, ratesEach);
            return ps;
        });
        byte[] key = new byte[32];
        random.nextBytes(key);
        jdbc.update("insert into ballot_round_key (election_id, round, key_bytes) values (?, ?, ?)", electionId, round, key);
        jdbc.batchUpdate("insert into ballot_round_voter (election_id, round, delegate_id) values (?, ?, ?)",
                voters.stream().map(v -> new Object[]{electionId, round, v}).toList());
    }

    @Override
    public void addVoter(String electionId, int round, String delegateId) {
        jdbc.update("insert into ballot_round_voter (election_id, round, delegate_id) values (?, ?, ?)", electionId, round, delegateId);
    }

    @Override
    public void markPaper(String electionId, int round, String delegateId) {
        int marked = jdbc.update("update ballot_round_voter set paper = true where election_id = ? and round = ? and delegate_id = ? and not took_part",
                electionId, round, delegateId);
        if (marked == 0) {
            throw RuleViolation.conflict("voted-electronically", "R-29", "delegateId",
                    "Đại biểu đã bỏ phiếu điện tử nên không nhận phiếu giấy.", "The delegate has voted electronically; no paper ballot.");
        }
    }

    /**
     * What a cast needs of an open round, read once per round and kept while it is open: the list, the seats, the
     * strike rule and the key. Closing forgets it ({@link #forget}); the database, not this cache, decides
     * whether the round is still open, because the casting statement itself checks it.
     */
    private record OpenRound(List<String> candidates, Set<String> candidateSet, int seats, boolean strikeAllValid, boolean ratesEach,
                             byte[] key) {}

    private final Map<String, OpenRound> openRounds = new ConcurrentHashMap<>();
    private final Set<String> closedRounds = ConcurrentHashMap.newKeySet();

    private static String ref(String electionId, int round) {
        return electionId + "#" + round;
    }

    private Optional<OpenRound> openRound(String electionId, int round) {
        String ref = ref(electionId, round);
        OpenRound known = openRounds.get(ref);
        if (known != null || closedRounds.contains(ref)) return Optional.ofNullable(known);
        Optional<OpenRound> loaded = jdbc.query("""
                        select r.candidate_ids, r.seats, r.strike_all_valid, k.key_bytes, r.rates_each
                        from ballot_round r join ballot_round_key k on k.election_id = r.election_id and k.round = r.round
                        where r.election_id = ? and r.round = ? and r.open""",
                (rs, i) -> {
                    List<String> candidates = List.of((String[]) rs.getArray(1).getArray());
                    return new OpenRound(candidates, Set.copyOf(candidates), rs.getInt(2), rs.getBoolean(3), rs.getBoolean(5), rs.getBytes(4));
                }, electionId, round).stream().findFirst();
        loaded.ifPresent(o -> {
            openRounds.put(ref, o);
            // A close that began meanwhile has already forgotten the round; forget it again.
            if (closedRounds.contains(ref)) openRounds.remove(ref);
        });
        return loaded;
    }

    private void forget(String electionId, int round) {
        String ref = ref(electionId, round);
        closedRounds.add(ref);
        openRounds.remove(ref);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) closedRounds.remove(ref); // the close did not happen
                }
            });
        }
    }

    /**
     * R-23 to R-25. One statement casts: it takes the round row for share (a close waits for casts in flight),
     * marks the voter as having taken part unless he already has or holds a paper ballot, and drops the sealed
     * ballot into the box only if that mark was made. When it casts nothing, {@link #refusal} says why.
     */
    @Override
    public CastBallotCommand.Receipt cast(CastBallotCommand b) {
        Optional<OpenRound> open = openRound(b.electionId(), b.round());
        if (open.isEmpty()) {
            return refusal(b, null, null);
        }
        if (b.idempotencyKey() == null || b.idempotencyKey().isBlank() || b.idempotencyKey().length() > 100) {
            throw missingIdempotencyKey();
        }
        if (b.idempotencyKey().strip().length() < MIN_IDEMPOTENCY_KEY) {
            throw weakIdempotencyKey();
        }
        OpenRound r = open.get();
        Sealed content = r.ratesEach() ? confidenceContent(b, r) : electionContent(b, r);
        byte[] idem = sha256(b.idempotencyKey());
        byte[] mark = contentMark(b, content);
        String tracking = trackingCode(r.key(), b);
        byte[] sealed = seal(r.key(), new Sealed(tracking, content.k(), content.r()));
        for (int attempt = 0; attempt < 3; attempt++) {
            int cast = jdbc.update("""
                            with r as (select 1 from ballot_round where election_id = ? and round = ? and open for share),
                            v as (update ballot_round_voter set took_part = true, idem_hash = ?, idem_content = ?
                                  where election_id = ? and round = ? and delegate_id = ? and not took_part and not paper
                                    and exists (select 1 from r)
                                  returning 1)
                            insert into ballot_box (election_id, round, sealed) select ?, ?, ? from v""",
                    b.electionId(), b.round(), idem, mark, b.electionId(), b.round(), b.delegateId(), b.electionId(), b.round(), sealed);
            if (cast == 1) {
                return new CastBallotCommand.Receipt(tracking, false);
            }
            CastBallotCommand.Receipt repeated = refusal(b, r, mark);
            if (repeated != null) return repeated;
        }
        throw new IllegalStateException("a ballot could neither be cast nor refused");
    }

    /** R-24, R-25: the names kept, in list order, or the refusal of a ballot that must not count. */
    private Sealed electionContent(CastBallotCommand b, OpenRound r) {
        Optional<InvalidReason> invalid = b.ratings() != null ? Optional.empty()
                : BallotRules.check(b.keptCandidateIds(), r.candidateSet(), r.seats(), r.strikeAllValid());
        if (b.ratings() != null || invalid.isPresent()) {
            // Who may not vote hears that first; only then is the ballot itself refused.
            refusal(b, r, null);
            if (invalid.isPresent()) throw invalidBallot(invalid.get());
            throw RuleViolation.invalid("invalid-ballot-ratings-in-election", "R-25", "ratings",
                    "Vòng này là bầu cử: giữ tên người mình bầu, không ghi mức tín nhiệm.",
                    "This round is an election: keep the names you elect; it takes no ratings.");
        }
        return new Sealed(null, r.candidates().stream().filter(b.keptCandidateIds()::contains).toList(), null);
    }

    /** R-60, R-62: one line per listed person in list order; a person left unrated is an invalid line, his choice. */
    private Sealed confidenceContent(CastBallotCommand b, OpenRound r) {
        try {
            if (!b.keptCandidateIds().isEmpty()) {
                throw RuleViolation.invalid("invalid-confidence-ballot-kept-names", "R-60", "keptCandidateIds",
                        "Vòng này là lấy phiếu tín nhiệm: ghi mức tín nhiệm cho từng người, không giữ tên.",
                        "This round is a confidence vote: rate each person; it keeps no names.");
            }
            return new Sealed(null, List.of(), ConfidenceBallotRules.electronic(b.ratings(), r.candidates()));
        } catch (RuleViolation v) {
            refusal(b, r, null);
            throw v;
        }
    }

    /**
     * Why a ballot cannot be cast, in the order a delegate should hear it, as a {@link RuleViolation}; the receipt
     * again for a retried request (same idempotency key and, when {@code mark} is given, the same ballot: ADR 0015);
     * {@code null} when nothing stands in the way.
     */
    private CastBallotCommand.Receipt refusal(CastBallotCommand b, OpenRound known, byte[] mark) {
        List<Boolean> open = jdbc.queryForList("select open from ballot_round where election_id = ? and round = ?",
                Boolean.class, b.electionId(), b.round());
        if (open.isEmpty()) {
            throw RuleViolation.notFound("unknown-round", "round", "Không có vòng bỏ phiếu này.", "No such ballot round.");
        }
        if (!open.get(0) || known == null) {
            throw RuleViolation.conflict("round-closed", "R-29", "round", "Vòng bỏ phiếu đã đóng.", "The ballot round is closed.");
        }
        // An open round is diagnosed only after cast() checked the idempotency key.
        List<Map<String, Object>> voter = jdbc.queryForList(
                "select took_part, idem_hash, paper, idem_content from ballot_round_voter where election_id = ? and round = ? and delegate_id = ?",
                b.electionId(), b.round(), b.delegateId());
        if (voter.isEmpty()) {
            throw RuleViolation.conflict("not-on-round-roll", "R-13", "delegateId",
                    "Đại biểu không có trong danh sách cử tri của vòng này.", "The delegate is not on this round's roll of voters.");
        }
        if ((Boolean) voter.get(0).get("paper")) {
            throw RuleViolation.conflict("paper-issued", "R-29", "delegateId",
                    "Đại biểu đã nhận phiếu giấy ở vòng này; không bỏ phiếu điện tử.", "A paper ballot was issued to this delegate; no electronic vote.");
        }
        if ((Boolean) voter.get(0).get("took_part")) {
            if (Arrays.equals(sha256(b.idempotencyKey()), (byte[]) voter.get(0).get("idem_hash"))) {
                byte[] stored = (byte[]) voter.get(0).get("idem_content");
                if (mark != null && stored != null && !MessageDigest.isEqual(mark, stored)) {
                    throw RuleViolation.invalid("idempotency-key-reused", null, "Idempotency-Key",
                            "Khoá chống gửi lặp (Idempotency-Key) này đã được dùng cho một lá phiếu khác; phiếu đã bỏ không thay đổi.",
                            "This Idempotency-Key was already used with a different ballot; the ballot cast stands unchanged.");
                }
                return new CastBallotCommand.Receipt(trackingCode(known.key(), b), true);
            }
            throw RuleViolation.conflict("already-voted", "R-23", "delegateId",
                    "Đại biểu đã bỏ phiếu ở vòng này.", "The delegate has already voted in this round.");
        }
        return null;
    }

    private static RuleViolation missingIdempotencyKey() {
        return RuleViolation.invalid("missing-idempotency-key", null, "Idempotency-Key",
                "Cần khoá chống gửi lặp (Idempotency-Key).", "An Idempotency-Key is required.");
    }

    /** ADR 0015: the key keys the HMAC that tells a retry from a different ballot, so it must not be guessable. */
    static final int MIN_IDEMPOTENCY_KEY = 16;

    private static RuleViolation weakIdempotencyKey() {
        return RuleViolation.invalid("weak-idempotency-key", "R-23", "Idempotency-Key",
                "Khoá chống gửi lặp (Idempotency-Key) phải ngẫu nhiên và dài 16–100 ký tự (ví dụ một UUID).",
                "The Idempotency-Key must be random and 16–100 characters long (a UUID, for instance).");
    }

    /**
     * ADR 0015, R-23: a mark of the ballot's content that only the holder of the voter's own Idempotency-Key can
     * compute, so a retry with the same key and a different ballot can be refused while a database reader, who has
     * only the key's SHA-256, cannot test a guess of the voter's choice. Erased at close with the key's hash.
     */
    private byte[] contentMark(CastBallotCommand b, Sealed content) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(b.idempotencyKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((b.electionId() + "\n" + b.round() + "\n" + b.delegateId() + "\n").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(json.writeValueAsBytes(new Sealed(null, content.k(), content.r())));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuleViolation invalidBallot(InvalidReason reason) {
        return RuleViolation.invalid("invalid-ballot-" + reason.name().toLowerCase().replace('_', '-'), "R-25", "keptCandidateIds",
                "Phiếu không hợp lệ: " + reason.vietnamese() + ". Hãy sửa lại trước khi gửi.",
                "Invalid ballot: " + reason.english() + ". Correct it before casting.");
    }

    @Override
    public Closed close(String electionId, int round) {
        forget(electionId, round);
        int closed = jdbc.update("update ballot_round set open = false where election_id = ? and round = ? and open", electionId, round);
        if (closed == 0) {
            throw RuleViolation.conflict("round-closed", "R-29", "round", "Vòng bỏ phiếu đã đóng.", "The ballot round is closed.");
        }
        byte[] key = roundKey(electionId, round);
        List<String> participants = jdbc.queryForList(
                "select delegate_id from ballot_round_voter where election_id = ? and round = ? and took_part order by delegate_id",
                String.class, electionId, round);
        List<PublishedBallot> ballots = new ArrayList<>();
        for (byte[] sealed : jdbc.queryForList("select sealed from ballot_box where election_id = ? and round = ?", byte[].class, electionId, round)) {
            Sealed s = open(key, sealed);
            ballots.add(new PublishedBallot(s.t(), s.k(), null, false, s.r()));
        }
        // An order that carries no information: by content, then by the random tracking code.
        ballots.sort(PublishedBallot.CONTENT_ORDER);
        jdbc.update("delete from ballot_box where election_id = ? and round = ?", electionId, round);
        jdbc.update("delete from ballot_round_key where election_id = ? and round = ?", electionId, round);
        jdbc.update("update ballot_round_voter set idem_hash = null, idem_content = null where election_id = ? and round = ?", electionId, round);
        Integer roll = jdbc.queryForObject("select count(*) from ballot_round_voter where election_id = ? and round = ?",
                Integer.class, electionId, round);
        vacuumAfterCommit();
        return new Closed(participants, ballots, roll == null ? 0 : roll);
    }

    /**
     * Dead row versions keep their transaction ids; vacuum removes them once the close has committed. One thread
     * vacuums for every close that asked before it began, so a season's hundreds of closes start one or two vacuums,
     * not hundreds that would hold the pool's connections.
     */
    private void vacuumAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    requestVacuum();
                }
            });
        }
    }

    private final ExecutorService vacuums = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vacuum-ballot-box");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean vacuumAsked = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicInteger vacuumsAhead = new java.util.concurrent.atomic.AtomicInteger();

    private void requestVacuum() {
        if (vacuumAsked.compareAndSet(false, true)) {
            vacuumsAhead.incrementAndGet();
            vacuums.execute(() -> {
                vacuumAsked.set(false); // a close committed from here on asks for the next vacuum
                try {
                    jdbc.execute("vacuum ballot_box, ballot_round_voter, ballot_round_key");
                } catch (RuntimeException e) {
                    log.warn("vacuum after closing a round failed; the nightly vacuum will do it: {}", e.getClass().getSimpleName());
                } finally {
                    vacuumsAhead.decrementAndGet();
                }
            });
        }
    }

    /** Whether an after-close vacuum is queued or running (operations and the benchmark wait for it). */
    public boolean vacuuming() {
        return vacuumsAhead.get() > 0;
    }

    private byte[] roundKey(String electionId, int round) {
        return jdbc.queryForObject("select key_bytes from ballot_round_key where election_id = ? and round = ?",
                byte[].class, electionId, round);
    }

    /** While a round is open only the turnout is public: how many of the roll have voted, never what. */
    public int turnout(String electionId, int round) {
        Integer n = jdbc.queryForObject("select count(*) from ballot_round_voter where election_id = ? and round = ? and took_part",
                Integer.class, electionId, round);
        return n == null ? 0 : n;
    }

    /** Provider lookups cost more than the work; each request thread keeps its own instances. */
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> instance(() -> Mac.getInstance("HmacSHA256")));
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> instance(() -> Cipher.getInstance("AES/GCM/NoPadding")));
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> instance(() -> MessageDigest.getInstance("SHA-256")));

    private interface Instance<T> {
        T get() throws GeneralSecurityException;
    }

    private static <T> T instance(Instance<T> i) {
        try {
            return i.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trackingCode(byte[] key, CastBallotCommand b) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] h = mac.doFinal((b.delegateId() + "\n" + b.idempotencyKey()).getBytes(StandardCharsets.UTF_8));
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                if (i == 5) s.append('-');
                s.append(BASE32[(h[i] & 0xff) % BASE32.length]);
            }
            return s.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] seal(byte[] key, Sealed content) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher c = GCM.get();
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            byte[] body = c.doFinal(json.writeValueAsBytes(content));
            byte[] out = new byte[12 + body.length];
            System.arraycopy(nonce, 0, out, 0, 12);
            System.arraycopy(body, 0, out, 12, body.length);
            return out;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Sealed open(byte[] key, byte[] sealed) {
        try {
            Cipher c = GCM.get();
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
            return json.readValue(c.doFinal(sealed, 12, sealed.length - 12), Sealed.class);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("a ballot in the box cannot be opened", e);
        }
    }

    private static byte[] sha256(String s) {
        return SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8));
    }

}
