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
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ballot box (ADR 0008, ADR 0017). Participation ({@code ballot_round_voter}) and ballots ({@code ballot_box})
 * share no column: a ballot row has no id, no voter, no time, only bytes sealed under the round's public key, all of
 * one length. The private key's seed exists only as the counting committee's shares: the server hands each member
 * his share and forgets it, so neither the database nor the server can open a ballot before k members present
 * theirs at close. The receipt code is drawn inside the sealed ballot; a retried request finds it again under a key
 * only the voter's own Idempotency-Key derives. Closing empties the box, forgets the idempotency records and
 * vacuums.
 */
@Component
public class JdbcBallotBox implements BallotBox, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JdbcBallotBox.class);
    private static final char[] BASE32 = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keys made ahead, so that opening a round does not search primes while the hall waits. */
    private final RoundKeyPool keys;

    /** The open rounds as casts need them, read once per round (bounded memory of closed ones). */
    private final OpenRounds rounds;
    /** The vacuum after a close, on one thread of its own. */
    private final BoxVacuum vacuum;

    public JdbcBallotBox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.keys = new RoundKeyPool(2, random);
        this.rounds = new OpenRounds(jdbc);
        this.vacuum = new BoxVacuum(jdbc);
    }

    /** With the application context: the key maker and the vacuum thread stop, the keys made ahead are wiped. */
    @Override
    public void close() {
        keys.close();
        vacuum.close();
    }

    /** The sealed content: tracking code, kept names, and for a confidence ballot its rating lines (absent otherwise). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Sealed(String t, List<String> k, List<RatingLine> r) {}

    /** The shares of a box not yet sealed, held in memory only, each until its member takes it. */
    private final Map<String, Map<Integer, byte[]>> unsealedShares = new ConcurrentHashMap<>();

    @Override
    public KeyFacts prepare(String electionId, int round, List<String> candidateIds, int seats, boolean strikeAllValid, vn.daihoi.election.BallotKind kind,
                            List<String> voters, List<String> holders, int sharesNeeded) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into ballot_round (election_id, round, candidate_ids, seats, strike_all_valid, open, rates_each, sealed) "
                    + "values (?, ?, ?, ?, ?, true, ?, false)");
            ps.setString(1, electionId);
            ps.setInt(2, round);
            ps.setArray(3, con.createArrayOf("varchar", candidateIds.toArray()));
            ps.setInt(4, seats);
            ps.setBoolean(5, strikeAllValid);
            ps.setBoolean(6, kind.ratesEach());
            return ps;
        });
        List<String> sorted = holders.stream().sorted().toList();
        jdbc.update("insert into ballot_round_key (election_id, round, shares_needed, padded_length) values (?, ?, ?, ?)",
                electionId, round, sharesNeeded, paddedLength(candidateIds, seats, kind.ratesEach()));
        for (int x = 1; x <= sorted.size(); x++) {
            jdbc.update("insert into ballot_round_share (election_id, round, x, holder_person_id, commitment) values (?, ?, ?, ?, ?)",
                    electionId, round, x, sorted.get(x - 1), new byte[0]);
        }
        KeyFacts facts = key(electionId, round, sorted, sharesNeeded);
        // One statement for the whole roll (1,100 rows): a batch of single-row inserts took a tenth of an opening.
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into ballot_round_voter (election_id, round, delegate_id) select ?, ?, unnest(?::varchar[])");
            ps.setString(1, electionId);
            ps.setInt(2, round);
            ps.setArray(3, con.createArrayOf("varchar", voters.toArray()));
            return ps;
        });
        return facts;
    }

    /**
     * A fresh key for an unsealed box: a random seed, the key pair it determines, its shares. The public key and one
     * commitment per share go to the database; the shares stay in memory until taken; the seed and private key are
     * dropped here.
     */
    private KeyFacts key(String electionId, int round, List<String> holders, int sharesNeeded) {
        RoundKeyPool.Ready made = keys.take();
        byte[] seed = made.seed();
        RoundKey.Pair pair = made.pair();
        Map<Integer, byte[]> shares = Shamir.split(seed, sharesNeeded, holders.size(), random);
        Arrays.fill(seed, (byte) 0);
        String fingerprint = RoundKey.fingerprint(pair.publicKey());
        byte[] publicKey = pair.publicKey().getEncoded();
        jdbc.update("update ballot_round_key set public_key = ?, fingerprint = ? where election_id = ? and round = ?",
                publicKey, fingerprint, electionId, round);
        for (Map.Entry<Integer, byte[]> s : shares.entrySet()) {
            jdbc.update("update ballot_round_share set commitment = ?, taken = false where election_id = ? and round = ? and x = ?",
                    commitment(electionId, round, s.getKey(), s.getValue()), electionId, round, s.getKey());
        }
        String ref = OpenRounds.ref(electionId, round);
        unsealedShares.put(ref, new ConcurrentHashMap<>(shares));
        afterRollback(() -> unsealedShares.remove(ref));
        return new KeyFacts(fingerprint, Base64.getEncoder().encodeToString(publicKey), holders, sharesNeeded);
    }

    /** What ties a share to this round and holder without revealing it: SHA-256 over the round and the share. */
    private static byte[] commitment(String electionId, int round, int x, byte[] y) {
        MessageDigest sha = SHA256.get();
        sha.update(("daihoi-share/1\n" + electionId + "\n" + round + "\n" + x + "\n").getBytes(StandardCharsets.UTF_8));
        return sha.digest(y);
    }

    /**
     * every sealed ballot of a round has one length, so the number of names kept does not show. An election
     * ballot keeps at most as many names as there are seats (R-25 refuses more before casting), so its fullest form
     * is the JSON of the {@code seats} longest names; a confidence ballot's is every line rated with the longest
     * values. Rounded up to 256 bytes.
     */
    static int paddedLength(List<String> candidateIds, int seats, boolean ratesEach) {
        int length;
        if (ratesEach) {
            length = 64;
            for (String id : candidateIds) length += id.length() + 96;
        } else {
            List<String> longest = candidateIds.stream()
                    .sorted(java.util.Comparator.comparingInt((String id) -> jsonLength(id)).reversed())
                    .limit(Math.max(0, seats)).toList();
            length = jsonLength(new Sealed("XXXXX-XXXXX", longest, null));
        }
        return (length + 255) / 256 * 256;
    }

    private static int jsonLength(Object value) {
        try {
            return JSON.writeValueAsBytes(value).length;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ShareSlip takeShare(String electionId, int round, String holderPersonId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select s.x, s.taken, r.open, k.fingerprint, k.shares_needed,
                       (select count(*) from ballot_round_share a where a.election_id = s.election_id and a.round = s.round) as holders
                from ballot_round_share s
                join ballot_round r on r.election_id = s.election_id and r.round = s.round
                join ballot_round_key k on k.election_id = s.election_id and k.round = s.round
                where s.election_id = ? and s.round = ? and s.holder_person_id = ?""", electionId, round, holderPersonId);
        if (rows.isEmpty()) {
            throw RuleViolation.conflict("not-a-share-holder", "R-23", "personId");
        }
        Map<String, Object> row = rows.get(0);
        if (!(Boolean) row.get("open")) {
            throw RuleViolation.conflict("round-closed", "R-29", "round");
        }
        if ((Boolean) row.get("taken")) {
            throw shareAlreadyTaken();
        }
        String ref = OpenRounds.ref(electionId, round);
        int x = (Integer) row.get("x");
        int needed = (Integer) row.get("shares_needed");
        int holders = ((Number) row.get("holders")).intValue();
        KeyFacts rekeyed = null;
        Map<Integer, byte[]> pending = unsealedShares.get(ref);
        if (pending == null || !pending.containsKey(x)) {
            // The shares of this unsealed box were lost with the server's memory; nobody could vote yet, so a new key
            // replaces the old one and every member takes his share of it (those taken before are void).
            List<String> all = jdbc.queryForList("select holder_person_id from ballot_round_share where election_id = ? and round = ? order by x",
                    String.class, electionId, round);
            rekeyed = key(electionId, round, all, needed);
            log.warn("ballot box of a round keyed afresh: its unsealed shares were lost (restart before sealing)");
            pending = unsealedShares.get(ref);
        }
        byte[] y = pending.get(x);
        int claimed = jdbc.update("update ballot_round_share set taken = true where election_id = ? and round = ? and x = ? and not taken and commitment = ?",
                electionId, round, x, commitment(electionId, round, x, y));
        if (claimed == 0) throw shareAlreadyTaken();
        Integer left = jdbc.queryForObject("select count(*) from ballot_round_share where election_id = ? and round = ? and not taken",
                Integer.class, electionId, round);
        boolean sealedNow = left != null && left == 0;
        if (sealedNow) {
            jdbc.update("update ballot_round set sealed = true where election_id = ? and round = ?", electionId, round);
        }
        String fingerprint = rekeyed != null ? rekeyed.fingerprint() : (String) row.get("fingerprint");
        String code = new KeyShare(x, needed, holders, KeyShare.fingerprintBytes(fingerprint), y).code();
        Map<Integer, byte[]> held = pending;
        afterCommit(() -> {
            held.remove(x); // the server keeps no copy of a share it handed out
            if (sealedNow) unsealedShares.remove(ref);
        });
        return new ShareSlip(holderPersonId, x, code, fingerprint, needed, holders, sealedNow, rekeyed);
    }

    private static RuleViolation shareAlreadyTaken() {
        return RuleViolation.conflict("share-already-taken", "R-23", "personId");
    }

    static void afterRollback(Runnable r) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) r.run();
                }
            });
        }
    }

    private static void afterCommit(Runnable r) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    r.run();
                }
            });
        } else {
            r.run();
        }
    }

    @Override
    public void addVoter(String electionId, int round, String delegateId) {
        jdbc.update("insert into ballot_round_voter (election_id, round, delegate_id) values (?, ?, ?)", electionId, round, delegateId);
    }

    /** Where a delegate stands in a round, for his own page: the same facts a cast checks, without casting. */
    public enum VoterStanding { NOT_ON_ROLL, PAPER_ISSUED, VOTED, MAY_VOTE }

    public VoterStanding standing(String electionId, int round, String delegateId) {
        List<Map<String, Object>> voter = jdbc.queryForList(
                "select took_part, paper from ballot_round_voter where election_id = ? and round = ? and delegate_id = ?",
                electionId, round, delegateId);
        if (voter.isEmpty()) return VoterStanding.NOT_ON_ROLL;
        if ((Boolean) voter.get(0).get("paper")) return VoterStanding.PAPER_ISSUED;
        return (Boolean) voter.get(0).get("took_part") ? VoterStanding.VOTED : VoterStanding.MAY_VOTE;
    }

    @Override
    public void markPaper(String electionId, int round, String delegateId) {
        int marked = jdbc.update("update ballot_round_voter set paper = true where election_id = ? and round = ? and delegate_id = ? and not took_part",
                electionId, round, delegateId);
        if (marked == 0) {
            throw RuleViolation.conflict("voted-electronically", "R-29", "delegateId");
        }
    }

    /**
     * One statement casts: it takes the round row for share (a close waits for casts in flight),
     * marks the voter as having taken part unless he already has or holds a paper ballot, and drops the sealed
     * ballot into the box only if that mark was made. When it casts nothing, {@link #refusal} says why.
     */
    @Override
    public CastBallotCommand.Receipt cast(CastBallotCommand b) {
        Optional<OpenRounds.OpenRound> open = rounds.find(b.electionId(), b.round());
        if (open.isEmpty()) {
            return refusal(b, null, null);
        }
        if (b.idempotencyKey() == null || b.idempotencyKey().isBlank() || b.idempotencyKey().length() > 100) {
            throw missingIdempotencyKey();
        }
        if (b.idempotencyKey().strip().length() < MIN_IDEMPOTENCY_KEY) {
            throw weakIdempotencyKey();
        }
        OpenRounds.OpenRound r = open.get();
        keys.casting();
        Sealed content = r.ratesEach() ? confidenceContent(b, r) : electionContent(b, r);
        byte[] idem = sha256(b.idempotencyKey());
        byte[] mark = contentMark(b, content);
        String tracking;
        byte[] sealed;
        byte[] receipt;
        if (r.legacyKey() != null) {
            tracking = trackingCode(r.legacyKey(), b);
            sealed = seal(r.legacyKey(), new Sealed(tracking, content.k(), content.r()));
            receipt = null;
        } else {
            // the receipt is drawn here and travels only inside the sealed ballot and to the voter. One draw of
            // the thread's own generator gives the receipt and both nonces.
            SecureRandom draw = RANDOM.get();
            byte[] fresh = new byte[10 + 12 + 12];
            draw.nextBytes(fresh);
            tracking = trackingCode(fresh);
            sealed = RoundKey.seal(r.dataKey(draw), padded(new Sealed(tracking, content.k(), content.r()), r.padded()),
                    Arrays.copyOfRange(fresh, 10, 22));
            receipt = sealReceipt(b, tracking, Arrays.copyOfRange(fresh, 22, 34));
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            int cast = jdbc.update("""
                            with r as (select 1 from ballot_round where election_id = ? and round = ? and open and sealed for share),
                            v as (update ballot_round_voter set took_part = true, idem_hash = ?, idem_content = ?, idem_receipt = ?
                                  where election_id = ? and round = ? and delegate_id = ? and not took_part and not paper
                                    and exists (select 1 from r)
                                  returning 1)
                            insert into ballot_box (election_id, round, sealed) select ?, ?, ? from v""",
                    b.electionId(), b.round(), idem, mark, receipt, b.electionId(), b.round(), b.delegateId(), b.electionId(), b.round(), sealed);
            if (cast == 1) {
                return new CastBallotCommand.Receipt(tracking, false);
            }
            CastBallotCommand.Receipt repeated = refusal(b, r, mark);
            if (repeated != null) return repeated;
        }
        throw new IllegalStateException("a ballot could neither be cast nor refused");
    }

    /** the names kept, in list order, or the refusal of a ballot that must not count. */
    private Sealed electionContent(CastBallotCommand b, OpenRounds.OpenRound r) {
        Optional<InvalidReason> invalid = b.ratings() != null ? Optional.empty()
                : BallotRules.check(b.keptCandidateIds(), r.candidateSet(), r.seats(), r.strikeAllValid());
        if (b.ratings() != null || invalid.isPresent()) {
            // Who may not vote hears that first; only then is the ballot itself refused.
            refusal(b, r, null);
            if (invalid.isPresent()) throw invalidBallot(invalid.get());
            throw RuleViolation.invalid("invalid-ballot-ratings-in-election", "R-25", "ratings");
        }
        return new Sealed(null, r.candidates().stream().filter(b.keptCandidateIds()::contains).toList(), null);
    }

    /** one line per listed person in list order; a person left unrated is an invalid line, his choice. */
    private Sealed confidenceContent(CastBallotCommand b, OpenRounds.OpenRound r) {
        try {
            if (!b.keptCandidateIds().isEmpty()) {
                throw RuleViolation.invalid("invalid-confidence-ballot-kept-names", "R-60", "keptCandidateIds");
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
    private CastBallotCommand.Receipt refusal(CastBallotCommand b, OpenRounds.OpenRound known, byte[] mark) {
        List<Map<String, Object>> round = jdbc.queryForList("select open, sealed from ballot_round where election_id = ? and round = ?",
                b.electionId(), b.round());
        if (round.isEmpty()) {
            throw RuleViolation.notFound("unknown-round", "round");
        }
        boolean open = (Boolean) round.get(0).get("open");
        if (open && !(Boolean) round.get(0).get("sealed")) {
            throw RuleViolation.conflict("box-not-sealed", "R-23", "round");
        }
        if (!open || known == null) {
            throw RuleViolation.conflict("round-closed", "R-29", "round");
        }
        // An open round is diagnosed only after cast() checked the idempotency key.
        List<Map<String, Object>> voter = jdbc.queryForList(
                "select took_part, idem_hash, paper, idem_content, idem_receipt from ballot_round_voter where election_id = ? and round = ? and delegate_id = ?",
                b.electionId(), b.round(), b.delegateId());
        if (voter.isEmpty()) {
            throw RuleViolation.conflict("not-on-round-roll", "R-13", "delegateId");
        }
        if ((Boolean) voter.get(0).get("paper")) {
            throw RuleViolation.conflict("paper-issued", "R-29", "delegateId");
        }
        if ((Boolean) voter.get(0).get("took_part")) {
            if (Arrays.equals(sha256(b.idempotencyKey()), (byte[]) voter.get(0).get("idem_hash"))) {
                byte[] stored = (byte[]) voter.get(0).get("idem_content");
                if (mark != null && stored != null && !MessageDigest.isEqual(mark, stored)) {
                    throw RuleViolation.invalid("idempotency-key-reused", null, "Idempotency-Key");
                }
                return new CastBallotCommand.Receipt(known.legacyKey() != null ? trackingCode(known.legacyKey(), b)
                        : openReceipt(b, (byte[]) voter.get(0).get("idem_receipt")), true);
            }
            throw RuleViolation.conflict("already-voted", "R-23", "delegateId");
        }
        return null;
    }

    private static RuleViolation missingIdempotencyKey() {
        return RuleViolation.invalid("missing-idempotency-key", null, "Idempotency-Key");
    }

    /** ADR 0015: the key keys the HMAC that tells a retry from a different ballot, so it must not be guessable. */
    static final int MIN_IDEMPOTENCY_KEY = 16;

    private static RuleViolation weakIdempotencyKey() {
        return RuleViolation.invalid("weak-idempotency-key", "R-23", "Idempotency-Key");
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
            return mac.doFinal(JSON.writeValueAsBytes(new Sealed(null, content.k(), content.r())));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuleViolation invalidBallot(InvalidReason reason) {
        // One type per reason for clients, one text for all of them (the reason is its argument).
        return new RuleViolation(RuleViolation.Kind.INVALID, "invalid-ballot-" + reason.name().toLowerCase().replace('_', '-'), "R-25",
                "keptCandidateIds", "problem.invalid-ballot", reason);
    }

    @Override
    public Closed close(String electionId, int round, List<String> shares) {
        List<Map<String, Object>> keyRow = jdbc.queryForList(
                "select key_bytes, public_key, shares_needed from ballot_round_key where election_id = ? and round = ?", electionId, round);
        if (keyRow.isEmpty()) {
            throw RuleViolation.conflict("round-closed", "R-29", "round");
        }
        byte[] legacyKey = (byte[]) keyRow.get(0).get("key_bytes");
        PrivateKey opening = null;
        List<String> presentedBy = List.of();
        if (legacyKey == null) {
            Opening o = opening(electionId, round, shares == null ? List.of() : shares,
                    (byte[]) keyRow.get(0).get("public_key"), (Integer) keyRow.get(0).get("shares_needed"));
            opening = o.key();
            presentedBy = o.holders();
        }
        rounds.forget(electionId, round);
        int closed = jdbc.update("update ballot_round set open = false where election_id = ? and round = ? and open", electionId, round);
        if (closed == 0) {
            throw RuleViolation.conflict("round-closed", "R-29", "round");
        }
        List<String> participants = jdbc.queryForList(
                "select delegate_id from ballot_round_voter where election_id = ? and round = ? and took_part order by delegate_id",
                String.class, electionId, round);
        List<byte[]> box = jdbc.queryForList("select sealed from ballot_box where election_id = ? and round = ?", byte[].class, electionId, round);
        // One RSA decryption per window of ballots (ADR 0017), then AES-GCM: a round of a thousand opens in milliseconds.
        RoundKey.Opener opener = opening != null ? new RoundKey.Opener(opening) : null;
        List<PublishedBallot> ballots = new ArrayList<>(box.size());
        for (byte[] sealed : box) {
            Sealed s = opener != null ? readSealed(opener.open(sealed)) : open(legacyKey, sealed);
            ballots.add(new PublishedBallot(s.t(), s.k(), null, false, s.r()));
        }
        // An order that carries no information: by content, then by the random tracking code.
        ballots.sort(PublishedBallot.CONTENT_ORDER);
        empty(electionId, round);
        Integer roll = jdbc.queryForObject("select count(*) from ballot_round_voter where election_id = ? and round = ?",
                Integer.class, electionId, round);
        vacuumAfterCommit();
        return new Closed(participants, ballots, roll == null ? 0 : roll, presentedBy);
    }

    private record Opening(PrivateKey key, List<String> holders) {}

    /**
     * the private key, from at least k shares issued for this round's key — or a refusal that changes nothing.
     * A share is known by its commitment; the seed the shares give must rebuild exactly the stored public key.
     */
    private Opening opening(String electionId, int round, List<String> codes, byte[] publicKey, int needed) {
        Map<Integer, byte[]> valid = new java.util.TreeMap<>();
        List<String> holders = new ArrayList<>();
        byte[] fingerprint = KeyShare.fingerprintBytes(RoundKey.fingerprint(RoundKey.publicKey(publicKey)));
        for (int i = 0; i < codes.size(); i++) {
            String field = "shares[" + i + "]";
            KeyShare share = KeyShare.parse(codes.get(i)).orElseThrow(() -> RuleViolation.invalid("share-unreadable", "R-23", field));
            if (!MessageDigest.isEqual(share.fingerprint(), fingerprint)) {
                throw RuleViolation.invalid("share-of-another-key", "R-23", field);
            }
            List<Map<String, Object>> issued = jdbc.queryForList(
                    "select holder_person_id, commitment from ballot_round_share where election_id = ? and round = ? and x = ?",
                    electionId, round, share.x());
            if (issued.isEmpty() || !MessageDigest.isEqual(commitment(electionId, round, share.x(), share.y()), (byte[]) issued.get(0).get("commitment"))) {
                throw RuleViolation.invalid("share-not-issued", "R-23", field);
            }
            if (valid.put(share.x(), share.y()) == null) holders.add((String) issued.get(0).get("holder_person_id"));
        }
        if (valid.size() < needed) {
            throw RuleViolation.conflict("shares-too-few", "R-23", "shares", needed, valid.size());
        }
        Map<Integer, byte[]> chosen = new java.util.TreeMap<>();
        valid.entrySet().stream().limit(needed).forEach(e -> chosen.put(e.getKey(), e.getValue()));
        byte[] seed = Shamir.combine(chosen);
        try {
            RoundKey.Pair pair = RoundKey.fromSeed(seed);
            if (!MessageDigest.isEqual(pair.publicKey().getEncoded(), publicKey)) {
                throw RuleViolation.conflict("shares-do-not-open", "R-23", "shares");
            }
            return new Opening(pair.privateKey(), holders.stream().sorted().toList());
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** Everything of the box goes at close or void: sealed ballots, key, shares' records, idempotency records. */
    private void empty(String electionId, int round) {
        jdbc.update("delete from ballot_box where election_id = ? and round = ?", electionId, round);
        jdbc.update("delete from ballot_round_key where election_id = ? and round = ?", electionId, round);
        jdbc.update("delete from ballot_round_share where election_id = ? and round = ?", electionId, round);
        jdbc.update("update ballot_round_voter set idem_hash = null, idem_content = null, idem_receipt = null where election_id = ? and round = ?",
                electionId, round);
    }

    @Override
    public int discard(String electionId, int round) {
        rounds.forget(electionId, round);
        unsealedShares.remove(OpenRounds.ref(electionId, round));
        int closed = jdbc.update("update ballot_round set open = false where election_id = ? and round = ? and open", electionId, round);
        if (closed == 0) {
            throw RuleViolation.conflict("round-closed", "R-29", "round");
        }
        Integer voted = jdbc.queryForObject("select count(*) from ballot_round_voter where election_id = ? and round = ? and took_part",
                Integer.class, electionId, round);
        empty(electionId, round);
        vacuumAfterCommit();
        return voted == null ? 0 : voted;
    }

    /** The content padded with spaces (which JSON ignores) to the round's one length. */
    private byte[] padded(Sealed content, int length) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(content);
            if (bytes.length > length) throw new IllegalStateException("a ballot is longer than its round's padded length");
            byte[] out = new byte[length];
            Arrays.fill(out, (byte) ' ');
            System.arraycopy(bytes, 0, out, 0, bytes.length);
            return out;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Sealed readSealed(byte[] plain) {
        try {
            return JSON.readValue(plain, Sealed.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a ballot in the box cannot be read", e);
        }
    }

    /**
     * A receipt code from ten random bytes (a legacy round's: HMAC bytes): five bits of each, 32 letters, so every
     * letter is equally likely.
     */
    private static String trackingCode(byte[] random) {
        StringBuilder s = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) s.append('-');
            s.append(BASE32[random[i] & 31]);
        }
        return s.toString();
    }

    /** The receipt under AES-GCM with a key only the voter's Idempotency-Key derives (HMAC over the round and voter). */
    private byte[] sealReceipt(CastBallotCommand b, String tracking, byte[] nonce) {
        try {
            Cipher c = GCM.get();
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(receiptKey(b), "AES"), new GCMParameterSpec(128, nonce));
            byte[] body = c.doFinal(tracking.getBytes(StandardCharsets.US_ASCII));
            byte[] out = new byte[12 + body.length];
            System.arraycopy(nonce, 0, out, 0, 12);
            System.arraycopy(body, 0, out, 12, body.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String openReceipt(CastBallotCommand b, byte[] sealed) {
        if (sealed == null) throw new IllegalStateException("a cast without its sealed receipt");
        try {
            Cipher c = GCM.get();
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(receiptKey(b), "AES"), new GCMParameterSpec(128, sealed, 0, 12));
            return new String(c.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] receiptKey(CastBallotCommand b) throws GeneralSecurityException {
        Mac mac = HMAC.get();
        mac.init(new SecretKeySpec(b.idempotencyKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(("daihoi-receipt/1\n" + b.electionId() + "\n" + b.round() + "\n" + b.delegateId()).getBytes(StandardCharsets.UTF_8));
    }

    /** After a close commits, the box's tables are vacuumed by {@link BoxVacuum} (ADR 0008). */
    private void vacuumAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) afterCommit(vacuum::request);
    }

    /** Whether an after-close vacuum is queued or running (operations and the benchmark wait for it). */
    public boolean vacuuming() {
        return vacuum.running();
    }

    /** The members holding shares of an open round's key, in share order (who, never what). */
    public List<String> holders(String electionId, int round) {
        return jdbc.queryForList("select holder_person_id from ballot_round_share where election_id = ? and round = ? order by x",
                String.class, electionId, round);
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
    /** Each request thread draws from its own generator (NIST DRBG, seeded by the system): no lock shared by all casts. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(() -> instance(() -> SecureRandom.getInstance("DRBG")));
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
            return trackingCode(mac.doFinal((b.delegateId() + "\n" + b.idempotencyKey()).getBytes(StandardCharsets.UTF_8)));
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
            byte[] body = c.doFinal(JSON.writeValueAsBytes(content));
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
            return JSON.readValue(c.doFinal(sealed, 12, sealed.length - 12), Sealed.class);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("a ballot in the box cannot be opened", e);
        }
    }

    private static byte[] sha256(String s) {
        return SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8));
    }

}
