package vn.daihoi.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The database superuser of issue 10 attacking the ballot box from a {@link SuperuserView} alone: he knows the
 * design (the schema and the sealing format, Kerckhoffs) and the roll of voters, not the voters' receipts or
 * choices. He (1) tries every key-like byte string he can find against the sealed ballots, (2) links voters to
 * sealed ballots by transaction id (tuple xmin and WAL record xid) and by order, (3) looks for a voter id and a
 * published receipt code in one tuple, one transaction's WAL records, one log line or one statement, and (4)
 * reads what the sealed length tells. He returns claims; the test scores them against the truth.
 *
 * <p>To face another design, give it a {@link Layout} (where the roll and the box live) and a {@link SealedFormat}
 * (how a candidate key opens a sealed ballot, and which contents a sealed length admits). {@code open} is called
 * for every key-like window he finds (about 4,000 while a round is open and 430,000 after a close in
 * BallotBoxAttackApiTest), so a wrong key must fail in microseconds: a format whose opening key is derived from a
 * seed (an RSA key, say) should test a candidate seed against something cheap the design stores or publishes (the
 * public key's fingerprint, a commitment), not derive a key pair per candidate.
 */
public final class BallotBoxAttacker {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A ballot's content as the attacker sees it: kept names (list order) and, when he opened it, its receipt. */
    public record Content(List<String> kept, String receipt) {}

    /** The sealing format of the design under attack. */
    public interface SealedFormat {
        int keyLength();

        /** The content when {@code key} opens {@code sealed}, else empty (must be cheap on a wrong key). */
        Optional<Content> open(byte[] key, byte[] sealed);

        /** Every content the format can seal to {@code length} bytes; empty when the format does not tell. */
        List<List<String>> contentsOfLength(int length, List<String> candidates, int seats);
    }

    /**
     * ADR 0008 as built: AES-256-GCM, 12-byte random nonce prefix, 16-byte tag, JSON {@code {"t":code,"k":[ids]}}
     * inside, no padding.
     */
    public static final SealedFormat AES_GCM_JSON = new SealedFormat() {
        private final ThreadLocal<Cipher> ecb = ThreadLocal.withInitial(() -> cipher("AES/ECB/NoPadding"));
        private final ThreadLocal<Cipher> gcm = ThreadLocal.withInitial(() -> cipher("AES/GCM/NoPadding"));

        @Override
        public int keyLength() {
            return 32;
        }

        @Override
        public Optional<Content> open(byte[] key, byte[] sealed) {
            if (sealed.length < 12 + 16 + 2) return Optional.empty();
            try {
                // GCM's first keystream block is AES(nonce ‖ 00000002): a wrong key fails here for one block's cost.
                byte[] counter = new byte[16];
                System.arraycopy(sealed, 0, counter, 0, 12);
                counter[15] = 2;
                Cipher e = ecb.get();
                e.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
                byte[] ks = e.doFinal(counter);
                if ((ks[0] ^ sealed[12]) != '{' || (ks[1] ^ sealed[13]) != '"') return Optional.empty();
                Cipher g = gcm.get();
                g.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
                JsonNode n = JSON.readTree(g.doFinal(sealed, 12, sealed.length - 12));
                List<String> kept = new ArrayList<>();
                n.path("k").forEach(k -> kept.add(k.asText()));
                return Optional.of(new Content(kept, n.path("t").isMissingNode() ? null : n.path("t").asText()));
            } catch (Exception wrongKey) {
                return Optional.empty();
            }
        }

        @Override
        public List<List<String>> contentsOfLength(int length, List<String> candidates, int seats) {
            List<List<String>> out = new ArrayList<>();
            for (List<String> kept : subsets(candidates, seats)) {
                try {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("t", "XXXXX-XXXXX");
                    c.put("k", kept);
                    if (12 + 16 + JSON.writeValueAsBytes(c).length == length) out.add(kept);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
    };

    /** Where the design keeps the roll and the box (ADR 0008 names). */
    public record Layout(String rollTable, String voterColumn, String tookPartColumn, String boxTable, String sealedColumn,
                         SealedFormat format) {}

    public static final Layout ADR_0008 = new Layout("ballot_round_voter", "delegate_id", "took_part", "ballot_box", "sealed", AES_GCM_JSON);

    /**
     * ADR 0017 as built: a ballot is RSA-OAEP(public, K) ‖ nonce ‖ AES-GCM(K, padded JSON); the private key follows
     * from a 32-byte seed split k-of-n among the counting committee, and the database keeps per share a commitment
     * SHA-256("daihoi-share/1\n" ‖ election ‖ "\n" ‖ round ‖ "\n" ‖ x ‖ "\n" ‖ share). The attacker tests every
     * key-like window against every commitment he can read (live rows, dead tuples, WAL); with k shares found he
     * rebuilds the seed, checks it against the published public key and opens every ballot. (Whether the seed or
     * the private key itself lies anywhere is searched directly by the test, which knows them.)
     */
    public static Layout adr0017(SuperuserView view) {
        record Commitment(String election, int round, int x, byte[] hash) {}
        List<Commitment> commitments = new ArrayList<>();
        java.util.function.Consumer<List<Object>> fromColumns = cols -> {
            if (cols != null && cols.size() >= 5 && cols.get(0) instanceof String e && cols.get(1) instanceof Number r
                    && cols.get(2) instanceof Number x && cols.get(4) instanceof byte[] h && h.length == 32) {
                commitments.add(new Commitment(e, r.intValue(), x.intValue(), h));
            }
        };
        view.tables.getOrDefault("ballot_round_share", List.of()).forEach(r -> fromColumns.accept(List.of(
                String.valueOf(r.values().get("election_id")), Integer.parseInt(String.valueOf(r.values().get("round"))),
                Integer.parseInt(String.valueOf(r.values().get("x"))), String.valueOf(r.values().get("holder_person_id")),
                r.values().get("commitment") instanceof byte[] b ? b : new byte[0])));
        view.heap.getOrDefault("ballot_round_share", List.of()).forEach(t -> fromColumns.accept(t.columns()));
        view.walPageTuples.stream().filter(t -> "ballot_round_share".equals(t.relation())).forEach(t -> fromColumns.accept(t.columns()));
        view.walTuples.stream().filter(t -> "ballot_round_share".equals(t.relation())).forEach(t -> fromColumns.accept(t.tuple().columns()));
        // k and the public keys, from the events (BallotBoxPrepared), which every reader has.
        Map<String, Integer> needed = new LinkedHashMap<>();
        List<byte[]> publicKeys = new ArrayList<>();
        for (SuperuserView.Row r : view.tables.getOrDefault("domain_event_entry", List.of())) {
            if (!(r.values().get("payload") instanceof byte[] p) || !String.valueOf(r.values().get("payload_type")).endsWith("BallotBoxPrepared")) continue;
            try {
                JsonNode n = JSON.readTree(p);
                needed.put(n.path("electionId").asText() + "#" + n.path("round").asInt(), n.path("sharesNeeded").asInt());
                publicKeys.add(java.util.Base64.getDecoder().decode(n.path("publicKey").asText()));
            } catch (Exception notJson) {
                // not readable
            }
        }
        SealedFormat format = new SealedFormat() {
            private final Map<String, Map<Integer, byte[]>> found = new LinkedHashMap<>();
            private byte[] seed;

            @Override
            public int keyLength() {
                return 32;
            }

            @Override
            public Optional<Content> open(byte[] key, byte[] sealed) {
                if (seed == null) {
                    for (Commitment c : commitments) {
                        byte[] prefix = ("daihoi-share/1\n" + c.election() + "\n" + c.round() + "\n" + c.x() + "\n").getBytes(StandardCharsets.UTF_8);
                        byte[] both = new byte[prefix.length + key.length];
                        System.arraycopy(prefix, 0, both, 0, prefix.length);
                        System.arraycopy(key, 0, both, prefix.length, key.length);
                        if (!Arrays.equals(sha256(both), c.hash())) continue;
                        String round = c.election() + "#" + c.round();
                        Map<Integer, byte[]> shares = found.computeIfAbsent(round, r -> new LinkedHashMap<>());
                        shares.put(c.x(), key.clone());
                        if (shares.size() >= needed.getOrDefault(round, Integer.MAX_VALUE)) {
                            byte[] candidate = vn.daihoi.election.infra.KeyMaterial.combine(shares);
                            byte[] pub = vn.daihoi.election.infra.KeyMaterial.publicKey(candidate);
                            if (publicKeys.stream().anyMatch(k -> Arrays.equals(k, pub))) seed = candidate;
                        }
                    }
                }
                if (seed == null) return Optional.empty();
                try {
                    JsonNode n = JSON.readTree(vn.daihoi.election.infra.KeyMaterial.open(seed, sealed));
                    List<String> kept = new ArrayList<>();
                    n.path("k").forEach(k -> kept.add(k.asText()));
                    return Optional.of(new Content(kept, n.path("t").isMissingNode() ? null : n.path("t").asText()));
                } catch (Exception notThisKey) {
                    return Optional.empty();
                }
            }

            @Override
            public List<List<String>> contentsOfLength(int length, List<String> candidates, int seats) {
                return subsets(candidates, seats); // padded to one length: the length admits every content
            }
        };
        return new Layout("ballot_round_voter", "delegate_id", "took_part", "ballot_box", "sealed", format);
    }

    /** A voter linked to a content and/or receipt by one method. */
    public record Claim(String voter, Content content, String method) {}

    public record Report(List<Claim> claims, int sealedSeen, int sealedOpened, long keyCandidates, String keyFoundIn,
                         Set<Integer> sealedLengths, Map<String, Integer> sealedLinksByMethod, double spearmanPhysicalVsXmin,
                         List<String> notes) {}

    private final SuperuserView view;
    private final Layout layout;
    private final List<String> candidates;
    private final int seats;
    private final List<String> notes = new ArrayList<>();
    /** The roll as the live table shows it: order attacks pair only these (a carved tuple may hold a torn id). */
    private final Set<String> roll = new HashSet<>();
    /** The sealed ballots seen anywhere (hex), so that order attacks skip torn bytes of carved tuples. */
    private final Set<String> box = new HashSet<>();

    public BallotBoxAttacker(SuperuserView view, Layout layout, List<String> candidates, int seats) {
        this.view = view;
        this.layout = layout;
        this.candidates = candidates;
        this.seats = seats;
    }

    public Report attack() {
        Set<String> voters = voters();
        roll.addAll(view.tables.getOrDefault(layout.rollTable(), List.of()).stream()
                .map(r -> String.valueOf(r.values().get(layout.voterColumn()))).toList());
        Map<String, byte[]> sealed = sealedBallots();
        box.addAll(sealed.keySet());
        notes.add("voters on the roll: " + voters.size() + ", sealed ballots seen (live, dead, carved, WAL): " + sealed.size());

        // (1) Open: every key-like byte string against the sealed ballots.
        Map<String, Content> opened = new HashMap<>();
        long[] tried = {0};
        String[] keyFoundIn = {null};
        if (!sealed.isEmpty()) openAll(sealed, opened, tried, keyFoundIn);

        // (4) The sealed lengths.
        Set<Integer> lengths = new TreeSet<>();
        sealed.values().forEach(s -> lengths.add(s.length));
        Map<String, Content> byLength = new HashMap<>();
        sealed.forEach((hex, s) -> {
            List<List<String>> possible = layout.format().contentsOfLength(s.length, candidates, seats);
            if (possible.size() == 1) byLength.put(hex, new Content(possible.get(0), null));
        });
        notes.add("sealed lengths " + lengths + "; ballots whose length admits one content only: " + byLength.size());

        // (2) Voter → sealed ballot.
        Map<String, Map<String, String>> links = new LinkedHashMap<>(); // method → voter → sealed hex
        links.put("xmin of heap-file tuples", byXmin(false));
        links.put("xmin of tuples in WAL full-page images", byXmin(true));
        links.put("WAL xid", byWalXid());
        links.put("a voter id in any tuple or WAL record of the ballot's transaction", byAnyVoterId(voters));
        double[] rho = {Double.NaN};
        links.put("order (xmin of roll vs physical order of box)", byOrder(rho));
        links.put("order (xmin of roll vs xmin of box)", byXminOrder());
        links.put("order (WAL record order of roll marks vs box inserts)", byWalOrder());

        // A published ballot that carries its sealed form (or a digest of it) gives the content of that sealed ballot.
        Map<String, Content> published = publishedBallots();
        Map<String, String> publishedCodeOf = sealedInPublished(sealed, published.keySet());
        notes.add("published ballots: " + published.size() + ", of which carrying a sealed ballot or its digest: " + publishedCodeOf.size());

        List<Claim> claims = new ArrayList<>();
        Map<String, Integer> linksByMethod = new LinkedHashMap<>();
        links.forEach((method, m) -> {
            linksByMethod.put(method, m.size());
            m.forEach((voter, hex) -> {
                if (opened.containsKey(hex)) claims.add(new Claim(voter, opened.get(hex), method + " + opened"));
                if (byLength.containsKey(hex)) claims.add(new Claim(voter, byLength.get(hex), method + " + sealed length"));
                String code = publishedCodeOf.get(hex);
                if (code != null) claims.add(new Claim(voter, published.get(code), method + " + sealed ballot found in the published ballots"));
            });
        });

        // (3) A voter id and a published receipt code together.
        claims.addAll(coOccurrences(voters, publishedCodes()));
        return new Report(claims, sealed.size(), opened.size(), tried[0], keyFoundIn[0], lengths, linksByMethod, rho[0], notes);
    }

    // ---------------------------------------------------------------------------------------------------- sources

    private String str(PgHeap.Tuple t, String column) {
        Object v = t.column(atts(t.relation()), column);
        return v instanceof String s ? s : null;
    }

    private List<PgHeap.Attribute> atts(String relation) {
        SuperuserView.Relation r = view.relation(relation);
        return r == null ? List.of() : r.atts();
    }

    /** Every tuple of a relation he can see: heap file (live, dead, carved), full-page images in the WAL, WAL records. */
    private List<PgHeap.Tuple> allTuples(String relation) {
        List<PgHeap.Tuple> all = new ArrayList<>(view.tuples(relation));
        view.walPageTuples.stream().filter(t -> t.relation().equals(relation)).forEach(all::add);
        view.walTuples.stream().filter(t -> t.relation().equals(relation)).forEach(t -> all.add(t.tuple()));
        return all;
    }

    private Set<String> voters() {
        Set<String> v = new TreeSet<>();
        view.tables.getOrDefault(layout.rollTable(), List.of()).forEach(r -> v.add(String.valueOf(r.values().get(layout.voterColumn()))));
        allTuples(layout.rollTable()).forEach(t -> {
            String s = str(t, layout.voterColumn());
            if (s != null && !s.isBlank() && s.chars().allMatch(ch -> ch >= 32 && ch < 127)) v.add(s);
        });
        return v;
    }

    private Map<String, byte[]> sealedBallots() {
        Map<String, byte[]> s = new LinkedHashMap<>();
        view.tables.getOrDefault(layout.boxTable(), List.of()).forEach(r -> {
            if (r.values().get(layout.sealedColumn()) instanceof byte[] b) s.put(hex(b), b);
        });
        allTuples(layout.boxTable()).forEach(t -> {
            if (t.column(atts(t.relation()), layout.sealedColumn()) instanceof byte[] b && b.length > 16) s.put(hex(b), b);
        });
        return s;
    }

    /** Receipt code → content of every published ballot (events' payloads holding "trackingCode"). */
    private Map<String, Content> publishedBallots() {
        Map<String, Content> out = new LinkedHashMap<>();
        for (JsonNode b : publishedNodes()) {
            String code = b.path("trackingCode").asText();
            List<String> kept = new ArrayList<>();
            b.path("keptCandidateIds").forEach(k -> kept.add(k.asText()));
            out.put(code, new Content(kept, code));
        }
        return out;
    }

    private List<JsonNode> publishedNodes() {
        List<JsonNode> out = new ArrayList<>();
        for (SuperuserView.Row r : view.tables.getOrDefault("domain_event_entry", List.of())) {
            if (!(r.values().get("payload") instanceof byte[] p) || !new String(p, StandardCharsets.UTF_8).contains("trackingCode")) continue;
            try {
                out.addAll(JSON.readTree(p).findParents("trackingCode"));
            } catch (Exception notJson) {
                // not an event he can read as JSON
            }
        }
        return out;
    }

    /**
     * Sealed ballot → receipt code, where a published ballot (an event's ballot object, or a table row holding a
     * published code) carries the sealed bytes or their SHA-256, as hex or base64.
     */
    private Map<String, String> sealedInPublished(Map<String, byte[]> sealed, Set<String> codes) {
        Map<String, String> forms = new HashMap<>();
        sealed.forEach((hex, s) -> {
            byte[] digest = sha256(s);
            for (byte[] b : List.of(s, digest)) {
                forms.put(HexFormat.of().formatHex(b), hex);
                forms.put(java.util.Base64.getEncoder().encodeToString(b), hex);
                forms.put(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b), hex);
                forms.put("\\x" + HexFormat.of().formatHex(b), hex);
            }
        });
        Map<String, String> out = new HashMap<>();
        for (JsonNode b : publishedNodes()) {
            List<String> values = new ArrayList<>();
            b.fields().forEachRemaining(f -> { if (f.getValue().isTextual()) values.add(f.getValue().asText()); });
            for (String v : values) {
                String hex = forms.get(v.toLowerCase().startsWith("\\x") || v.matches("[0-9A-F]+") ? v.toLowerCase() : v);
                if (hex != null) out.put(hex, b.path("trackingCode").asText());
            }
        }
        view.tables.forEach((table, rows) -> rows.forEach(r -> {
            String hex = null, code = null;
            for (Object v : r.values().values()) {
                if (v instanceof byte[] b) {
                    if (sealed.containsKey(HexFormat.of().formatHex(b))) hex = HexFormat.of().formatHex(b);
                    else if (forms.containsKey(HexFormat.of().formatHex(b))) hex = forms.get(HexFormat.of().formatHex(b));
                } else if (v != null) {
                    if (forms.containsKey(v.toString())) hex = forms.get(v.toString());
                    if (codes.contains(v.toString())) code = v.toString();
                }
            }
            if (hex != null && code != null) out.put(hex, code);
        }));
        return out;
    }

    private static byte[] sha256(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> publishedCodes() {
        Set<String> codes = new LinkedHashSet<>();
        for (SuperuserView.Row r : view.tables.getOrDefault("domain_event_entry", List.of())) {
            if (!(r.values().get("payload") instanceof byte[] p)) continue;
            String text = new String(p, StandardCharsets.UTF_8);
            if (!text.contains("trackingCode")) continue;
            try {
                JSON.readTree(p).findValues("trackingCode").forEach(c -> { if (c.isTextual() && c.asText().length() >= 6) codes.add(c.asText()); });
            } catch (Exception notJson) {
                // not an event he can read as JSON
            }
        }
        return codes;
    }

    // ------------------------------------------------------------------------------------------------- (1) open

    private void openAll(Map<String, byte[]> sealed, Map<String, Content> opened, long[] tried, String[] foundIn) {
        int len = layout.format().keyLength();
        Set<Long> seen = new HashSet<>();
        List<byte[]> targets = new ArrayList<>(sealed.values());
        long start = System.nanoTime();
        java.util.function.BiConsumer<String, byte[]> windows = (where, bytes) -> {
            if (bytes == null || opened.size() == sealed.size()) return;
            for (int i = 0; i + len <= bytes.length; i++) {
                if (!keyLike(bytes, i, len) || !seen.add(hash(bytes, i, len))) continue;
                byte[] key = Arrays.copyOfRange(bytes, i, i + len);
                tried[0]++;
                byte[] target = targets.stream().filter(t -> !opened.containsKey(hex(t))).findFirst().orElse(null);
                if (target == null) return;
                if (layout.format().open(key, target).isPresent()) {
                    if (foundIn[0] == null) foundIn[0] = where + " at byte " + i;
                    for (byte[] t : targets) layout.format().open(key, t).ifPresent(c -> opened.put(hex(t), c));
                }
            }
        };
        // Values first (cheap, where a key is most likely), then whole tuples, then the log's records.
        view.tables.forEach((table, rows) -> rows.forEach(r -> r.values().forEach((col, v) -> {
            if (v instanceof byte[] b) windows.accept("table " + table + "." + col, b);
        })));
        view.heap.forEach((rel, tuples) -> tuples.forEach(t -> windows.accept("heap of " + rel + (t.carved() ? " (carved)" : t.pointerFlags() == 3 ? " (dead)" : ""), t.bytes())));
        view.walPageTuples.forEach(t -> windows.accept("full-page image of " + t.relation() + " in the WAL", t.bytes()));
        view.walTuples.forEach(t -> windows.accept("WAL " + t.op() + " of " + t.relation() + " by xid " + t.xid(), t.tuple().bytes()));
        for (PgWal.Record r : view.walRecords) {
            boolean ours = r.blocks().isEmpty() || r.blocks().stream().anyMatch(b -> b.db() == view.databaseOid);
            if (ours) windows.accept("WAL record (rmgr " + r.rmid() + ", xid " + r.xid() + ") in " + r.segment(), r.raw());
        }
        notes.add("key candidates tried: " + tried[0] + " in " + (System.nanoTime() - start) / 1_000_000 + " ms; opened " + opened.size()
                + (foundIn[0] == null ? "" : "; key found in " + foundIn[0]));
    }

    /** A random key has few zero bytes and is not text; skipping the rest loses a real key with negligible probability. */
    private static boolean keyLike(byte[] b, int from, int len) {
        int zeros = 0, printable = 0;
        for (int i = from; i < from + len; i++) {
            int c = b[i] & 0xff;
            if (c == 0) zeros++;
            else if (c >= 32 && c < 127) printable++;
        }
        return zeros <= len / 5 && zeros + printable <= len * 3 / 4;
    }

    private static long hash(byte[] b, int from, int len) {
        long h = 1125899906842597L;
        for (int i = from; i < from + len; i++) h = 31 * h + b[i];
        return h ^ ((long) Arrays.hashCode(Arrays.copyOfRange(b, from, from + len)) << 32);
    }

    // ------------------------------------------------------------------------------------------------- (2) link

    private boolean tookPart(PgHeap.Tuple t) {
        return Boolean.TRUE.equals(t.column(atts(t.relation()), layout.tookPartColumn()));
    }

    /** Rows of the roll marked as having taken part and box rows written by the same transaction (xmin). */
    private Map<String, String> byXmin(boolean fullPageImages) {
        Map<Long, Set<String>> votersBy = new HashMap<>();
        Map<Long, Set<String>> sealedBy = new HashMap<>();
        List<PgHeap.Tuple> rollTuples = fullPageImages ? view.walPageTuples.stream().filter(t -> t.relation().equals(layout.rollTable())).toList()
                : view.tuples(layout.rollTable());
        for (PgHeap.Tuple t : rollTuples) {
            String v = str(t, layout.voterColumn());
            if (v != null && tookPart(t)) votersBy.computeIfAbsent(t.xmin(), k -> new TreeSet<>()).add(v);
        }
        List<PgHeap.Tuple> boxTuples = fullPageImages ? view.walPageTuples.stream().filter(t -> t.relation().equals(layout.boxTable())).toList()
                : view.tuples(layout.boxTable());
        for (PgHeap.Tuple t : boxTuples) {
            if (t.column(atts(t.relation()), layout.sealedColumn()) instanceof byte[] b) sealedBy.computeIfAbsent(t.xmin(), k -> new TreeSet<>()).add(hex(b));
        }
        return oneToOne(votersBy, sealedBy);
    }

    /** The WAL's records grouped by transaction: one voter marked and one ballot inserted by the same xid. */
    private Map<String, String> byWalXid() {
        Map<Long, Set<String>> votersBy = new HashMap<>();
        Map<Long, Set<String>> sealedBy = new HashMap<>();
        for (SuperuserView.WalTuple w : view.walTuples) {
            if (w.relation().equals(layout.rollTable()) && tookPart(w.tuple())) {
                String v = str(w.tuple(), layout.voterColumn());
                if (v != null) votersBy.computeIfAbsent(w.xid(), k -> new TreeSet<>()).add(v);
            } else if (w.relation().equals(layout.boxTable())
                    && w.tuple().column(atts(w.relation()), layout.sealedColumn()) instanceof byte[] b) {
                sealedBy.computeIfAbsent(w.xid(), k -> new TreeSet<>()).add(hex(b));
            }
        }
        return oneToOne(votersBy, sealedBy);
    }

    /**
     * Not tied to the roll table: any tuple (heap files, full-page images) naming exactly one voter whose xmin is a
     * ballot's, and the WAL records of a ballot's transaction naming exactly one voter. Catches a design that writes
     * some other voter-bearing row (a receipt, an idempotency record, an audit line) in the casting transaction.
     */
    private Map<String, String> byAnyVoterId(Set<String> voters) {
        Map<Integer, List<byte[]>> needles = new HashMap<>();
        voters.forEach(v -> add(needles, v));
        Map<Long, Set<String>> sealedBy = new HashMap<>();
        List<PgHeap.Tuple> boxTuples = new ArrayList<>(view.tuples(layout.boxTable()));
        view.walPageTuples.stream().filter(t -> t.relation().equals(layout.boxTable())).forEach(boxTuples::add);
        for (PgHeap.Tuple t : boxTuples) {
            if (t.column(atts(t.relation()), layout.sealedColumn()) instanceof byte[] b && box.contains(hex(b))) {
                sealedBy.computeIfAbsent(t.xmin(), k -> new TreeSet<>()).add(hex(b));
            }
        }
        for (SuperuserView.WalTuple w : view.walTuples) {
            if (w.relation().equals(layout.boxTable()) && w.tuple().column(atts(w.relation()), layout.sealedColumn()) instanceof byte[] b
                    && box.contains(hex(b))) {
                sealedBy.computeIfAbsent(w.xid(), k -> new TreeSet<>()).add(hex(b));
            }
        }
        Map<Long, Set<String>> votersBy = new HashMap<>();
        java.util.function.BiConsumer<Long, byte[]> look = (xid, bytes) -> {
            if (sealedBy.containsKey(xid)) votersBy.computeIfAbsent(xid, k -> new TreeSet<>()).addAll(occurrences(bytes, needles));
        };
        view.heap.values().forEach(ts -> ts.forEach(t -> look.accept(t.xmin(), t.bytes())));
        view.walPageTuples.forEach(t -> look.accept(t.xmin(), t.bytes()));
        view.walTuples.forEach(w -> look.accept(w.xid(), w.tuple().bytes()));
        view.walRecords.forEach(r -> look.accept(r.xid(), r.raw()));
        return oneToOne(votersBy, sealedBy);
    }

    private static Map<String, String> oneToOne(Map<Long, Set<String>> votersBy, Map<Long, Set<String>> sealedBy) {
        Map<String, String> links = new TreeMap<>();
        votersBy.forEach((xid, vs) -> {
            Set<String> ss = sealedBy.get(xid);
            if (vs.size() == 1 && ss != null && ss.size() == 1) links.put(vs.iterator().next(), ss.iterator().next());
        });
        return links;
    }

    /**
     * Voters in the order they were marked (xmin of their first took-part version) paired by rank with the ballots
     * in the order they lie in the box's pages (block, then from the page's end inwards, as the heap fills).
     */
    private Map<String, String> byOrder(double[] rho) {
        Map<String, Long> markedAt = new HashMap<>();
        for (PgHeap.Tuple t : view.tuples(layout.rollTable())) {
            String v = str(t, layout.voterColumn());
            if (v != null && roll.contains(v) && tookPart(t)) markedAt.merge(v, t.xmin(), Math::min);
        }
        Map<String, PgHeap.Tuple> boxRows = new LinkedHashMap<>();
        for (PgHeap.Tuple t : view.tuples(layout.boxTable())) {
            if (t.column(atts(t.relation()), layout.sealedColumn()) instanceof byte[] b && box.contains(hex(b))) boxRows.putIfAbsent(hex(b), t);
        }
        List<String> physical = boxRows.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, PgHeap.Tuple> e) -> e.getValue().block())
                        .thenComparing(e -> -e.getValue().pageOffset()))
                .map(Map.Entry::getKey).toList();
        List<String> byXmin = boxRows.entrySet().stream().sorted(Comparator.comparingLong(e -> e.getValue().xmin())).map(Map.Entry::getKey).toList();
        rho[0] = SuperuserView.spearman(physical, byXmin);
        List<String> votersInOrder = markedAt.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        notes.add("order: " + votersInOrder.size() + " voters with a took-part version, " + physical.size()
                + " box rows in the heap; Spearman(physical, xmin) of the box rows = " + rho[0]);
        Map<String, String> links = new TreeMap<>();
        if (votersInOrder.size() == physical.size()) {
            for (int i = 0; i < physical.size(); i++) links.put(votersInOrder.get(i), physical.get(i));
        }
        return links;
    }

    /**
     * Voters in the order they were marked and ballots in the order of their transaction ids (heap and full-page
     * images), paired by rank: catches a design that marks and drops the ballot in separate transactions.
     */
    private Map<String, String> byXminOrder() {
        Map<String, Long> markedAt = new HashMap<>();
        Map<String, Long> droppedAt = new HashMap<>();
        List<PgHeap.Tuple> rollTuples = new ArrayList<>(view.tuples(layout.rollTable()));
        List<PgHeap.Tuple> boxTuples = new ArrayList<>(view.tuples(layout.boxTable()));
        view.walPageTuples.forEach(t -> {
            if (t.relation().equals(layout.rollTable())) rollTuples.add(t);
            if (t.relation().equals(layout.boxTable())) boxTuples.add(t);
        });
        for (PgHeap.Tuple t : rollTuples) {
            String v = str(t, layout.voterColumn());
            if (v != null && roll.contains(v) && tookPart(t)) markedAt.merge(v, t.xmin(), Math::min);
        }
        for (PgHeap.Tuple t : boxTuples) {
            if (t.column(atts(t.relation()), layout.sealedColumn()) instanceof byte[] b && box.contains(hex(b))) {
                droppedAt.merge(hex(b), t.xmin(), Math::min);
            }
        }
        notes.add("order by xmin: " + markedAt.size() + " voters marked, " + droppedAt.size() + " ballots");
        return rankPair(inOrder(markedAt), inOrder(droppedAt));
    }

    /** The same pairing by the order of the WAL records that mark a voter and insert a ballot. */
    private Map<String, String> byWalOrder() {
        Map<String, Long> markedAt = new HashMap<>();
        Map<String, Long> droppedAt = new HashMap<>();
        for (int i = 0; i < view.walTuples.size(); i++) {
            SuperuserView.WalTuple w = view.walTuples.get(i);
            if (w.relation().equals(layout.rollTable()) && tookPart(w.tuple())) {
                String v = str(w.tuple(), layout.voterColumn());
                if (v != null && roll.contains(v)) markedAt.putIfAbsent(v, (long) i);
            } else if (w.relation().equals(layout.boxTable()) && w.tuple().column(atts(w.relation()), layout.sealedColumn()) instanceof byte[] b) {
                droppedAt.putIfAbsent(hex(b), (long) i);
            }
        }
        notes.add("order in the WAL: " + markedAt.size() + " voters marked, " + droppedAt.size() + " ballots");
        return rankPair(inOrder(markedAt), inOrder(droppedAt));
    }

    private static List<String> inOrder(Map<String, Long> at) {
        return at.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    private static Map<String, String> rankPair(List<String> voters, List<String> sealed) {
        Map<String, String> links = new TreeMap<>();
        if (voters.size() == sealed.size()) for (int i = 0; i < voters.size(); i++) links.put(voters.get(i), sealed.get(i));
        return links;
    }

    // ------------------------------------------------------------------------------------------ (3) co-occurrence

    /** A voter id and a receipt code inside one tuple, one transaction's WAL records, one log line or one statement. */
    private List<Claim> coOccurrences(Set<String> voters, Set<String> codes) {
        List<Claim> claims = new ArrayList<>();
        if (codes.isEmpty()) return claims;
        Map<Integer, List<byte[]>> needles = new HashMap<>();
        Map<String, Boolean> isVoter = new HashMap<>();
        voters.forEach(v -> { add(needles, v); isVoter.put(v, true); });
        codes.forEach(c -> { add(needles, c); isVoter.putIfAbsent(c, false); });
        java.util.function.BiConsumer<String, byte[]> look = (where, hay) -> {
            Set<String> found = occurrences(hay, needles);
            List<String> vs = found.stream().filter(isVoter::get).toList();
            List<String> cs = found.stream().filter(f -> !isVoter.get(f)).toList();
            if (vs.size() == 1 && cs.size() == 1) claims.add(new Claim(vs.get(0), new Content(null, cs.get(0)), "co-occurrence in " + where));
        };
        view.heap.forEach((rel, ts) -> ts.forEach(t -> look.accept("a tuple of " + rel, t.bytes())));
        view.walPageTuples.forEach(t -> look.accept("a full-page-image tuple of " + t.relation(), t.bytes()));
        Map<Long, java.io.ByteArrayOutputStream> byXid = new HashMap<>();
        for (PgWal.Record r : view.walRecords) {
            if (r.xid() != 0) byXid.computeIfAbsent(r.xid(), k -> new java.io.ByteArrayOutputStream()).writeBytes(r.raw());
        }
        byXid.forEach((xid, b) -> look.accept("the WAL records of xid " + xid, b.toByteArray()));
        for (String line : view.log.split("\n")) look.accept("a log line", line.getBytes(StandardCharsets.UTF_8));
        for (String q : view.activity) look.accept("pg_stat_activity", q.getBytes(StandardCharsets.UTF_8));
        for (String q : view.statements) look.accept("pg_stat_statements", q.getBytes(StandardCharsets.UTF_8));
        return claims;
    }

    private static void add(Map<Integer, List<byte[]>> needles, String s) {
        byte[] n = s.getBytes(StandardCharsets.UTF_8);
        if (n.length >= 4) needles.computeIfAbsent(ByteBuffer.wrap(n).getInt(), k -> new ArrayList<>()).add(n);
    }

    private static Set<String> occurrences(byte[] hay, Map<Integer, List<byte[]>> needles) {
        Set<String> found = new HashSet<>();
        for (int i = 0; i + 4 <= hay.length; i++) {
            int w = ((hay[i] & 0xff) << 24) | ((hay[i + 1] & 0xff) << 16) | ((hay[i + 2] & 0xff) << 8) | (hay[i + 3] & 0xff);
            List<byte[]> cands = needles.get(w);
            if (cands == null) continue;
            for (byte[] n : cands) {
                if (i + n.length <= hay.length && Arrays.equals(hay, i, i + n.length, n, 0, n.length)) found.add(new String(n, StandardCharsets.UTF_8));
            }
        }
        return found;
    }

    // --------------------------------------------------------------------------------------------------- helpers

    static List<List<String>> subsets(List<String> items, int max) {
        List<List<String>> out = new ArrayList<>();
        int n = items.size();
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) > max) continue;
            List<String> s = new ArrayList<>();
            for (int i = 0; i < n; i++) if ((mask & (1 << i)) != 0) s.add(items.get(i));
            out.add(s);
        }
        return out;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static Cipher cipher(String name) {
        try {
            return Cipher.getInstance(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
