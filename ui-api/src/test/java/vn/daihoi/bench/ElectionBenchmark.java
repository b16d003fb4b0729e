package vn.daihoi.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.daihoi.DaiHoiApplication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The election benchmark. Everything measured goes through the HTTP API of the application, started in this JVM
 * on a fresh database, with {@code concurrency} requests in flight:
 * <ul>
 *   <li>(a) one hot congress: rounds of {@code hot.voters} ballots back to back (open, cast every ballot, close)
 *       until the casting has lasted {@code hot.seconds}; ballots/s, latency, and the completion rate of each
 *       round's last 100 ballots against its first 100;</li>
 *   <li>(a′) the page path (issue 11): the hot congress's voters sign in on the delegates' web pages (their
 *       credentials reissued, so their API tokens end), then rounds of the hot congress where every ballot is the
 *       ballot page's form post ({@code POST /vote/elections/{e}/rounds/{r}/cast}: session cookie, CSRF token, HTML
 *       receipt), with the same closed loop, until as many seconds of casting as (a) measured;</li>
 *   <li>(b) a congress season: {@code season.congresses} branch congresses of {@code season.voters} voters casting
 *       at once, one round each, repeated with a new round until the casting has lasted {@code season.seconds};</li>
 *   <li>(c) the latency of the close request of each round of (a), which answers with the counted round.</li>
 * </ul>
 * pgbench single-row INSERT throughput is measured on the same server right before. The setup is timed but is not
 * part of any result. Results: stdout and {@code docs/benchmarks.md}. Options: {@code key=value} arguments (or one
 * argument of comma-separated pairs), see {@link Options}; without options the run is the required configuration.
 */
public final class ElectionBenchmark {

    /** The run's parameters; the defaults are the required configuration. */
    static final class Options {
        int concurrency = 64;
        int hotVoters = 1100;
        double hotSeconds = 30;
        int hotMinRounds = 5;
        int coldOpens = 5;
        double hotWarmUpSeconds = 30;
        int pagesMinRounds = 3;
        int pagesWarmUpRounds = 1;
        int seasonCongresses = 500;
        int seasonVoters = 60;
        double seasonSeconds = 30;
        int seasonMaxPasses = 10;
        int seasonCloseThreads = 8;
        int seasonCloseSeconds = 45;
        int setupThreads = 32;
        boolean checkInOverHttp = false;
        boolean sharedPeople = true;
        int[] pgbenchClients = {1, 4, 16};
        int[] pgbenchSeconds = {30, 10, 10};
        String report = System.getProperty("bench.report", "docs/benchmarks.md");
        final Map<String, String> given = new LinkedHashMap<>();

        static Options parse(String[] args) {
            Options o = new Options();
            for (String arg : args) {
                for (String pair : arg.split(",")) {
                    if (pair.isBlank() || pair.equals("defaults")) continue;
                    String[] kv = pair.split("=", 2);
                    if (kv.length != 2) throw new IllegalArgumentException("option without value: " + pair);
                    String k = kv[0].strip();
                    String v = kv[1].strip();
                    o.given.put(k, v);
                    switch (k) {
                        case "concurrency" -> o.concurrency = Integer.parseInt(v);
                        case "hot.voters" -> o.hotVoters = Integer.parseInt(v);
                        case "hot.seconds" -> o.hotSeconds = Double.parseDouble(v);
                        case "hot.minRounds" -> o.hotMinRounds = Integer.parseInt(v);
                        case "cold.opens" -> o.coldOpens = Integer.parseInt(v);
                        case "hot.warmUpSeconds" -> o.hotWarmUpSeconds = Double.parseDouble(v);
                        case "pages.minRounds" -> o.pagesMinRounds = Integer.parseInt(v);
                        case "pages.warmUpRounds" -> o.pagesWarmUpRounds = Integer.parseInt(v);
                        case "season.congresses" -> o.seasonCongresses = Integer.parseInt(v);
                        case "season.voters" -> o.seasonVoters = Integer.parseInt(v);
                        case "season.seconds" -> o.seasonSeconds = Double.parseDouble(v);
                        case "season.maxPasses" -> o.seasonMaxPasses = Integer.parseInt(v);
                        case "season.closeThreads" -> o.seasonCloseThreads = Integer.parseInt(v);
                        case "season.closeSeconds" -> o.seasonCloseSeconds = Integer.parseInt(v);
                        case "setup.threads" -> o.setupThreads = Integer.parseInt(v);
                        case "setup.checkIn" -> o.checkInOverHttp = switch (v) {
                            case "http" -> true;
                            case "in-process" -> false;
                            default -> throw new IllegalArgumentException("setup.checkIn is http or in-process");
                        };
                        case "setup.sharedPeople" -> o.sharedPeople = Boolean.parseBoolean(v);
                        case "pgbench.clients" -> o.pgbenchClients = ints(v);
                        case "pgbench.seconds" -> o.pgbenchSeconds = ints(v);
                        case "report" -> o.report = v;
                        default -> throw new IllegalArgumentException("unknown option " + k);
                    }
                }
            }
            if (o.pgbenchSeconds.length != o.pgbenchClients.length) {
                throw new IllegalArgumentException("pgbench.clients and pgbench.seconds need the same number of values");
            }
            return o;
        }

        boolean required() {
            return given.keySet().stream().allMatch(k -> k.equals("report"));
        }

        private static int[] ints(String v) {
            return Arrays.stream(v.split("[;/ ]")).filter(s -> !s.isBlank()).mapToInt(Integer::parseInt).toArray();
        }
    }

    /** One round of the hot congress. */
    record HotRound(int round, boolean warmUp, ClosedLoop.Run cast, CpuMeter.Usage cpu, double openMs, double closeMs, Windows w) {}

    /**
     * Completion rates of 100-ballot windows of a round. Literal: the 100 completions after the first one, and the
     * last 100. Steady: the same two windows moved inside the part of the round where all {@code concurrency}
     * requests are in flight (after the first {@code concurrency} answers, before the final drain). And the mean
     * latency of the first and of the last 100 ballots sent.
     */
    record Windows(double firstRate, double lastRate, double steadyFirstRate, double steadyLastRate, double firstMeanMs, double lastMeanMs) {
        double ratio() {
            return lastRate / firstRate;
        }

        double steadyRatio() {
            return steadyLastRate / steadyFirstRate;
        }
    }

    /** One pass of the season: every congress's round {@code round}. */
    record SeasonPass(int round, ClosedLoop.Run cast, CpuMeter.Usage cpu, double settleSeconds, int closed, double closeAllSeconds,
                      Latencies closes, double openNextSeconds) {}

    /** A phase and what it cost. */
    record Phase(String name, double seconds, CpuMeter.Usage cpu) {}

    private final Options o;
    private final List<Phase> phases = new ArrayList<>();
    private final List<Setup.Step> steps = new ArrayList<>();
    private int staleCloseAnswers;
    private int staleSetupReads;
    private double vacuumsAfterSeason;
    private boolean vacuumsAfterSeasonDone;
    private final List<HotRound> hotRounds = new ArrayList<>();
    /** (a′): rounds of the hot congress cast through the pages. */
    private final List<HotRound> pageRounds = new ArrayList<>();
    private final Map<String, Double> pagePg = new LinkedHashMap<>();
    /** The last round of the hot congress's election that (a) and its single-request round used. */
    private int lastHotRound;
    /** Size of the receipt pages (smallest, largest) in bytes, as sent (uncompressed: the client asks for no gzip). */
    private final java.util.concurrent.atomic.AtomicLong receiptMin = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
    private final java.util.concurrent.atomic.AtomicLong receiptMax = new java.util.concurrent.atomic.AtomicLong();
    /** What the check that (b) uses none of the hot congress's voters found. */
    private String seasonApart = "not checked";
    private final List<SeasonPass> passes = new ArrayList<>();
    private final Map<String, Double> aPg = new LinkedHashMap<>();
    private final Map<String, Double> bPg = new LinkedHashMap<>();
    private List<PgBench.Result> pgbench = List.of();
    private final Map<String, String> machine = new LinkedHashMap<>();
    private final Map<String, String> pgSettings = new LinkedHashMap<>();
    private String pgVersion = "?";
    private String javaVersion = "?";
    private String dbWhere = "?";
    private final ZonedDateTime started = ZonedDateTime.now();
    private double totalSeconds;
    private double settleBeforeA;

