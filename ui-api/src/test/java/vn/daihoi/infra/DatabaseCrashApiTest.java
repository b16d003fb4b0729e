package vn.daihoi.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.daihoi.DaiHoiApplication;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, acceptance 1 (ADR 0012): the embedded default's postmaster is killed with SIGKILL in the middle of a
 * burst of concurrent casters, ten times. Every ballot acknowledged (201, or 200 for a retry of one that was cast)
 * is in the box, none twice; the application notices, starts the server again and serves without a restart,
 * and says it is not ready while it cannot. Casters behave as real clients: a request that got no answer, or a
 * 503, is sent again with the same Idempotency-Key.
 */
class DatabaseCrashApiTest {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCrashApiTest.class);
    private static final int KILLS = 10;
    private static final int CASTERS = 8;
    private static final int VOTERS_PER_CASTER = 2;
    private static final int VOTERS = KILLS * CASTERS * VOTERS_PER_CASTER;

    @TempDir
    Path dataDir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String base;

    /** One voter's cast as a client sees it: the answer it finally got and how often it had to send again. */
    record Outcome(int voter, int status, String trackingCode, int retries, List<Integer> failures, long sentAt, long answeredAt) {}

    @Test
    void ballotsAcknowledgedWhileThePostmasterIsKilledTenTimesAreAllInTheBoxOnceAndTheApplicationRecoversByItself() throws Exception {
        int pgPort;
        try (ServerSocket s = new ServerSocket(0)) {
            pgPort = s.getLocalPort();
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DaiHoiApplication.class).profiles("test")
                .run("--server.port=0", "--daihoi.db.url=", "--daihoi.data-dir=" + dataDir, "--daihoi.embedded.port=" + pgPort)) {
            base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            EmbeddedDatabase db = app.getBean(EmbeddedDatabase.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

            CongressInSession c = new CongressInSession(access(), VOTERS, VOTERS);
            c.election(2, c.personIds.subList(0, 3));
            assertThat(c.openRound(1, null).status()).isEqualTo(201);
            String kept = c.candidateIds.get(0);

            // A watcher of readiness, liveness aside: what a load balancer would see.
            Map<Long, Integer> readiness = new ConcurrentHashMap<>();
            AtomicBoolean watching = new AtomicBoolean(true);
            AtomicInteger livenessDown = new AtomicInteger();
            AtomicLong slowestReadiness = new AtomicLong();
            Thread watcher = new Thread(() -> {
                while (watching.get()) {
                    long asked = System.nanoTime();
                    readiness.put(asked, status("/actuator/health/readiness"));
                    slowestReadiness.accumulateAndGet(System.nanoTime() - asked, Math::max);
                    if (status("/actuator/health/liveness") != 200) livenessDown.incrementAndGet();
                    sleep(100);
                }
            }, "readiness-watcher");
            watcher.start();

            List<Outcome> outcomes = new ArrayList<>();
            List<String> report = new ArrayList<>();
            // Outages that outlasted the pool's connection wait (2 s) plus a watcher's pause: a readiness call made
            // during one of them cannot simply wait for the server to come back, so it must answer DOWN. A shorter
            // outage is invisible by design: a request made during it waits and is served, as the ballots were.
            List<String> longOutages = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(CASTERS);
            try {
                for (int kill = 0; kill < KILLS; kill++) {
                    int first = kill * CASTERS * VOTERS_PER_CASTER;
                    AtomicInteger acknowledged = new AtomicInteger();
                    AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<List<Outcome>>> casters = new ArrayList<>();
                    for (int caster = 0; caster < CASTERS; caster++) {
                        int from = first + caster * VOTERS_PER_CASTER;
                        casters.add(pool.submit(() -> {
                            go.await();
                            List<Outcome> mine = new ArrayList<>();
                            for (int v = from; v < from + VOTERS_PER_CASTER; v++) {
                                Outcome o = castUntilAnswered(c, v, kept);
                                acknowledged.incrementAndGet();
                                mine.add(o);
                                sleep(40);
                            }
                            return mine;
                        }));
                    }
                    long pid = db.postmasterPid();
                    assertThat(pid).isPositive();
                    go.countDown();
                    // In the middle of the burst: some ballots acknowledged, most not yet.
                    while (acknowledged.get() < CASTERS / 2) sleep(1);
                    int before = acknowledged.get();
                    killedAt.set(System.nanoTime());
                    assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).isTrue(); // SIGKILL
                    long killNanos = killedAt.get();
                    List<Outcome> burst = new ArrayList<>();
                    for (Future<List<Outcome>> f : casters) burst.addAll(f.get());
                    outcomes.addAll(burst);
                    // Served again: the first ballot acknowledged to a request sent after the kill.
                    long servedAgain = burst.stream().filter(o -> o.sentAt() > killNanos).mapToLong(Outcome::answeredAt).min().orElse(-1);
                    long readyAgain = waitUntilReady(killNanos);
                    boolean sawDown = readiness.entrySet().stream().anyMatch(e -> e.getKey() > killNanos && e.getValue() != 200);
                    long restarted = db.postmasterPid();
                    assertThat(restarted).as("a new postmaster").isPositive().isNotEqualTo(pid);
                    // The watchdog counts a restart when its start call returns, which can be a moment after the new
                    // postmaster already serves (and answers readiness): wait for the count, bounded.
                    for (long until = System.nanoTime() + 5_000_000_000L; db.restarts() < kill + 1 && System.nanoTime() < until; ) sleep(10);
                    assertThat(db.restarts()).isEqualTo(kill + 1);
                    String line = "kill %d: %d/%d acknowledged before the kill; a ballot sent after it acknowledged after %d ms; ready again after %d ms; readiness DOWN seen: %s"
                            .formatted(kill + 1, before, CASTERS * VOTERS_PER_CASTER,
                                    servedAgain < 0 ? -1 : (servedAgain - killNanos) / 1_000_000,
                                    (readyAgain - killNanos) / 1_000_000, sawDown);
                    report.add(line);
                    if (readyAgain - killNanos > Duration.ofMillis(2_500).toNanos()) longOutages.add(line);
                    log.info(line);
                }
            } finally {
                pool.shutdownNow();
                watching.set(false);
                watcher.join();
            }

            // Every voter's ballot was acknowledged (201, or 200 when a retry found it cast), never anything else.
            assertThat(outcomes).hasSize(VOTERS);
            assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as(o.trackingCode()).isIn(200, 201));
            assertThat(outcomes.stream().flatMap(o -> o.failures().stream()))
                    .as("while the database is down a request answers 503 or gets no answer, never a 500").allMatch(s -> s == 503 || s == -1);
            Set<String> acknowledgedDelegates = new HashSet<>();
            outcomes.forEach(o -> acknowledgedDelegates.add(c.delegateIds.get(o.voter())));
            Set<String> tookPart = new HashSet<>(jdbc.queryForList(
                    "select delegate_id from ballot_round_voter where election_id = ? and round = 1 and took_part", String.class, c.electionId));
            long inTheBox = jdbc.queryForObject("select count(*) from ballot_box where election_id = ? and round = 1", Long.class, c.electionId);
            long lost = acknowledgedDelegates.stream().filter(d -> !tookPart.contains(d)).count();

            // Closing counts the box: every acknowledged tracking code is among the published ballots.
            Http.Answer closed = c.close(1);
            assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
            JsonNode counted = c.organiser.get("/api/elections/" + c.electionId + "/rounds/1").body();
            Set<String> published = new HashSet<>();
            counted.path("ballots").forEach(b -> published.add(b.path("trackingCode").asText()));

            int retried = (int) outcomes.stream().filter(o -> o.retries() > 0).count();
            int repeated = (int) outcomes.stream().filter(o -> o.status() == 200).count();
            String summary = "acknowledged %d (201: %d, 200 after a retry found it cast: %d); voters who retried %d; lost %d; in the box %d; took part %d; readiness DOWN samples %d (slowest readiness answer %d ms); liveness DOWN samples %d"
                    .formatted(outcomes.size(), outcomes.size() - repeated, repeated, retried, lost, inTheBox, tookPart.size(),
                            readiness.values().stream().filter(s -> s != 200).count(), slowestReadiness.get() / 1_000_000, livenessDown.get());
            report.forEach(System.out::println);
            System.out.println(summary);
            Files.writeString(Path.of("target", "database-crash-report.txt"), String.join("\n", report) + "\n" + summary + "\n");

            assertThat(lost).as("acknowledged ballots lost").isZero();
            assertThat(tookPart).as("each voter who took part was acknowledged, and the reverse").isEqualTo(acknowledgedDelegates);
            assertThat(inTheBox).as("ballots in the box: one per voter who took part, no duplicate").isEqualTo(tookPart.size());
            assertThat(counted.path("collected").asInt()).isEqualTo(VOTERS);
            assertThat(published).containsAll(outcomes.stream().map(Outcome::trackingCode).toList());
            assertThat(longOutages).as("outages longer than the connection wait").isNotEmpty();
            assertThat(longOutages).as("the application said it was not ready during every outage it could not wait out")
                    .allMatch(l -> l.endsWith("readiness DOWN seen: true"));
            assertThat(livenessDown.get()).as("liveness is about the JVM, not the database").isZero();
            assertThat(slowestReadiness.get()).as("health answers quickly during an outage").isLessThan(Duration.ofSeconds(5).toNanos());
        }
        // The watchdog stops with the application: the server it stopped is not started again.
        Thread.sleep(2_500);
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("embedded-postgres-watchdog"));
    }

    /** A client that sends its ballot until it gets an answer other than 503 or silence, with the same key. */
    private Outcome castUntilAnswered(CongressInSession c, int voter, String kept) {
        String key = UUID.randomUUID().toString();
        List<Integer> failures = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            int status;
            Http.Answer a = null;
            long sent = System.nanoTime();
            try {
                a = c.cast(c.voters.get(voter), 1, key, List.of(kept));
                status = a.status();
                if (status == 503) {
                    assertThat(a.contentType()).startsWith("application/problem+json");
                    assertThat(a.body().path("code").asText()).isEqualTo("database-unavailable");
                }
            } catch (org.springframework.web.client.RestClientException noAnswer) {
                status = -1;
            }
            if (status != 503 && status != -1 && status < 500) {
                String tracking = status == 200 || status == 201 ? a.body().path("trackingCode").asText() : a.raw();
                return new Outcome(voter, status, tracking, failures.size(), failures, sent, System.nanoTime());
            }
            failures.add(status);
            if (status >= 500 && status != 503 || System.nanoTime() > deadline) {
                return new Outcome(voter, status, a == null ? null : a.raw(), failures.size(), failures, sent, System.nanoTime());
            }
            sleep(200);
        }
    }

    private long waitUntilReady(long since) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (status("/actuator/health/readiness") == 200) return System.nanoTime();
            sleep(100);
        }
        throw new AssertionError("not ready again 120 s after the kill");
    }

    private int status(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CongressInSession.ApiTestAccess access() {
        return new CongressInSession.ApiTestAccess() {
            @Override
            public Http admin() {
                return as(login("admin", ApiTest.ADMIN_PASSWORD));
            }

            @Override
            public Http account(String role, String scopeId) {
                String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                Http.Answer a = admin().post("/api/accounts", """
                        {"username":"%s","password":"password-for-%s","grants":[{"role":"%s","scopeId":"%s"}]}"""
                        .formatted(username, username, role, scopeId == null ? "" : scopeId));
                assertThat(a.status()).as(a.raw()).isEqualTo(201);
                return as(login(username, "password-for-" + username));
            }

            @Override
            public Http anonymous() {
                return Http.to(base);
            }

            private String login(String username, String password) {
                Http.Answer a = Http.to(base).post("/api/auth/login", "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password));
                assertThat(a.status()).as(a.raw()).isEqualTo(200);
                return a.body().path("token").asText();
            }

            private Http as(String token) {
                return Http.to(base).as(token);
            }
        };
    }
}
