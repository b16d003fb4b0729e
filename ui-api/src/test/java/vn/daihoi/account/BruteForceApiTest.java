package vn.daihoi.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;
import vn.daihoi.support.RawHttp;
import vn.daihoi.support.Scenario;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, acceptance 7 (ADR 0015): guessing voting codes or passwords at full speed finds nothing, costs the server
 * no lookup once refused, and does not keep delegates from exchanging their real codes. The attacker plays from
 * 127.0.0.2 over raw sockets; the delegates come from 127.0.0.1. The attack lasts {@code -Dbruteforce.seconds}
 * (60 by default).
 */
class BruteForceApiTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int ATTACKERS = 4;

    private static String guess(SecureRandom random) {
        StringBuilder b = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) b.append('-');
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private static JsonNode json(String raw) throws Exception {
        return JSON.readTree(raw);
    }

    @Test
    void aMinuteOfGuessingVotingCodesFindsNoneWhileEveryDelegateExchangesHisOwn() throws Exception {
        Duration attack = Duration.ofSeconds(Long.getLong("bruteforce.seconds", 60));
        Scenario s = new Scenario(admin()).units();
        Http organiser = account("ORGANISER", s.branch);
        assertThat(s.convene(organiser).status()).isEqualTo(201);
        int delegates = 40;
        assertThat(organiser.postCsv("/api/congresses/" + s.congress + "/delegates/import", Scenario.csv(delegates, "B"))
                .body().path("added").asInt()).isEqualTo(delegates);
        List<String> codes = new ArrayList<>();
        for (JsonNode d : organiser.get("/api/congresses/" + s.congress + "/delegates").body().path("delegates")) {
            codes.add(organiser.post("/api/congresses/" + s.congress + "/delegates/" + d.path("delegateId").asText() + "/check-in", "")
                    .body().path("votingCode").asText());
        }
        assertThat(codes).hasSize(delegates).allMatch(c -> c.matches("[A-Z2-9]{4}-[A-Z2-9]{4}"));

        AtomicLong attempts = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        AtomicLong found = new AtomicLong();
        AtomicLong missingRetryAfter = new AtomicLong();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + attack.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(ATTACKERS);
        List<Future<?>> attackers = new ArrayList<>();
        for (int t = 0; t < ATTACKERS; t++) {
            attackers.add(pool.submit(() -> {
                SecureRandom random = new SecureRandom();
                try (RawHttp raw = new RawHttp(port, "127.0.0.2")) {
                    while (System.nanoTime() < end) {
                        RawHttp.Reply r = raw.postJson("/api/auth/voting-code", "{\"code\":\"" + guess(random) + "\"}");
                        attempts.incrementAndGet();
                        if (r.status() == 429) {
                            refused.incrementAndGet();
                            if (r.header("retry-after") == null || !r.header("content-type").startsWith("application/problem+json")) {
                                missingRetryAfter.incrementAndGet();
                            }
                        } else if (r.status() == 422) {
                            wrong.incrementAndGet();
                        } else if (r.status() == 200) {
                            found.incrementAndGet();
                        } else if (unexpected.size() < 5) {
                            unexpected.add(r.status() + " " + r.body());
                        }
                    }
                }
                return null;
            }));
        }

        // The delegates arrive one by one over the whole attack, each typing his own code once.
        List<Integer> served = new ArrayList<>();
        long spacing = attack.toNanos() / delegates;
        for (int i = 0; i < delegates; i++) {
            long due = System.nanoTime() + spacing;
            Answer a = anonymous().post("/api/auth/voting-code", "{\"code\":\"" + codes.get(i) + "\"}");
            served.add(a.status());
            assertThat(a.status()).as("delegate %d during the attack: %s", i, a.raw()).isEqualTo(200);
            long wait = due - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000);
        }
        for (Future<?> f : attackers) f.get();
        pool.shutdown();

        System.out.printf("[brute force] %d s from 127.0.0.2 with %d threads: %d attempts, %d refused with 429, %d answered wrong code, "
                        + "%d codes found; %d of %d delegates served from 127.0.0.1%n",
                attack.toSeconds(), ATTACKERS, attempts.get(), refused.get(), wrong.get(), found.get(),
                served.stream().filter(x -> x == 200).count(), delegates);
        assertThat(found.get()).as("codes found by the attacker").isZero();
        assertThat(unexpected).as("answers other than 422 or 429").isEmpty();
        assertThat(missingRetryAfter.get()).as("429 answers without Retry-After or problem details").isZero();
        assertThat(served).as("every delegate served").hasSize(delegates).containsOnly(200);
        // Failures allowed from one address: a burst of 20, then 10 a minute (ADR 0015).
        long allowed = 20 + (long) Math.ceil(attack.toSeconds() / 6.0) + 1;
        assertThat(wrong.get()).as("guesses that reached the credential table").isLessThanOrEqualTo(allowed);
        assertThat(refused.get()).as("the attacker ran at full speed").isGreaterThan(10 * wrong.get());
    }

    @Test
    void aRefusedExchangeTellsWhenToRetryAndATypedCodeIsRefusedPastItsOwnLimitFromAnyAddress() throws Exception {
        String code = "ZZZZ-" + guess(new SecureRandom()).substring(5);
        List<Integer> statuses = new ArrayList<>();
        RawHttp.Reply last = null;
        for (int i = 0; i < 7; i++) {
            try (RawHttp raw = new RawHttp(port, "127.0.3." + (i + 1))) {
                last = raw.postJson("/api/auth/voting-code", "{\"code\":\"" + code.toLowerCase() + "\"}");
                statuses.add(last.status());
            }
        }
        // Per code typed: 5 failures, then one a minute, whichever addresses they come from.
        assertThat(statuses).containsExactly(422, 422, 422, 422, 422, 429, 429);
        assertThat(last.header("content-type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(last.header("retry-after"))).isBetween(1L, 60L);
        JsonNode problem = json(last.body());
        assertThat(problem.path("code").asText()).isEqualTo("too-many-attempts");
        assertThat(problem.path("title").asText()).contains("Quá nhiều lần đăng nhập sai");
        assertThat(problem.path("titleEn").asText()).contains("Too many failed sign-in attempts");
    }

    @Test
    void guessingOnePasswordIsRefusedAfterTenFailuresFromAnyAddressWhetherTheUsernameExistsOrNot() throws Exception {
        String known = "brute-" + Long.toHexString(new SecureRandom().nextLong() & 0xffffffL);
        assertThat(admin().post("/api/accounts", """
                {"username":"%s","password":"the-right-password-2026","grants":[]}""".formatted(known)).status()).isEqualTo(201);
        String unknown = known + "-nobody";
        for (String username : List.of(known, unknown)) {
            List<Integer> statuses = new ArrayList<>();
            // From eleven addresses, so that only the per-username limit can refuse.
            for (int i = 0; i < 11; i++) {
                try (RawHttp raw = new RawHttp(port, "127.0.4." + (i + 1 + (username.equals(known) ? 0 : 100)))) {
                    statuses.add(raw.postJson("/api/auth/login",
                            "{\"username\":\"" + username + "\",\"password\":\"guess-" + i + "\"}").status());
                }
            }
            Integer[] expected = new Integer[11];
            Arrays.fill(expected, 0, 10, 422);
            expected[10] = 429;
            assertThat(statuses).as(username).containsExactly(expected);
        }
        // The right password is refused too while the username is locked: the guess would otherwise be tested.
        Answer locked = anonymous().post("/api/auth/login", "{\"username\":\"" + known + "\",\"password\":\"the-right-password-2026\"}");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
    }

    @Test
    void oneAddressGuessingPasswordsIsRefusedAfterTwentyFailuresButItsSuccessfulSignInsNeverCount() throws Exception {
        String user = "hall-" + Long.toHexString(new SecureRandom().nextLong() & 0xffffffL);
        assertThat(admin().post("/api/accounts", """
                {"username":"%s","password":"the-right-password-2026","grants":[]}""".formatted(user)).status()).isEqualTo(201);
        try (RawHttp raw = new RawHttp(port, "127.0.5.1")) {
            for (int i = 0; i < 50; i++) {
                assertThat(raw.postJson("/api/auth/login", "{\"username\":\"" + user + "\",\"password\":\"the-right-password-2026\"}")
                        .status()).as("successful sign-in %d", i).isEqualTo(200);
            }
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 21; i++) {
                // A different (unknown) username each time: only the per-address limit can refuse.
                statuses.add(raw.postJson("/api/auth/login", "{\"username\":\"nobody-" + i + "-" + user + "\",\"password\":\"x\"}").status());
            }
            assertThat(statuses.subList(0, 20)).containsOnly(422);
            assertThat(statuses.get(20)).isEqualTo(429);
        }
    }
}
