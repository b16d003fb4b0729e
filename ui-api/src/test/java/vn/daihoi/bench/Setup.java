package vn.daihoi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import vn.daihoi.support.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Puts congresses in session over the HTTP API (the setup is not measured): a branch unit, the congress convened,
 * its roll imported by CSV, every delegate checked in with a voting token, the session opened, the committee size
 * and the candidate list decided by show of hands, an executive-committee election of {@link #SEATS} seats among
 * {@link #CANDIDATES} delegates with its list approved, and optionally round 1 opened. The same sequence as
 * {@code vn.daihoi.support.CongressInSession}. Each congress goes through the whole sequence on one thread, many
 * congresses side by side, so that a congress's aggregate is still in the application's cache for its next step.
 */
final class Setup implements AutoCloseable {

    static final int SEATS = 5;
    static final int CANDIDATES = 7;

    /** Checks delegate {@code i} of a congress in and returns his voting token. */
    interface CheckIn {
        String checkIn(Setup setup, Congress c, int i) throws Exception;
    }

    /** Over HTTP: the check-in (which answers the one-time code), then the code exchanged for a voting token. */
    static final CheckIn OVER_HTTP = (setup, c, i) -> {
        String code = setup.api.post(setup.organiser, path(c, "/delegates/" + c.delegateIds.get(i) + "/check-in"), "")
                .expect(200, "check-in").body().path("votingCode").asText();
        return setup.api.post(null, "/api/auth/voting-code", "{\"code\":" + BenchApi.q(code) + "}")
                .expect(200, "voting code").body().path("token").asText();
    };

    /** Time spent in one kind of setup step, summed over threads. */
    record Step(String name, long calls, double threadSeconds, boolean http) {}

    final BenchApi api;
    final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private final ExecutorService pool;
    private final int threads;
    private final CheckIn checkIn;
    private final Map<String, LongAdder[]> steps = new LinkedHashMap<>();
    String admin;
    String organiser;
    String province;
    String upper;

    Setup(BenchApi api, int threads, CheckIn checkIn) {
        this.api = api;
        this.threads = threads;
        this.checkIn = checkIn;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bench-setup-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    int threads() {
        return threads;
    }

    /** A congress in session with its election; voters' tokens in roll order. */
    static final class Congress {
        final int index;
        String unitId;
        String congressId;
        String electionId;
        final List<String> delegateIds = new ArrayList<>();
        final List<String> personIds = new ArrayList<>();
        final List<String> voterTokens = new ArrayList<>();
        final List<String> candidateIds = new ArrayList<>();
        /** ADR 0017: the counting committee's member (one: the season's congresses share their people) and the shares per round. */
        String countingToken;
        final java.util.Map<Integer, List<String>> shares = new java.util.concurrent.ConcurrentHashMap<>();
        /** Issue 11: voters signed in on the pages, in roll order (empty unless {@link Setup#signInOnPages} ran). */
        final List<BenchPages.Session> pageSessions = new ArrayList<>();

        Congress(int index) {
            this.index = index;
        }
    }

    /** The administrator, a province and its upper-level union, and an organiser over the province. */
    Setup base(String adminPassword) {
        admin = login("admin", adminPassword);
        province = unit(admin, "BENCH-ST-" + run, "Liên đoàn Lao động tỉnh Sóc Trăng (benchmark)", "PROVINCIAL_FEDERATION", null);
        upper = unit(admin, "BENCH-CDVC-" + run, "Công đoàn Viên chức tỉnh Sóc Trăng (benchmark)", "UPPER_LEVEL_UNION", province);
        String username = "bench-organiser-" + run.toLowerCase();
        api.post(admin, "/api/accounts", """
                {"username":"%s","password":"password-for-%s","grants":[{"role":"ORGANISER","scopeId":"%s"}]}"""
                .formatted(username, username, province)).expect(201, "organiser account");
        organiser = login(username, "password-for-" + username);
        return this;
    }

    String login(String username, String password) {
        return api.post(null, "/api/auth/login", "{\"username\":%s,\"password\":%s}".formatted(BenchApi.q(username), BenchApi.q(password)))
                .expect(200, "login " + username).body().path("token").asText();
    }

    String unit(String token, String code, String name, String kind, String parent) {
        return api.post(token, "/api/units", """
                {"code":%s,"name":%s,"kind":"%s",%s"effectiveOn":"2017-01-01","decision":{"number":"1/QĐ-BENCH"}}"""
                .formatted(BenchApi.q(code), BenchApi.q(name), kind, parent == null ? "" : "\"parentUnitId\":\"" + parent + "\","))
                .expect(201, "unit " + code).body().path("unit").path("unitId").asText();
    }

    /**
     * {@code count} branch congresses of {@code voters} delegates each, all present, each with an approved list and,
     * if {@code openRound1}, round 1 open. With {@code sharedPeople} the first roll registers its people and the others
     * list the same people by person_id (cheaper; the measured requests never read people).
     */
    List<Congress> congresses(String prefix, int count, int voters, boolean sharedPeople, boolean openRound1) {
        if (voters < CANDIDATES) throw new IllegalArgumentException("at least " + CANDIDATES + " voters");
        List<Congress> all = new ArrayList<>();
        for (int i = 0; i < count; i++) all.add(new Congress(i));
        Step1<Void> pipeline = c -> {
            c.unitId = step("register a unit (HTTP)", () -> unit(admin, "BENCH-" + prefix + "-" + run + "-" + c.index,
                    "Công đoàn cơ sở số " + (c.index + 1) + " (benchmark " + prefix + ")", "BRANCH_UNION", upper));
            c.congressId = step("convene the congress (HTTP)", () -> api.post(organiser, "/api/congresses", """
                    {"unitId":"%s","ordinal":1,"term":{"startYear":2023,"endYear":2028},"kind":"DELEGATE","pilot":false,
                     "date":"2023-06-15","venue":"Hội trường công đoàn cơ sở","announcedSeats":%d,
                     "decision":{"number":"01/QĐ-CĐCS","signedOn":"2023-05-02"}}""".formatted(c.unitId, SEATS))
                    .expect(201, "convene").body().path("congress").path("congressId").asText());
            boolean byId = sharedPeople && c.index > 0;
            String csv = byId ? csvOf(all.get(0).personIds, prefix) : Scenario.csv(voters, prefix);
            int added = step(byId ? "import the roll, people by person_id (HTTP)" : "import the roll, " + voters + " new people (HTTP)",
                    () -> api.postCsv(organiser, path(c, "/delegates/import"), csv).expect(200, "import roll").body().path("added").asInt());
            if (added != voters) throw new IllegalStateException("imported " + added + " of " + voters);
            step("read the roll (HTTP)", () -> {
                JsonNode roll = until(() -> api.get(organiser, path(c, "/delegates")).expect(200, "roll").body().path("delegates"),
                        r -> r.size() == voters, "roll of " + voters);
                for (JsonNode e : roll) {
                    c.delegateIds.add(e.path("delegateId").asText());
                    c.personIds.add(e.path("personId").asText());
                }
                return null;
            });
            for (int i = 0; i < voters; i++) {
                int v = i;
                c.voterTokens.add(step(checkIn == OVER_HTTP ? "check in + exchange the code for a token (2 × HTTP)"
                        : "check in + redeem the code for a token (in-process)", () -> checkIn.checkIn(this, c, v)));
            }
            step("open the session (HTTP)", () -> api.post(organiser, path(c, "/open"), "").expect(200, "open session"));
            step("decide by show of hands (HTTP)", () -> decide(c, "COMMITTEE_SIZE", "Số lượng Ban Chấp hành", List.of(), SEATS, voters));
            step("decide by show of hands (HTTP)", () -> decide(c, "COUNTING_COMMITTEE", "Ban kiểm phiếu", c.personIds.subList(0, 1), null, voters));
            c.countingToken = step("a counting member's account (HTTP)", () -> countingMember(c, c.personIds.get(0)));
            c.electionId = step("open the election (HTTP)", () -> api.post(organiser, path(c, "/elections"), "{\"body\":\"EXECUTIVE_COMMITTEE\"}")
                    .expect(201, "open election").body().path("electionId").asText());
            for (String p : nominees(c, voters)) {
                step("nominate a candidate (HTTP)", () -> api.post(organiser, "/api/elections/" + c.electionId + "/candidates",
                        "{\"personId\":\"" + p + "\",\"source\":\"OUTGOING_COMMITTEE\"}").expect(200, "nominate"));
            }
            String list = step("decide by show of hands (HTTP)", () -> decide(c, "CANDIDATE_LIST", "Danh sách bầu cử", nominees(c, voters), null, voters));
            JsonNode approved = step("approve the list (HTTP)", () -> api.post(organiser, "/api/elections/" + c.electionId + "/approve-list",
                    "{\"listDecisionId\":\"" + list + "\"}").expect(200, "approve list").body());
            JsonNode e = approved.path("ballotOrder").size() == CANDIDATES ? approved
                    : until(() -> api.get(organiser, "/api/elections/" + c.electionId).expect(200, "election").body(),
                    x -> x.path("ballotOrder").size() == CANDIDATES, "ballot order");
            e.path("ballotOrder").forEach(id -> c.candidateIds.add(id.asText()));
            if (openRound1) step("open round 1 (HTTP)", () -> openRound(c, 1));
            return null;
        };
        if (sharedPeople && count > 1) {
            each(all.subList(0, 1), pipeline);
            each(all.subList(1, all.size()), pipeline);
        } else {
            each(all, pipeline);
        }
        return all;
    }

    /**
     * Every voter of {@code c} signs in on the pages, {@link #threads()} at a time: the organiser reissues his
     * credential for a new voting code (which ends his API token: {@code c.voterTokens} are emptied, so that nothing
     * can still use them), then {@link BenchPages#signIn}.
     */
    void signInOnPages(Congress c, BenchPages pages) {
        List<Callable<BenchPages.Session>> tasks = new ArrayList<>();
        for (int i = 0; i < c.delegateIds.size(); i++) {
            String delegateId = c.delegateIds.get(i);
            tasks.add(() -> {
                String code = step("reissue the credential for a voting code (HTTP)", () -> api.post(organiser,
                        path(c, "/delegates/" + delegateId + "/credential"), "").expect(200, "reissue credential").body().path("votingCode").asText());
                if (code.isBlank()) throw new IllegalStateException("no voting code in the credential's answer");
                return step("sign in on the pages: GET /vote, POST /vote, GET /vote (3 × HTTP)", () -> pages.signIn(code));
            });
        }
        List<BenchPages.Session> sessions = parallel(tasks);
        c.voterTokens.clear();
        c.pageSessions.clear();
        c.pageSessions.addAll(sessions);
    }

    /** Answers read before a projection caught up (the endpoints' read-your-writes wait is bounded at 5 s). */
    final AtomicInteger staleReads = new AtomicInteger();

    /** Reads again until the answer shows what was written (counting the stale answers). */
    <T> T until(Timed<T> read, java.util.function.Predicate<T> done, String what) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        T x = read.call();
        if (done.test(x)) return x;
        staleReads.incrementAndGet();
        while (System.nanoTime() < deadline) {
            Thread.sleep(200);
            x = read.call();
            if (done.test(x)) return x;
        }
        throw new IllegalStateException("still not visible after 120 s: " + what);
    }

    private String decide(Congress c, String subject, String title, List<String> people, Integer seats, int present) {
        String id = UUID.randomUUID().toString();
        api.post(organiser, path(c, "/decisions"), """
                {"decisionId":"%s","subject":"%s","title":"%s","personIds":%s,"seats":%s,"votesFor":%d,"votesAgainst":0,"abstentions":0}"""
                .formatted(id, subject, title, BenchApi.array(people), seats == null ? "null" : seats, present)).expect(200, subject);
        return id;
    }

    /** A roll that lists registered people by id, with the same codes as {@link Scenario#csv}. */
    static String csvOf(List<String> personIds, String prefix) {
        StringBuilder b = new StringBuilder("Mã;person_id;Loại\n");
        for (int i = 1; i <= personIds.size(); i++) {
            b.append(prefix).append(String.format("%03d", i)).append(';').append(personIds.get(i - 1)).append(";Chính thức\n");
        }
        return b.toString();
    }

    private static List<String> nominees(Congress c, int voters) {
        return c.personIds.subList(voters - CANDIDATES, voters);
    }

    private final java.util.Map<String, String[]> countingAccounts = new java.util.concurrent.ConcurrentHashMap<>();

    /** The member's account (one per person, signed in once) with a COUNTING grant for this congress. */
    private String countingMember(Congress c, String personId) {
        String[] known = countingAccounts.get(personId);
        synchronized (countingAccounts) {
            known = countingAccounts.get(personId);
            if (known == null) {
                String username = "bench-kp-" + UUID.randomUUID().toString().substring(0, 8);
                String accountId = api.post(organiser, "/api/accounts", """
                        {"username":"%s","password":"password-for-%s","personId":"%s","grants":[{"role":"COUNTING","scopeId":"%s"}]}"""
                        .formatted(username, username, personId, c.congressId)).expect(201, "counting account").body().path("accountId").asText();
                known = new String[]{accountId, login(username, "password-for-" + username)};
                countingAccounts.put(personId, known);
                return known[1];
            }
        }
        api.post(organiser, "/api/accounts/" + known[0] + "/grants", "{\"role\":\"COUNTING\",\"scopeId\":\"" + c.congressId + "\"}")
                .expect(200, "counting grant");
        return known[1];
    }

    /** Round 1 takes the approved list; a further round names every candidate again for all seats (nobody elected yet). */
    /** The last {@link #openRound}'s two requests: the organiser's open, and the committee member's key share. */
    volatile double lastOpenRequestMs;
    volatile double lastShareRequestMs;

    BenchApi.Reply openRound(Congress c, int round) {
        String body = round == 1 ? "{\"round\":1}" : "{\"round\":%d,\"candidateIds\":%s,\"seats\":%d,\"decisionReference\":\"NQ-%d/ĐH bầu vòng %d\"}"
                .formatted(round, BenchApi.array(c.candidateIds), SEATS, round, round);
        long t = System.nanoTime();
        BenchApi.Reply opened = api.post(organiser, "/api/elections/" + c.electionId + "/rounds", body).expect(201, "open round " + round);
        lastOpenRequestMs = (System.nanoTime() - t) / 1e6;
        // ADR 0017: the committee takes its key share, sealing the box, before anyone votes.
        t = System.nanoTime();
        String share = api.post(c.countingToken, "/api/elections/" + c.electionId + "/rounds/" + round + "/key-share", "")
                .expect(200, "take key share").body().path("shareCode").asText();
        lastShareRequestMs = (System.nanoTime() - t) / 1e6;
        c.shares.put(round, List.of(share));
        return opened;
    }

    /** The close request; its answer is the round as the election projection shows it. */
    BenchApi.Reply closeRound(Congress c, int round) {
        return api.post(organiser, "/api/elections/" + c.electionId + "/rounds/" + round + "/close",
                "{\"shares\":" + BenchApi.array(c.shares.get(round)) + "}").expect(200, "close round " + round);
    }

    BenchApi.Reply readRound(Congress c, int round) {
        return api.get(organiser, "/api/elections/" + c.electionId + "/rounds/" + round).expect(200, "read round " + round);
    }

    static String path(Congress c, String tail) {
        return "/api/congresses/" + c.congressId + tail;
    }

    interface Step1<T> {
        T apply(Congress c) throws Exception;
    }

    interface Timed<T> {
        T call() throws Exception;
    }

    private <T> T step(String name, Timed<T> work) throws Exception {
        long t = System.nanoTime();
        try {
            return work.call();
        } finally {
            LongAdder[] a;
            synchronized (steps) {
                a = steps.computeIfAbsent(name, k -> new LongAdder[]{new LongAdder(), new LongAdder()});
            }
            a[0].increment();
            a[1].add(System.nanoTime() - t);
        }
    }

    /** Where the setup's time went, step by step, in order of first use. */
    List<Step> steps() {
        List<Step> out = new ArrayList<>();
        synchronized (steps) {
            steps.forEach((k, v) -> out.add(new Step(k, v[0].sum(), v[1].sum() / 1e9, k.contains("HTTP"))));
        }
        return out;
    }

    <T> List<T> each(List<Congress> all, Step1<T> step) {
        List<Callable<T>> tasks = new ArrayList<>();
        for (Congress c : all) tasks.add(() -> step.apply(c));
        return parallel(tasks);
    }

    <T> List<T> parallel(List<Callable<T>> tasks) {
        try {
            List<Future<T>> futures = pool.invokeAll(tasks);
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("setup failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