    private ElectionBenchmark(Options o) {
        this.o = o;
    }

    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        Options o = Options.parse(args);
        int code = 0;
        try {
            new ElectionBenchmark(o).run();
        } catch (Throwable t) {
            t.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    private void run() throws Exception {
        long t0 = System.nanoTime();
        machine.putAll(Machine.facts());
        javaVersion = Machine.javaVersionLine();
        log("machine: " + machine);
        BenchDatabase db = BenchDatabase.create();
        dbWhere = db.local ? "local server " + db.host() + ":" + db.port() + ", fresh database `" + db.name + "` (dropped at the end)"
                : "embedded PostgreSQL (no local server answered on 127.0.0.1:5432), database `" + db.name + "`";
        pgVersion = db.version();
        pgSettings.putAll(db.settings());
        log("database: " + dbWhere + "; " + pgVersion);
        try {
            checkpoint(db);
            log("pgbench on the same server, right before the HTTP runs");
            pgbench = PgBench.run(db, o.pgbenchClients, o.pgbenchSeconds);
            pgbench.forEach(r -> log("  " + r.command() + ": " + (r.error() != null ? r.error() : f0(r.tps()) + " tps, " + f2(r.latencyMs()) + " ms")));
            runApplication(db);
        } finally {
            db.drop();
        }
        totalSeconds = (System.nanoTime() - t0) / 1e9;
        String md = markdown();
        Path report = Path.of(o.report).toAbsolutePath().normalize();
        Files.createDirectories(report.getParent());
        Files.writeString(report, md + keptTail(report), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(md);
        log("report written to " + report + " (" + f0(totalSeconds) + " s in all)");
    }

    private void runApplication(BenchDatabase db) throws Exception {
        String adminPassword = "bench-admin-" + UUID.randomUUID();
        Path dataDir = Files.createTempDirectory("daihoi-bench-data");
        long t = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(DaiHoiApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("benchExcludesTestClasses", new ExcludeTestClasses()))
                .run("--server.port=0", "--daihoi.db.url=" + db.url, "--daihoi.db.user=" + db.user,
                        "--daihoi.admin.password=" + adminPassword, "--daihoi.data-dir=" + dataDir,
                        "--logging.structured.format.console=", "--logging.level.daihoi.request=WARN");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        vacuuming = app.getBean(vn.daihoi.election.infra.JdbcBallotBox.class)::vacuuming;
        phases.add(new Phase("application start (Spring context, Flyway)", (System.nanoTime() - t) / 1e9, null));
        log("application started on port " + port);
        HttpClient client = BenchApi.newClient();
        BenchApi api = new BenchApi(client, "http://127.0.0.1:" + port);
        BenchPages pages = new BenchPages(client, api.base);
        Setup.CheckIn checkIn = o.checkInOverHttp ? Setup.OVER_HTTP : inProcessCheckIn(app);
        try (Setup setup = new Setup(api, o.setupThreads, checkIn); ClosedLoop loop = new ClosedLoop(client, o.concurrency)) {
            setup.base(adminPassword);
            Setup.Congress hot = timed("setup: the hot congress (" + o.hotVoters + " voters)", () -> setup.congresses("H", 1, o.hotVoters, false, false).get(0));
            List<Setup.Congress> season = timed("setup: the season (" + o.seasonCongresses + " congresses of " + o.seasonVoters + " voters)",
                    () -> setup.congresses("S", o.seasonCongresses, o.seasonVoters, o.sharedPeople, true));
            settleBeforeA = settle(db);
            hotCongress(setup, loop, hot, db);
            coldOpens(setup, loop, hot, db, app);
            pagePath(setup, loop, pages, hot, season, db);
            season(setup, loop, season, db);
            steps.addAll(setup.steps());
            staleSetupReads = setup.staleReads.get();
        } finally {
            app.close();
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    private <T> T timed(String name, Work<T> work) throws Exception {
        log(name);
        CpuMeter.Sample s0 = CpuMeter.sample();
        T out = work.run();
        CpuMeter.Usage u = CpuMeter.between(s0, CpuMeter.sample());
        phases.add(new Phase(name, u.seconds(), u));
        log(String.format("  %.1f s", u.seconds()));
        return out;
    }

    /**
     * Setup shortcut (not measured): the check-in command and the code-for-token exchange done in this JVM with the
     * application's own beans, as {@code DelegateController.checkIn} and {@code AuthController.votingCode} do them,
     * without those endpoints' HTTP round trips and read-your-writes waits.
     */
    private static Setup.CheckIn inProcessCheckIn(ConfigurableApplicationContext app) {
        var commands = app.getBean(org.axonframework.commandhandling.gateway.CommandGateway.class);
        var secrets = app.getBean(vn.daihoi.account.Secrets.class);
        var credentials = app.getBean(vn.daihoi.delegate.infra.JdbcVotingCredentials.class);
        var tokens = app.getBean(vn.daihoi.account.Tokens.class);
        return (setup, c, i) -> {
            String code = secrets.newVotingCode();
            var credential = new vn.daihoi.delegate.IssuedCredential(UUID.randomUUID().toString(), secrets.hashVotingCode(code));
            credentials.issuing(credential, c.congressId, c.delegateIds.get(i),
                    () -> commands.sendAndWait(new vn.daihoi.delegate.CheckInDelegateCommand(c.congressId, c.delegateIds.get(i), credential)));
            var redeemed = credentials.redeem(secrets.hashVotingCode(code)).orElseThrow(() -> new IllegalStateException("code not redeemable"));
            return tokens.forVoter(redeemed.congressId(), redeemed.delegateId(), redeemed.credentialId()).token();
        };
    }

    // ---- (a) and (c): one hot congress ------------------------------------------------------------------

    private void hotCongress(Setup setup, ClosedLoop loop, Setup.Congress hot, BenchDatabase db) {
        log("(a) one hot congress: warm-up rounds for " + f0(o.hotWarmUpSeconds) + " s of casting, then measured rounds");
        int round = 0;
        double warmSeconds = 0;
        while (warmSeconds < o.hotWarmUpSeconds) {
            HotRound r = hotRound(setup, loop, null, hot, ++round, true, db);
            hotRounds.add(r);
            warmSeconds += r.cast().seconds();
        }
        Map<String, Double> pg0 = PgStats.sample(db);
        CpuMeter.Sample m0 = CpuMeter.sample();
        double castSeconds = 0;
        int measured = 0;
        while (castSeconds < o.hotSeconds || measured < o.hotMinRounds) {
            HotRound r = hotRound(setup, loop, null, hot, ++round, false, db);
            hotRounds.add(r);
            castSeconds += r.cast().seconds();
            measured++;
        }
        CpuMeter.Usage mu = CpuMeter.between(m0, CpuMeter.sample());
        PgStats.addDelta(aPg, pg0, PgStats.sample(db));
        phases.add(new Phase("(a) measured rounds back to back, open to close", mu.seconds(), mu));
        // For the service time: one more round with a single request in flight (not part of (a)).
        settle(db);
        try (ClosedLoop single = new ClosedLoop(loop.client(), 1)) {
            serial = hotRound(setup, single, null, hot, ++round, true, db);
        }
        lastHotRound = round;
    }

    private HotRound serial;
    private final List<double[]> coldOpens = new ArrayList<>();

    /**
     * (d) Issue 13: the hot congress's next rounds opened after the aggregates were dropped from memory (both
     * caches emptied), so the election and the congress are read from the store: their snapshots and the events after
     * them. Each round is then cast and closed like (a)'s, as a warm-up round; only the open is reported.
     */
    private void coldOpens(Setup setup, ClosedLoop loop, Setup.Congress hot, BenchDatabase db, ConfigurableApplicationContext app) {
        log("(d) opening a round with the aggregate caches emptied");
        int round = lastHotRound;
        for (int i = 0; i < o.coldOpens; i++) {
            settle(db);
            app.getBean("congressAggregateCache", org.axonframework.common.caching.Cache.class).removeAll();
            app.getBean("electionAggregateCache", org.axonframework.common.caching.Cache.class).removeAll();
            double[] before = openCommandTime(app);
            HotRound r = hotRound(setup, loop, null, hot, ++round, true, db);
            double[] after = openCommandTime(app);
            double commandMs = after[0] - before[0] == 1 ? after[1] - before[1] : Double.NaN;
            int snapshots = Integer.parseInt(db.count("select count(*) from snapshot_event_entry"));
            coldOpens.add(new double[]{r.round(), setup.lastOpenRequestMs, snapshots, commandMs, setup.lastShareRequestMs});
            log(String.format("  round %d opened cold in %.1f ms, of which the command %.1f ms; then the key share %.1f ms (%d snapshots in the store)",
                    r.round(), setup.lastOpenRequestMs, commandMs, setup.lastShareRequestMs, snapshots));
        }
        lastHotRound = round;
    }

    /**
     * The application's own timer of {@code OpenRoundCommand} (ADR 0028: from the command's handler, the aggregate's
     * loading included, to the commit of its events): how many, and their total in ms.
     */
    private static double[] openCommandTime(ConfigurableApplicationContext app) {
        io.micrometer.core.instrument.Timer t = app.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("daihoi.command")
                .tag("command", "OpenRoundCommand").tag("outcome", "success").timer();
        return t == null ? new double[]{0, 0} : new double[]{t.count(), t.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e6};
    }

    /** One round of the hot congress: every ballot through the API, or with {@code pages} through the ballot page's form post. */
    private HotRound hotRound(Setup setup, ClosedLoop loop, BenchPages pages, Setup.Congress hot, int round, boolean warmUp, BenchDatabase db) {
        long t = System.nanoTime();
        JsonNode opened = setup.openRound(hot, round).body();
        double openMs = (System.nanoTime() - t) / 1e6;
        if (opened.path("voters").asInt() != o.hotVoters) throw new IllegalStateException("round roll: " + opened.path("voters"));
        List<int[]> who = new ArrayList<>();
        for (int v = 0; v < o.hotVoters; v++) who.add(new int[]{0, v});
        Collections.shuffle(who, new Random(round));
        List<HttpRequest> ballots = pages == null ? ballots(setup.api, List.of(hot), who, round) : pageBallots(pages, hot, who, round);
        CpuMeter.Sample c0 = CpuMeter.sample();
        ClosedLoop.Run run = pages == null ? loop.run(ballots, 201) : loop.run(ballots, 201, this::receipt);
        CpuMeter.Usage cpu = CpuMeter.between(c0, CpuMeter.sample());
        t = System.nanoTime();
        JsonNode closed = setup.closeRound(hot, round).body();
        double closeMs = (System.nanoTime() - t) / 1e6;
        checkCounted(closed, o.hotVoters - run.errors(), (pages == null ? "hot congress round " : "hot congress (pages) round ") + round);
        HotRound r = new HotRound(round, warmUp, run, cpu, openMs, closeMs, windows(run, 100, loop.concurrency()));
        log(String.format("  round %d%s%s: %d ballots in %.2f s = %.0f/s, p50 %.1f ms, p99 %.1f ms, errors %d; 100-ballot windows first/last %.0f/%.0f per s, "
                        + "steady %.0f/%.0f per s; open %.0f ms, close %.0f ms; CPU busy %.2f of %.0f%s",
                round, (pages == null ? "" : " (pages)") + (warmUp && loop.concurrency() == o.concurrency ? " (warm-up)" : ""),
                loop.concurrency() == o.concurrency ? "" : " (" + loop.concurrency() + " in flight)", run.count, run.seconds(), run.count / run.seconds(), pct(run, 50), pct(run, 99), run.errors(),
                r.w().firstRate(), r.w().lastRate(), r.w().steadyFirstRate(), r.w().steadyLastRate(), openMs, closeMs, cpu.busyCores(), cpu.machineCores(),
                run.errors() == 0 ? "" : "; statuses " + run.statusCounts() + ", e.g. " + run.errorSamples.stream().limit(2)
                        .map(e -> e.length() > 300 ? e.substring(0, 300) + "…" : e).toList()));
        return r;
    }

    // ---- (a′): the page path ----------------------------------------------------------------------------------

    /**
     * The hot congress's voters sign in on the pages (a timed setup step), then rounds of the hot congress cast
     * through the ballot page's form post, as (a)'s: warm-up rounds for (a)'s warm-up time (at least {@code pages.warmUpRounds}), then rounds
     * until as many seconds of casting as (a) measured and at least {@code pages.minRounds} rounds.
     */
    private void pagePath(Setup setup, ClosedLoop loop, BenchPages pages, Setup.Congress hot, List<Setup.Congress> season, BenchDatabase db)
            throws Exception {
        String oldToken = hot.voterTokens.isEmpty() ? null : hot.voterTokens.get(0);
        timed("setup: the hot congress's " + o.hotVoters + " voters sign in on the pages (credential reissued; GET /vote, POST /vote, GET /vote)",
                () -> {
                    setup.signInOnPages(hot, pages);
                    return null;
                });
        if (hot.pageSessions.size() != o.hotVoters) throw new IllegalStateException("signed in " + hot.pageSessions.size() + " of " + o.hotVoters);
        seasonApart = checkSeasonApart(setup, hot, season, oldToken);
        log("  " + seasonApart);
        double target = hotRounds.stream().filter(r -> !r.warmUp()).mapToDouble(r -> r.cast().seconds()).sum();
        log(String.format("(a′) the page path: warm-up rounds for %.0f s of casting (at least %d), then measured rounds until %.1f s of casting ((a)'s) and at least %d rounds",
                o.hotWarmUpSeconds, o.pagesWarmUpRounds, target, o.pagesMinRounds));
        settle(db);
        int round = lastHotRound;
        // Warmed up as (a) was: the page path runs code (session, CSRF, form, templates) the JIT has not compiled yet.
        double warmSeconds = 0;
        for (int i = 0; i < o.pagesWarmUpRounds || warmSeconds < o.hotWarmUpSeconds; i++) {
            HotRound w = hotRound(setup, loop, pages, hot, ++round, true, db);
            pageRounds.add(w);
            warmSeconds += w.cast().seconds();
        }
        Map<String, Double> pg0 = PgStats.sample(db);
        CpuMeter.Sample m0 = CpuMeter.sample();
        double castSeconds = 0;
        int measured = 0;
        while (castSeconds < target || measured < o.pagesMinRounds) {
            HotRound r = hotRound(setup, loop, pages, hot, ++round, false, db);
            pageRounds.add(r);
            castSeconds += r.cast().seconds();
            measured++;
        }
        CpuMeter.Usage mu = CpuMeter.between(m0, CpuMeter.sample());
        PgStats.addDelta(pagePg, pg0, PgStats.sample(db));
        phases.add(new Phase("(a′) measured rounds through the pages back to back, open to close", mu.seconds(), mu));
    }

    /**
     * (b) must not use the hot congress's voters, whose API tokens the reissue ended: no season congress is the hot
     * one or shares a delegate, an election or a voter token with it, every season voter has his own token, and the
     * hot congress's tokens are gone from the benchmark. For the record, one hot voter's old token is tried (it
     * should be refused) and one season voter's (it should work).
     */
    private String checkSeasonApart(Setup setup, Setup.Congress hot, List<Setup.Congress> season, String oldHotToken) {
        java.util.Set<String> hotDelegates = new java.util.HashSet<>(hot.delegateIds);
        for (Setup.Congress c : season) {
            if (c == hot || c.congressId.equals(hot.congressId) || c.electionId.equals(hot.electionId)) {
                throw new IllegalStateException("the season contains the hot congress");
            }
            if (c.delegateIds.stream().anyMatch(hotDelegates::contains)) throw new IllegalStateException("a season congress shares a delegate with the hot congress");
            if (c.voterTokens.size() != o.seasonVoters || c.voterTokens.stream().anyMatch(t -> t == null || t.isBlank())) {
                throw new IllegalStateException("a season congress lacks voter tokens");
            }
            if (oldHotToken != null && c.voterTokens.contains(oldHotToken)) throw new IllegalStateException("a season congress holds a hot voter's token");
        }
        if (!hot.voterTokens.isEmpty()) throw new IllegalStateException("the hot congress's API tokens are still held");
        String old = oldHotToken == null ? "—" : Integer.toString(setup.api.get(oldHotToken, "/api/auth/me").status());
        String seasonVoter = season.isEmpty() ? "—" : Integer.toString(setup.api.get(season.get(0).voterTokens.get(0), "/api/auth/me").status());
        return String.format("(b) uses none of the hot congress's voters: checked — its %,d congresses share no congress, election, delegate or "
                + "voter token with the hot congress, and the hot congress's API tokens were dropped after the sign-in; `GET /api/auth/me` "
                + "with a hot voter's old API token answered %s, with a season voter's token %s", season.size(), old, seasonVoter);
    }

    /** A 201 must be the receipt page; its size is kept for the report. */
    private boolean receipt(byte[] body) {
        receiptMin.accumulateAndGet(body.length, Math::min);
        receiptMax.accumulateAndGet(body.length, Math::max);
        return BenchPages.isReceipt(body);
    }

    static Windows windows(ClosedLoop.Run run, int n, int inFlight) {
        if (run.count <= n + 2 * inFlight + 1) return new Windows(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        long[] done = run.doneNanos.clone();
        Arrays.sort(done);
        int last = run.count - 1;
        double firstMean = 0;
        double lastMean = 0;
        for (int i = 0; i < n; i++) {
            firstMean += run.latencyNanos(i) / 1e6 / n;
            lastMean += run.latencyNanos(last - i) / 1e6 / n;
        }
        return new Windows(rate(done, 0, n), rate(done, last - n, last), rate(done, inFlight, inFlight + n),
                rate(done, last - inFlight - n, last - inFlight), firstMean, lastMean);
    }

    private static double rate(long[] done, int from, int to) {
        return (to - from) / ((done[to] - done[from]) / 1e9);
    }

    // ---- (b): a congress season -----------------------------------------------------------------------------

    private void season(Setup setup, ClosedLoop loop, List<Setup.Congress> all, BenchDatabase db) {
        log("(b) the season: " + all.size() + " congresses of " + o.seasonVoters + " voters casting at once");
        int round = 1;
        double castSeconds = 0;
        while (true) {
            double settled = settle(db);
            List<int[]> who = new ArrayList<>();
            for (int c = 0; c < all.size(); c++) for (int v = 0; v < o.seasonVoters; v++) who.add(new int[]{c, v});
            Collections.shuffle(who, new Random(1000 + round));
            List<HttpRequest> ballots = ballots(setup.api, all, who, round);
            Map<String, Double> pg0 = PgStats.sample(db);
            CpuMeter.Sample c0 = CpuMeter.sample();
            ClosedLoop.Run run = loop.run(ballots, 201);
            CpuMeter.Usage cpu = CpuMeter.between(c0, CpuMeter.sample());
            PgStats.addDelta(bPg, pg0, PgStats.sample(db));
            castSeconds += run.seconds();
            log(String.format("  pass %d: %d ballots in %.2f s = %.0f/s, p50 %.1f ms, p99 %.1f ms, errors %d %s; CPU busy %.2f of %.0f",
                    round, run.count, run.seconds(), run.count / run.seconds(), pct(run, 50), pct(run, 99), run.errors(), run.statusCounts(),
                    cpu.busyCores(), cpu.machineCores()));
            int r = round;
            Latencies closes = new Latencies();
            long t = System.nanoTime();
            int closed = closeAll(setup, all, r, closes);
            double closeAll = (System.nanoTime() - t) / 1e9;
            boolean more = castSeconds < o.seasonSeconds && passes.size() + 1 < o.seasonMaxPasses && closed == all.size();
            double openNext = 0;
            if (more) {
                t = System.nanoTime();
                setup.each(all, c -> setup.openRound(c, r + 1));
                openNext = (System.nanoTime() - t) / 1e9;
            }
            passes.add(new SeasonPass(round, run, cpu, settled, closed, closeAll, closes, openNext));
            log(String.format("  closed %d of %d rounds in %.1f s (%d at a time; answers read before the projection caught up so far: %d)%s",
                    closed, all.size(), closeAll, o.seasonCloseThreads, staleCloseAnswers,
                    more ? String.format(", opened round %d everywhere in %.1f s", round + 1, openNext) : ""));
            if (!more) break;
            round++;
        }
        long t = System.nanoTime();
        boolean done = awaitVacuums(Duration.ofSeconds(10));
        vacuumsAfterSeason = (System.nanoTime() - t) / 1e9;
        vacuumsAfterSeasonDone = done;
        log(String.format("  vacuums after the season's closes: %s after %.1f s", done ? "done" : "still running", vacuumsAfterSeason));
    }

    /**
     * Closes every election's round {@code round}, {@code season.closeThreads} at a time, for at most
     * {@code season.closeSeconds}; a close answer that still shows the round open (the projection lagged beyond the
     * endpoint's bounded wait; the close itself committed) is counted and the round read again until counted.
     */
    private int closeAll(Setup setup, List<Setup.Congress> all, int round, Latencies closes) {
        java.util.concurrent.Semaphore closing = new java.util.concurrent.Semaphore(o.seasonCloseThreads);
        long deadline = System.nanoTime() + Duration.ofSeconds(o.seasonCloseSeconds).toNanos();
        java.util.concurrent.atomic.AtomicInteger closed = new java.util.concurrent.atomic.AtomicInteger();
        setup.each(all, c -> {
            closing.acquire();
            try {
                if (System.nanoTime() > deadline) return null;
                long ct = System.nanoTime();
                JsonNode answer = setup.closeRound(c, round).body();
                synchronized (closes) {
                    closes.add(System.nanoTime() - ct);
                }
                if (!"COUNTED".equals(answer.path("status").asText())) {
                    synchronized (this) {
                        staleCloseAnswers++;
                    }
                    long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                    while (!"COUNTED".equals(answer.path("status").asText()) && System.nanoTime() < until) {
                        sleep(200);
                        answer = setup.readRound(c, round).body();
                    }
                }
                checkCounted(answer, o.seasonVoters, "season round " + round);
                closed.incrementAndGet();
            } finally {
                closing.release();
            }
            return null;
        });
        return closed.get();
    }

    // ---- ballots --------------------------------------------------------------------------------------------

    /**
     * One cast request per (congress index, voter index): the voter's own token, a fresh Idempotency-Key, and three
     * of the seven names kept, rotating with the voter, so that every candidate gets about 3/7 of the votes, below
     * the profile's threshold of half: nobody is elected and the next round can put the whole list again.
     */
    private static List<HttpRequest> ballots(BenchApi api, List<Setup.Congress> congresses, List<int[]> who, int round) {
        List<HttpRequest> out = new ArrayList<>(who.size());
        for (int[] cv : who) {
            Setup.Congress c = congresses.get(cv[0]);
            int v = cv[1];
            List<String> kept = kept(c.candidateIds, v, round);
            out.add(HttpRequest.newBuilder(URI.create(api.base + "/api/elections/" + c.electionId + "/rounds/" + round + "/ballots"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + c.voterTokens.get(v))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"keptCandidateIds\":" + BenchApi.array(kept) + "}"))
                    .build());
        }
        return out;
    }

    /** The same ballots as {@link #ballots}, each the ballot page's confirmation form post in the voter's page session. */
    private static List<HttpRequest> pageBallots(BenchPages pages, Setup.Congress c, List<int[]> who, int round) {
        List<HttpRequest> out = new ArrayList<>(who.size());
        for (int[] cv : who) out.add(pages.cast(c.pageSessions.get(cv[1]), c.electionId, round, kept(c.candidateIds, cv[1], round)));
        return out;
    }

    /** Three of the seven names, rotating with the voter and the round. */
    private static List<String> kept(List<String> k, int v, int round) {
        return List.of(k.get((v + round) % k.size()), k.get((v + round + 1) % k.size()), k.get((v + round + 2) % k.size()));
    }

    private static void checkCounted(JsonNode closed, int expectedCollected, String what) {
        if (!"COUNTED".equals(closed.path("status").asText())) throw new IllegalStateException(what + ": not counted: " + closed);
        if (expectedCollected >= 0 && closed.path("collected").asInt() != expectedCollected) {
            throw new IllegalStateException(what + ": collected " + closed.path("collected") + ", expected " + expectedCollected);
        }
        for (JsonNode l : closed.path("lines")) {
            if ("ELECTED".equals(l.path("outcome").asText())) throw new IllegalStateException(what + ": somebody was elected");
        }
    }

    // ---- between phases -------------------------------------------------------------------------------------

    /**
     * Before a measured phase: the vacuums that closing rounds starts are finished, a checkpoint writes the dirty
     * pages of what came before, and the machine is quiet (the event processors have caught up).
     */
    private static double settle(BenchDatabase db) {
        long t = System.nanoTime();
        awaitVacuums(Duration.ofMinutes(3));
        checkpoint(db);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        CpuMeter.Sample q0 = CpuMeter.sample();
        CpuMeter.Usage last = null;
        while (System.nanoTime() < deadline) {
            CpuMeter.Sample a = CpuMeter.sample();
            sleep(500);
            last = CpuMeter.between(a, CpuMeter.sample());
            if (last.busyCores() < 0.25) break;
        }
        double s = (System.nanoTime() - t) / 1e9;
        CpuMeter.Usage q = CpuMeter.between(q0, CpuMeter.sample());
        log(String.format("  settled in %.1f s (vacuums done, checkpoint, machine quiet: %.2f cores busy at the end)%s", s,
                last == null ? 0 : last.busyCores(), s < 3 ? "" : String.format("; while waiting: PostgreSQL %.2f, JVM %.2f cores %s",
                        q.postgresCores(), q.jvmCores(), q.jvmByCategory())));
        return s;
    }

    /**
     * Closing a round asks the ballot box's vacuum thread to vacuum the ballot-box tables after commit (ADR 0008);
     * closes that ask while a vacuum is queued share it.
     */
    private static boolean awaitVacuums(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (vacuumsRunning()) {
            if (System.nanoTime() > deadline) return false;
            sleep(20);
        }
        return true;
    }

    /** The running application's ballot box: whether an after-close vacuum is queued or running. */
    private static volatile java.util.function.BooleanSupplier vacuuming = () -> false;

    private static boolean vacuumsRunning() {
        return vacuuming.getAsBoolean();
    }

    private static void checkpoint(BenchDatabase db) {
        try (Connection c = DriverManager.getConnection(db.url, db.user, "")) {
            BenchDatabase.exec(c, "checkpoint");
        } catch (Exception e) {
            log("checkpoint skipped: " + e.getMessage());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the report -----------------------------------------------------------------------------------------

    static final String KEEP_MARKER = "<!-- end of the generated part: the benchmark rewrites everything above this line and keeps what follows -->";

    private static String keptTail(Path report) {
        try {
            String old = Files.readString(report, StandardCharsets.UTF_8);
            int i = old.indexOf(KEEP_MARKER);
            return i < 0 ? "\n" : old.substring(i + KEEP_MARKER.length());
        } catch (Exception none) {
            return "\n";
        }
    }

    private static double pct(ClosedLoop.Run run, double p) {
        Latencies l = new Latencies();
        l.addAll(run);
        return l.percentileMs(p);
    }

    /** The casting of several runs together: every latency, and the ballots, errors and seconds summed. */
    record Casting(Latencies latencies, int ballots, int errors, double seconds) {
        static Casting of(List<ClosedLoop.Run> runs) {
            Latencies l = new Latencies();
            int ballots = 0;
            int errors = 0;
            double seconds = 0;
            for (ClosedLoop.Run r : runs) {
                l.addAll(r);
                ballots += r.count;
                errors += r.errors();
                seconds += r.seconds();
            }
            return new Casting(l, ballots, errors, seconds);
        }
    }

    private String markdown() {
        StringBuilder m = new StringBuilder();
        List<HotRound> measured = hotRounds.stream().filter(r -> !r.warmUp()).toList();
        Casting hot = Casting.of(measured.stream().map(HotRound::cast).toList());
        Latencies aLat = hot.latencies();
        int aBallots = hot.ballots();
        int aErrors = hot.errors();
        double aSeconds = hot.seconds();
        double aRate = aBallots / aSeconds;
        // Pooled over the measured rounds: all first windows' ballots / their total time, likewise for the last windows.
        double pooledRatio = pooled(measured, Windows::lastRate) / pooled(measured, Windows::firstRate);
        double pooledSteady = pooled(measured, Windows::steadyLastRate) / pooled(measured, Windows::steadyFirstRate);
        double[] steady = measured.stream().mapToDouble(r -> r.w().steadyRatio()).toArray();
        long roundsBelow = measured.stream().filter(r -> r.w().ratio() < 0.8).count();
        long steadyBelow = Arrays.stream(steady).filter(x -> x < 0.8).count();
        boolean costFlat = pooledRatio >= 0.8 && pooledSteady >= 0.8 && pooledSteady <= 1.2;
        double[] closes = measured.stream().mapToDouble(HotRound::closeMs).sorted().toArray();
        Casting season = Casting.of(passes.stream().map(SeasonPass::cast).toList());
        Latencies bLat = season.latencies();
        int bBallots = season.ballots();
        int bErrors = season.errors();
        double bSeconds = season.seconds();
        double bRate = bBallots / bSeconds;
        CpuMeter.Usage aCpu = combine(measured.stream().map(HotRound::cpu).toList());
        CpuMeter.Usage bCpu = combine(passes.stream().map(SeasonPass::cpu).toList());
        List<HotRound> pMeasured = pageRounds.stream().filter(r -> !r.warmUp()).toList();
        Casting pages = Casting.of(pMeasured.stream().map(HotRound::cast).toList());
        Latencies pLat = pages.latencies();
        int pBallots = pages.ballots();
        int pErrors = pages.errors();
        double pSeconds = pages.seconds();
        double pRate = pBallots / pSeconds;
        CpuMeter.Usage pCpu = combine(pMeasured.stream().map(HotRound::cpu).toList());
        List<PgBench.Result> pgOk = pgbench.stream().filter(r -> r.error() == null).toList();

        m.append("# Election benchmark\n\n");
        m.append("Generated by `vn.daihoi.bench.ElectionBenchmark` on **").append(started.toLocalDate()).append("** at ")
                .append(started.toLocalTime().withNano(0)).append(' ').append(started.getZone()).append(", ").append(f0(totalSeconds))
                .append(" s in all. Every number below comes from that one run on the machine described below")
                .append(o.required() ? "" : " — **with options " + o.given + ", not the required configuration**").append(".\n\n");

        m.append("## Summary\n\n");
        m.append("| scenario | measured | ballots/s | p50 | p99 | errors | target | verdict |\n|---|---|---:|---:|---:|---:|---|---|\n");
        m.append(String.format("| (a) one hot congress, rounds of %,d ballots back to back | %d rounds, %,d ballots, %.1f s of casting | **%.0f** | %.1f ms | %.1f ms | %d | ≥ 500 ballots/s | %s |%n",
                o.hotVoters, measured.size(), aBallots, aSeconds, aRate, aLat.percentileMs(50), aLat.percentileMs(99), aErrors, verdict(aRate >= 500)));
        m.append(String.format("| (a) completion rate of a round's last 100 ballots / its first 100 | pooled over %d rounds; in brackets: both windows where all %d are in flight | **%.2f** (%.2f) | | | | within 20 %% — the cost of a ballot must not grow | %s |%n",
                measured.size(), o.concurrency, pooledRatio, pooledSteady, verdict(costFlat) + (costFlat && pooledRatio > 1.2
                        ? ": not slower; the literal ratio is above 1.2 because a round's first ballots are slower" : "")));
        if (!pMeasured.isEmpty()) {
            m.append(String.format("| (a′) the page path: the same hot congress's rounds, every ballot the ballot page's form post (session cookie, CSRF token, HTML receipt) | %d rounds, %,d ballots, %.1f s of casting | **%.0f** | %.1f ms | %.1f ms | %d | reported beside (a) | — |%n",
                    pMeasured.size(), pBallots, pSeconds, pRate, pLat.percentileMs(50), pLat.percentileMs(99), pErrors));
        }
        m.append(String.format("| (b) congress season, %,d congresses × %d voters at once | %d pass(es), %,d ballots, %.1f s of casting | **%.0f** | %.1f ms | **%.1f ms** | %d | ≥ 1,000 ballots/s and p99 < 100 ms | %s |%n",
                o.seasonCongresses, o.seasonVoters, passes.size(), bBallots, bSeconds, bRate, bLat.percentileMs(50), bLat.percentileMs(99), bErrors,
                verdict(bRate >= 1000 && bLat.percentileMs(99) < 100) + (bRate >= 1000 && bLat.percentileMs(99) < 100 ? ""
                        : " (" + (bRate >= 1000 ? "" : "rate") + (bRate < 1000 && bLat.percentileMs(99) >= 100 ? ", " : "")
                        + (bLat.percentileMs(99) < 100 ? "" : "p99") + ")")));
        if (closes.length > 0) {
            m.append(String.format("| (c) close request of a %,d-ballot round until it answers with the counted round | %d rounds of (a) | | median **%.0f ms** | max %.0f ms (min %.0f) | | reported | — |%n",
                    o.hotVoters, closes.length, median(closes), closes[closes.length - 1], closes[0]));
        }
        if (!coldOpens.isEmpty()) {
            double[] ms = coldOpens.stream().mapToDouble(c -> c[1]).sorted().toArray();
            double[] cmd = coldOpens.stream().mapToDouble(c -> c[3]).sorted().toArray();
            m.append(String.format("| (d) open request of the hot congress's next round with both aggregate caches emptied (snapshots, %d in the store), until it answers with the round | %d rounds | | median **%.1f ms** | max %.1f ms (min %.1f) | | < 50 ms | %s |%n",
                    (int) coldOpens.get(coldOpens.size() - 1)[2], ms.length, median(ms), ms[ms.length - 1], ms[0], verdict(ms[ms.length - 1] < 50)));
            m.append(String.format("| (d) of which the command: loading the election (its snapshot and the events after it), reading the frozen roll, deciding, writing the round and its roll, commit (the application's `daihoi_command_seconds`) | %d rounds | | median %.1f ms | max %.1f ms (min %.1f) | | reported | — |%n",
                    cmd.length, median(cmd), cmd[cmd.length - 1], cmd[0]));
            double[] share = coldOpens.stream().mapToDouble(c -> c[4]).sorted().toArray();
            m.append(String.format("| (d) then the counting committee member's key share, which seals the box (a request of its own, ADR 0017) | %d rounds | | median %.1f ms | max %.1f ms (min %.1f) | | reported | — |%n",
                    share.length, median(share), share[share.length - 1], share[0]));
        }
        if (!pgOk.isEmpty()) {
            m.append("| yardstick: pgbench single-row INSERT on the same server | ")
                    .append(String.join("; ", pgOk.stream().map(r -> "-c " + r.clients() + ": " + f0(r.tps()) + " tps").toList()))
                    .append(" | | | | | | |\n");
        }
        m.append("\n");
        if (!pMeasured.isEmpty()) {
            m.append(String.format("**(a′) against (a), same run:** the page path cast **%.0f ballots/s, %.2f × the API's %.0f** (%+.0f %%); "
                            + "p50 %.1f ms against %.1f ms (× %.2f), p99 %.1f ms against %.1f ms (× %.2f)%s.%n%n", pRate, pRate / aRate, aRate,
                    100 * (pRate / aRate - 1), pLat.percentileMs(50), aLat.percentileMs(50), pLat.percentileMs(50) / aLat.percentileMs(50),
                    pLat.percentileMs(99), aLat.percentileMs(99), pLat.percentileMs(99) / aLat.percentileMs(99),
                    aCpu == null || pCpu == null ? "" : String.format("; CPU per ballot (whole machine) %.2f ms against %.2f ms",
                            busyMsPerBallot(pCpu, pBallots), busyMsPerBallot(aCpu, aBallots))));
        }

        m.append("## Machine\n\n| | |\n|---|---|\n");
        machine.forEach((k, v) -> m.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        m.append("| `java -version` | ").append(javaVersion).append(" |\n");
        m.append("| PostgreSQL (`select version()`) | ").append(pgVersion).append(" |\n");
        m.append("| PostgreSQL settings | ");
        pgSettings.forEach((k, v) -> m.append('`').append(k).append('=').append(v).append("` "));
        m.append("— the cluster's defaults, nothing tuned |\n");
        m.append("| database | ").append(dbWhere).append(" |\n\n");

        m.append("## Configuration\n\n");
        m.append("- **In-process.** The application (`vn.daihoi.DaiHoiApplication`, the same Spring Boot application as `daihoi.jar`, with its "
                + "default settings: Tomcat's defaults, a Hikari pool of 16 connections, the event processors of `application.yml`) runs in "
                + "the benchmark's JVM on an ephemeral port (JVM options `-Xms2g -Xmx2g`). The load client is `java.net.http.HttpClient` over "
                + "HTTP/1.1 to 127.0.0.1, in the same JVM. Client, server and PostgreSQL share the machine's CPUs.\n");
        m.append("- **Request log silenced** for the whole run (`--logging.level.daihoi.request=WARN`, plain-text console): the per-request log "
                + "line is not what is measured. Everything else logs as in production.\n");
        m.append(String.format("- **Concurrency %d, closed loop**: %d worker threads, each sending its next request as soon as its previous one has "
                + "answered, so exactly %d requests are in flight (fewer only while the last requests of a round drain). Latency is measured "
                + "from just before a request is handed to the client until its whole answer has been read.%n", o.concurrency, o.concurrency, o.concurrency));
        m.append("- **A cast** is `POST /api/elections/{id}/rounds/{n}/ballots` with the voter's own bearer token, a fresh `Idempotency-Key` and "
                + "`{\"keptCandidateIds\":[…3 of the 7 names…]}`; only 201 counts as success. Voters come in a random order. The names kept "
                + "rotate with the voter, so nobody passes the threshold of half and every round can be followed by another with the whole "
                + "list (a further round is opened as the rules require: decision reference, all 7 candidates, 5 seats).\n");
        m.append(String.format("- **(a)** warm-up rounds first (at least %.0f s of casting; reported, not counted), then rounds of %,d ballots "
                + "back to back — open, cast, close — until at least %.0f s of casting and at least %d rounds. Ballots/s = ballots / casting "
                + "time (first request sent → last answer read); open and close are outside it. First/last 100: completion rate of the "
                + "100 answers after the first one / of the last 100 answers; \"steady\": the same windows taken after the first %d and "
                + "before the last %d answers, where all %d requests are in flight.%n", o.hotWarmUpSeconds, o.hotVoters, o.hotSeconds,
                o.hotMinRounds, o.concurrency, o.concurrency, o.concurrency));
        m.append(String.format("- **(a′)** after (a), the hot congress's %,d voters sign in on the delegates' pages, %d at a time (timed as "
                + "setup): the organiser reissues each one's credential (`POST /api/congresses/{c}/delegates/{d}/credential`, which ends his "
                + "API token), then `GET /vote` (a session cookie `DAIHOI_SESSION` and a CSRF token), `POST /vote` with the code (302, a new "
                + "session id) and `GET /vote` (a CSRF token of the signed-in session). Then warm-up rounds for %.0f s of casting as (a)'s "
                + "(at least %d) and rounds of %,d ballots "
                + "until at least (a)'s casting time and at least %d rounds, each opened, closed and checked as (a)'s, where every ballot is "
                + "`POST /vote/elections/{e}/rounds/{n}/cast` with the cookie and the form body `_csrf=…&key=<UUID>&kept=…&kept=…&kept=…` "
                + "(the same three names as (a)'s rule), `Accept: text/html` and no `Accept-Encoding` (the receipt is sent uncompressed); "
                + "only a 201 whose body is the receipt page counts as success. Same closed loop, same %d in flight.%n",
                o.hotVoters, o.setupThreads, o.hotWarmUpSeconds, o.pagesWarmUpRounds, o.hotVoters, o.pagesMinRounds, o.concurrency));
        m.append(String.format("- **(b)** %,d congresses of %d voters, every ballot of every congress shuffled into one stream of %,d; repeated "
                + "with a new round everywhere until at least %.0f s of casting (closing and opening are outside the measure).%n",
                o.seasonCongresses, o.seasonVoters, o.seasonCongresses * o.seasonVoters, o.seasonSeconds));
        m.append(String.format("- **Setup** (timed below, never part of a result): units, convening, CSV roll imports, decisions, elections, "
                + "nominations, list approvals and opening round 1 over the HTTP API, %d congresses at a time; check-in and voting-code "
                + "exchange %s. The hot congress imports %,d new people; %s. Before each measured phase the after-close vacuums are "
                + "awaited, a `CHECKPOINT` is issued and the machine is let go quiet.%n", o.setupThreads, o.checkInOverHttp ? "over HTTP as well"
                : "in-process for speed (the same `CheckInDelegateCommand`, credential redemption and voter token as the endpoints)",
                o.hotVoters, o.sharedPeople ? "the season's first roll imports " + o.seasonVoters + " new people and the other rolls list the "
                        + "same people by `person_id` (the measured requests never read people)" : "every season roll imports new people"));
        m.append("- **pgbench** right before the HTTP runs, in a scratch database created and dropped by the benchmark: table "
                + "`t(id bigserial primary key, v int)`, script `insert into t(v) values (1);`, one transaction per insert, fsync on.\n\n");

        m.append("## (a) One hot congress\n\n");
        m.append("| round | ballots | casting s | ballots/s | p50 ms | p99 ms | max ms | errors | first 100 /s | last 100 /s | last/first | steady first /s | steady last /s | steady last/first | mean ms, first 100 sent | mean ms, last 100 sent | open ms | close ms |\n");
        m.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (HotRound r : hotRounds) {
            ClosedLoop.Run c = r.cast();
            Windows w = r.w();
            m.append(String.format("| %d%s | %d | %.2f | %.0f | %.1f | %.1f | %.1f | %d | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f | %.1f | %.1f | %.0f | %.0f |%n",
                    r.round(), r.warmUp() ? " (warm-up)" : "", c.count, c.seconds(), c.count / c.seconds(), pct(c, 50), pct(c, 99), pct(c, 100),
                    c.errors(), w.firstRate(), w.lastRate(), w.ratio(), w.steadyFirstRate(), w.steadyLastRate(), w.steadyRatio(),
                    w.firstMeanMs(), w.lastMeanMs(), r.openMs(), r.closeMs()));
        }
        m.append(String.format("| **measured, pooled** | %,d | %.2f | **%.0f** | %.1f | %.1f | %.1f | %d | %.0f | %.0f | **%.2f** | %.0f | %.0f | **%.2f** | | | | |%n%n",
                aBallots, aSeconds, aRate, aLat.percentileMs(50), aLat.percentileMs(99), aLat.maxMs(), aErrors,
                pooled(measured, Windows::firstRate), pooled(measured, Windows::lastRate), pooledRatio,
                pooled(measured, Windows::steadyFirstRate), pooled(measured, Windows::steadyLastRate), pooledSteady));
        m.append(String.format("Measured rounds together: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms. A 100-ballot window "
                + "lasts about 0.1 s, so one window is at the mercy of a GC pause or a checkpoint; pooled over the rounds they are not. "
                + "Rounds whose last/first ratio is below 0.8: %d of %d (steady windows: %d of %d).%n%n",
                aLat.percentileMs(50), aLat.percentileMs(90), aLat.percentileMs(99), aLat.percentileMs(99.9), aLat.maxMs(),
                roundsBelow, measured.size(), steadyBelow, measured.size()));

        if (serial != null) {
            ClosedLoop.Run c = serial.cast();
            m.append(String.format("**Service time.** One more round of %,d ballots with a single request in flight (not part of (a)): %.0f ballots/s, "
                            + "p50 %.1f ms, p99 %.1f ms, max %.1f ms. With %d in flight a ballot spends most of its latency waiting for the two "
                            + "cores: mean latency = %d / rate (Little's law) = %.0f ms in (a).%n%n",
                    c.count, c.count / c.seconds(), pct(c, 50), pct(c, 99), pct(c, 100), o.concurrency, o.concurrency, 1000.0 * o.concurrency / aRate));
        }

        if (!pageRounds.isEmpty()) m.append(pagePathSection(pMeasured, pages, pCpu, hot, aCpu));

        m.append("## (b) A congress season\n\n");
        m.append("| pass (round) | ballots | casting s | ballots/s | p50 ms | p90 ms | p99 ms | max ms | errors | settle before s | then closed | in s | close p50 / max ms | open next round s |\n");
        m.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SeasonPass p : passes) {
            ClosedLoop.Run c = p.cast();
            m.append(String.format("| %d | %,d | %.2f | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %.1f | %d | %.1f | %.0f / %.0f | %s |%n", p.round(), c.count, c.seconds(),
                    c.count / c.seconds(), pct(c, 50), pct(c, 90), pct(c, 99), pct(c, 100), c.errors(), p.settleSeconds(), p.closed(), p.closeAllSeconds(),
                    p.closes().percentileMs(50), p.closes().maxMs(), p.openNextSeconds() == 0 ? "—" : f1(p.openNextSeconds())));
        }
        m.append(String.format("| **all** | %,d | %.2f | **%.0f** | %.1f | %.1f | %.1f | %.1f | %d | | | | | |%n%n", bBallots, bSeconds, bRate,
                bLat.percentileMs(50), bLat.percentileMs(90), bLat.percentileMs(99), bLat.maxMs(), bErrors));
        m.append(String.format("After each pass every round is closed, %d at a time for at most %d s — outside the measure, for information. "
                + "Close answers that still showed the round open because the election projection had not caught up within the "
                + "endpoint's bounded wait of 5 s (the close itself had committed; the round was then read until counted): **%d**. "
                + "Each close asks for a vacuum of the ballot-box tables after commit (one thread, coalescing requests); after the season's closes those vacuums were %s "
                + "%.1f s later.%n%n", o.seasonCloseThreads, o.seasonCloseSeconds, staleCloseAnswers,
                vacuumsAfterSeasonDone ? "all done" : "**still running**", vacuumsAfterSeason));

        m.append("## (c) Close → published results\n\n");
        if (closes.length > 0) {
            m.append(String.format("The close request closes the round, opens and counts every sealed ballot, appends `RoundClosed` and `RoundCounted`, "
                    + "waits for the election projection and answers with the counted round (results and every published ballot with its "
                    + "tracking code). Over the %d measured rounds of (a), %,d ballots each: **min %.0f ms, median %.0f ms, max %.0f ms** "
                    + "(in order: %s ms; warm-up rounds: %s ms).%n%n", closes.length, o.hotVoters, closes[0], median(closes), closes[closes.length - 1],
                    String.join(", ", measured.stream().map(r -> f0(r.closeMs())).toList()),
                    String.join(", ", hotRounds.stream().filter(HotRound::warmUp).map(r -> f0(r.closeMs())).toList())));
        }

        m.append("## pgbench on the same server\n\n| command | transactions | tps | latency avg | WAL flushes per commit | machine busy | pgbench client | PostgreSQL | this JVM | rest |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PgBench.Result r : pgbench) {
            if (r.error() != null) {
                m.append("| ").append(r.command()).append(" | failed: ").append(r.error().replace('\n', ' ').replace('|', '/')).append(" | | | | | | | | |\n");
                continue;
            }
            m.append(String.format("| `%s` | %,d | **%.0f** | %.2f ms | %s | %s | %.2f | %.2f | %.2f | %.2f |%n", r.command(), r.transactions(), r.tps(), r.latencyMs(),
                    per(r.pg(), "WAL flushes (fsync)", r.pg().getOrDefault("commits", 0.0)), cores(r.cpu().busyCores(), r.cpu().machineCores()),
                    r.cpu().childCores(), r.cpu().postgresCores(), r.cpu().jvmCores(), r.cpu().otherCores()));
        }
        m.append("\n");

        m.append("## PostgreSQL's work per ballot\n\n");
        m.append("Counters of `pg_stat_database` (the benchmark's database), `pg_stat_wal`, `pg_stat_slru` and the WAL position (whole "
                + "server) over (a)'s and (a′)'s measured rounds **including opening and closing them** and over (b)'s casting only, divided by the "
                + "ballots cast (pgbench: by its transactions). Backends report their counters about once a second, so these are close, "
                + "not exact; commits include autocommitted single statements.\n\n");
        m.append("| per ballot | (a) hot congress | (a′) page path | (b) season |");
        pgOk.forEach(r -> m.append(" pgbench -c ").append(r.clients()).append(" (per insert) |"));
        m.append("\n|---|---:|---:|---:|");
        pgOk.forEach(r -> m.append("---:|"));
        m.append("\n");
        for (String k : PgStats.keys()) {
            m.append("| ").append(k).append(" | ").append(per(aPg, k, aBallots)).append(" | ").append(per(pagePg, k, pBallots)).append(" | ")
                    .append(per(bPg, k, bBallots)).append(" |");
            pgOk.forEach(r -> m.append(' ').append(per(r.pg(), k, r.transactions())).append(" |"));
            m.append("\n");
        }
        m.append("\n");

        m.append("## Setup (not measured)\n\n");
        m.append(String.format("Setup answers read before a projection had caught up (the endpoints wait at most 5 s for their own "
                + "projection, then answer what it shows; the benchmark then reads again until the write is visible): **%d**.%n%n", staleSetupReads));
        m.append(String.format("Each congress goes through its whole setup on one of %d threads, congresses side by side. Time per kind of step, "
                + "summed over the threads:%n%n| step | calls | thread-seconds | mean ms |%n|---|---:|---:|---:|%n", o.setupThreads));
        for (Setup.Step s : steps) {
            m.append(String.format("| %s | %,d | %.1f | %.1f |%n", s.name(), s.calls(), s.threadSeconds(), 1000 * s.threadSeconds() / s.calls()));
        }
        m.append("\n");

        m.append("## Where the CPU went\n\n");
        m.append("Average busy cores (of ").append(f0(aCpu == null ? 0 : aCpu.machineCores())).append(") over each phase, from `/proc/stat`, "
                + "`/proc/<pid>/stat` of this JVM and of every `postgres` process, and the JVM's per-thread CPU clocks. \"JVM internals\" "
                + "is the JVM's CPU on no Java thread (GC, JIT compilers); it serves client and server alike. \"Rest\" is everything else "
                + "on the machine (kernel work not charged to a process, other programs).\n\n");
        m.append("| phase | seconds | machine busy | load/setup client | Tomcat request threads | Axon processors | other Java threads | JVM internals (GC, JIT) | PostgreSQL | rest | iowait | steal |\n");
        m.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Phase> rows = new ArrayList<>(phases);
        if (aCpu != null) rows.add(new Phase("(a) casting only, measured rounds", aCpu.seconds(), aCpu));
        if (pCpu != null) rows.add(new Phase("(a′) casting only, measured rounds through the pages", pCpu.seconds(), pCpu));
        if (serial != null) rows.add(new Phase("one round with a single request in flight, casting only", serial.cpu().seconds(), serial.cpu()));
        if (bCpu != null) rows.add(new Phase("(b) casting only", bCpu.seconds(), bCpu));
        for (Phase p : rows) {
            CpuMeter.Usage u = p.cpu();
            if (u == null) {
                m.append(String.format("| %s | %.1f | | | | | | | | | | |%n", p.name(), p.seconds()));
                continue;
            }
            Map<String, Double> j = u.jvmByCategory();
            m.append(String.format("| %s | %.1f | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", p.name(), p.seconds(),
                    cores(u.busyCores(), u.machineCores()), j.get("load client") + j.get("setup client"), j.get("Tomcat request threads"),
                    j.get("Axon event processors"), j.get("other Java threads"), j.get("JVM internals (GC, JIT; remainder)"),
                    u.postgresCores(), u.otherCores(), u.iowaitCores(), u.stealCores()));
        }
        m.append("\n");
        if (aCpu != null) m.append(cpuPerBallot("(a)", aCpu, aBallots));
        if (pCpu != null) m.append(cpuPerBallot("(a′)", pCpu, pBallots));
        if (bCpu != null) m.append(cpuPerBallot("(b)", bCpu, bBallots));
        m.append("\n");

        m.append("## Reading (generated from the numbers above)\n\n");
        m.append(String.format("- (a) %s: %.0f ballots/s against ≥ 500 (p50 %.1f ms, p99 %.1f ms with %d in flight).%n", verdict(aRate >= 500),
                aRate, aLat.percentileMs(50), aLat.percentileMs(99), o.concurrency));
        m.append(String.format("- (a) cost of a ballot against the ballots already cast: %s — last-100 / first-100 completion rate %.2f pooled "
                        + "over the rounds (%.2f with both windows where all requests are in flight); mean latency of the first 100 ballots "
                        + "sent %.1f ms, of the last 100 %.1f ms.%n", verdict(costFlat), pooledRatio, pooledSteady,
                measured.stream().mapToDouble(r -> r.w().firstMeanMs()).average().orElse(Double.NaN),
                measured.stream().mapToDouble(r -> r.w().lastMeanMs()).average().orElse(Double.NaN)));
        if (!pMeasured.isEmpty()) {
            m.append(String.format("- (a′) the page path: %.0f ballots/s, %.2f × (a)'s API figure in the same run (p50 %.1f ms, p99 %.1f ms, %d errors)%s; "
                            + "%s the 500 ballots/s that (a)'s target asks of the API (no target is set for the pages).%n", pRate, pRate / aRate, pLat.percentileMs(50), pLat.percentileMs(99), pErrors,
                    aCpu == null || pCpu == null ? "" : String.format(", %.2f ms of CPU per ballot against %.2f ms", busyMsPerBallot(pCpu, pBallots),
                            busyMsPerBallot(aCpu, aBallots)), pRate >= 500 ? "above" : "**below**"));
        }
        m.append(String.format("- (b) %s: %.0f ballots/s against ≥ 1,000; p99 %.1f ms against < 100 ms. With %d in flight the mean latency is "
                        + "%d / rate = %.0f ms%s.%n", verdict(bRate >= 1000 && bLat.percentileMs(99) < 100), bRate, bLat.percentileMs(99), o.concurrency,
                o.concurrency, 1000.0 * o.concurrency / bRate, serial == null ? "" : String.format(", while a ballot alone takes %.1f ms (p50 with one "
                        + "request in flight): the latency is queueing for CPU, and p99 < 100 ms at %d in flight needs a higher rate first",
                        pct(serial.cast(), 50), o.concurrency)));
        if (closes.length > 0) {
            m.append(String.format("- (c) a round of %,d ballots is counted and published a median %.0f ms after the close request (max %.0f ms).%n",
                    o.hotVoters, median(closes), closes[closes.length - 1]));
        }
        if (aCpu != null && bCpu != null) {
            m.append(String.format("- The machine was %.0f %% busy while casting in (a) and %.0f %% in (b): %s%n", 100 * aCpu.busyShare(),
                    100 * bCpu.busyShare(), Math.min(aCpu.busyShare(), bCpu.busyShare()) > 0.9
                            ? "CPU-bound — client, server and PostgreSQL share the cores, so the rate is what the CPU time per ballot allows."
                            : "not fully CPU-bound; part of the limit is waiting (locks, WAL flushes)."));
        }
        if (aCpu != null && bCpu != null) {
            m.append(String.format("- Disturbance: programs other than this JVM and PostgreSQL used %.2f / %.2f cores while casting in (a) / (b), "
                    + "and steal time was %.2f / %.2f cores.%n", aCpu.otherCores(), bCpu.otherCores(), aCpu.stealCores(), bCpu.stealCores()));
        }
        if (!pgOk.isEmpty()) {
            PgBench.Result best = pgOk.stream().max((x, y) -> Double.compare(x.tps(), y.tps())).orElseThrow();
            m.append(String.format("- For scale: the same PostgreSQL commits %.0f single-row inserts/s from one client and %.0f/s at best (-c %d).%n",
                    pgOk.get(0).tps(), best.tps(), best.clients()));
        }
        m.append("\n## How to run\n\n```bash\nmvn -B -q -DskipTests install && mvn -B -pl ui-api -Pbench verify\n```\n\n");
        m.append("The profile `bench` of `ui-api/pom.xml` skips the tests and runs `vn.daihoi.bench.ElectionBenchmark` on the test classpath in "
                + "a forked JVM (`-Xms2g -Xmx2g`). It needs PostgreSQL on 127.0.0.1:5432 (user `postgres`, trust authentication; without it "
                + "an embedded server is used, without pgbench), creates and drops its own databases, and rewrites this file above the "
                + "marker below. It takes about " + f0(Math.ceil(totalSeconds / 60)) + " minutes. `mvn -B verify` without the profile never "
                + "runs it, and no class of `vn.daihoi.bench` is named like a test. For a quick try (the report then says it is not the "
                + "required configuration): `-Dbench.options=season.congresses=50,hot.seconds=5,pgbench.seconds=5/5/5,report=/tmp/bench.md`.\n\n");
        m.append(KEEP_MARKER);
        return m.toString();
    }

    /** The (a′) section: what the page path adds, its rounds, and the comparison with (a). */
    private String pagePathSection(List<HotRound> measured, Casting pages, CpuMeter.Usage pCpu, Casting api, CpuMeter.Usage aCpu) {
        StringBuilder m = new StringBuilder("## (a′) The page path\n\n");
        m.append("The same ballot as (a)'s, cast by the same ballot box (`JdbcBallotBox.cast`, one statement of its own), but as a delegate's "
                + "phone casts it: the confirmation form of the ballot page posted to `/vote/elections/{e}/rounds/{n}/cast`. What the page "
                + "path adds to a cast, on top of the API's: **the session lookup** (Tomcat finds the `HttpSession` of the `DAIHOI_SESSION` "
                + "cookie and `SessionTokenFilter` resolves the token kept in it, as a bearer token is resolved); **the CSRF check** "
                + "(Spring Security's `CsrfFilter` loads the session's token and compares the masked `_csrf` field with it); **form parsing** "
                + "(the urlencoded body read into request parameters and the page's strict reading of `key` and `kept`, instead of "
                + "Jackson's JSON body); the page's check of the names kept against the ballot and the seats (the round's ballot is read "
                + "once per round and kept while it is open: it cannot change then); and **the HTML receipt** (Thymeleaf renders the receipt "
                + "template in the site layout with the message bundle's texts, instead of a small JSON receipt). The voters' sign-in is "
                + "setup, not part of the measure (see \"Setup\").\n\n");
        m.append("| round | ballots | casting s | ballots/s | p50 ms | p99 ms | max ms | errors | first 100 /s | last 100 /s | last/first | open ms | close ms |\n");
        m.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (HotRound r : pageRounds) {
            ClosedLoop.Run c = r.cast();
            Windows w = r.w();
            m.append(String.format("| %d%s | %d | %.2f | %.0f | %.1f | %.1f | %.1f | %d%s | %.0f | %.0f | %.2f | %.0f | %.0f |%n", r.round(), r.warmUp() ? " (warm-up)" : "",
                    c.count, c.seconds(), c.count / c.seconds(), pct(c, 50), pct(c, 99), pct(c, 100), c.errors(),
                    c.errors() == 0 ? "" : " " + c.statusCounts(), w.firstRate(), w.lastRate(), w.ratio(), r.openMs(), r.closeMs()));
        }
        Latencies l = pages.latencies();
        m.append(String.format("| **measured, pooled** | %,d | %.2f | **%.0f** | %.1f | %.1f | %.1f | %d | %.0f | %.0f | **%.2f** | | |%n%n",
                pages.ballots(), pages.seconds(), pages.ballots() / pages.seconds(), l.percentileMs(50), l.percentileMs(99), l.maxMs(), pages.errors(),
                pooled(measured, Windows::firstRate), pooled(measured, Windows::lastRate),
                pooled(measured, Windows::lastRate) / pooled(measured, Windows::firstRate)));
        double aRate = api.ballots() / api.seconds();
        double pRate = pages.ballots() / pages.seconds();
        m.append(String.format("Measured rounds together: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms. Against (a) in the "
                        + "same run: **%.2f × its ballots/s** (%.0f against %.0f), p50 × %.2f, p99 × %.2f.", l.percentileMs(50), l.percentileMs(90),
                l.percentileMs(99), l.percentileMs(99.9), l.maxMs(), pRate / aRate, pRate, aRate,
                l.percentileMs(50) / api.latencies().percentileMs(50), l.percentileMs(99) / api.latencies().percentileMs(99)));
        if (pCpu != null && aCpu != null) {
            double pMs = busyMsPerBallot(pCpu, pages.ballots());
            double aMs = busyMsPerBallot(aCpu, api.ballots());
            double pTomcat = pCpu.jvmByCategory().get("Tomcat request threads") * pCpu.seconds() * 1000 / pages.ballots();
            double aTomcat = aCpu.jvmByCategory().get("Tomcat request threads") * aCpu.seconds() * 1000 / api.ballots();
            m.append(String.format(" CPU per ballot, whole machine: %.2f ms against %.2f ms (+%.2f ms), of which the application's request "
                    + "threads %.2f ms against %.2f ms (+%.2f ms).", pMs, aMs, pMs - aMs, pTomcat, aTomcat, pTomcat - aTomcat));
        }
        if (pagePg.containsKey("rows fetched") && aPg.containsKey("rows fetched")) {
            m.append(String.format(" PostgreSQL per ballot (rounds opened and closed included, see below): %s rows fetched against %s, "
                            + "%s commits (each autocommitted read counts as one) against %s.", per(pagePg, "rows fetched", pages.ballots()),
                    per(aPg, "rows fetched", api.ballots()), per(pagePg, "commits", pages.ballots()), per(aPg, "commits", api.ballots())));
        }
        m.append(String.format(" Receipt page as sent: %s bytes. (a′)'s rounds are rounds %d to %d of the hot congress's election.%n%n",
                receiptMax.get() == 0 ? "?" : receiptMin.get() == receiptMax.get() ? String.format("%,d", receiptMax.get())
                        : String.format("%,d–%,d", receiptMin.get(), receiptMax.get()),
                pageRounds.get(0).round(), pageRounds.get(pageRounds.size() - 1).round()));
        m.append(seasonApart).append(".\n\n");
        return m.toString();
    }

    private static double busyMsPerBallot(CpuMeter.Usage u, int ballots) {
        return u.busyCores() * u.seconds() * 1000 / ballots;
    }

    private static String per(Map<String, Double> stats, String key, double ballots) {
        Double v = stats.get(key);
        if (v == null || ballots <= 0) return "—";
        double x = v / ballots;
        return x >= 100 ? String.format("%,.0f", x) : x >= 10 ? String.format("%.1f", x) : String.format("%.2f", x);
    }

    private static String cpuPerBallot(String name, CpuMeter.Usage u, int ballots) {
        double busyMs = u.busyCores() * u.seconds() * 1000 / ballots;
        Map<String, Double> j = u.jvmByCategory();
        double per = u.seconds() * 1000 / ballots;
        double client = j.get("load client") * per;
        double tomcat = j.get("Tomcat request threads") * per;
        double internals = j.get("JVM internals (GC, JIT; remainder)") * per;
        double pg = u.postgresCores() * per;
        return String.format("- %s: **%.2f ms of CPU per ballot** — application request threads %.2f, JVM internals %.2f, PostgreSQL %.2f, "
                        + "load client %.2f, rest %.2f. %.0f cores fully used allow at most about %.0f ballots/s with the client on the machine, "
                        + "%.0f without it.%n", name, busyMs, tomcat, internals, pg, client, busyMs - tomcat - internals - pg - client,
                u.machineCores(), u.machineCores() * 1000 / busyMs, u.machineCores() * 1000 / (busyMs - client));
    }

    /** Time-weighted average of several usages. */
    private static CpuMeter.Usage combine(List<CpuMeter.Usage> us) {
        if (us.isEmpty()) return null;
        double s = us.stream().mapToDouble(CpuMeter.Usage::seconds).sum();
        Map<String, Double> cat = new LinkedHashMap<>();
        for (CpuMeter.Usage u : us) u.jvmByCategory().forEach((k, v) -> cat.merge(k, v * u.seconds() / s, Double::sum));
        return new CpuMeter.Usage(s, w(us, s, CpuMeter.Usage::machineCores), w(us, s, CpuMeter.Usage::busyCores), w(us, s, CpuMeter.Usage::iowaitCores),
                w(us, s, CpuMeter.Usage::stealCores), w(us, s, CpuMeter.Usage::jvmCores), w(us, s, CpuMeter.Usage::childCores),
                w(us, s, CpuMeter.Usage::postgresCores), cat);
    }

    private static double w(List<CpuMeter.Usage> us, double total, java.util.function.ToDoubleFunction<CpuMeter.Usage> f) {
        return us.stream().mapToDouble(u -> f.applyAsDouble(u) * u.seconds() / total).sum();
    }

    /** Ballots of all windows / their total time. */
    private static double pooled(List<HotRound> rounds, java.util.function.ToDoubleFunction<Windows> rate) {
        double seconds = rounds.stream().mapToDouble(r -> 100 / rate.applyAsDouble(r.w())).sum();
        return 100 * rounds.size() / seconds;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String verdict(boolean met) {
        return met ? "**met**" : "**not met**";
    }

    private static String cores(double busy, double of) {
        return String.format("%.2f of %.0f (%.0f %%)", busy, of, of == 0 ? 0 : 100 * busy / of);
    }

    private static String f0(double d) {
        return String.format("%.0f", d);
    }

    private static String f1(double d) {
        return String.format("%.1f", d);
    }

    private static String f2(double d) {
        return String.format("%.2f", d);
    }

    static void log(String s) {
        System.out.println("[bench " + LocalTime.now().withNano(0) + "] " + s);
    }
}
