package vn.daihoi.account;

import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.RawHttp;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, acceptance 7 (ADR 0015): a wrong password for a known username and any password for an unknown one cost
 * the same, so the answer time does not tell which usernames exist. Each attempt comes from its own loopback address
 * and the known attempts spread over several accounts, so that no rate limit answers in their place.
 */
class LoginTimingApiTest extends ApiTest {

    private static final int TRIES = 40;
    private static final int ACCOUNTS = 5;

    private long timed(String source, String username) throws Exception {
        try (RawHttp raw = new RawHttp(port, source)) {
            long start = System.nanoTime();
            RawHttp.Reply r = raw.postJson("/api/auth/login", "{\"username\":\"" + username + "\",\"password\":\"not-the-password\"}");
            long took = System.nanoTime() - start;
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.body()).contains("bad-credentials");
            return took;
        }
    }

    private static double median(List<Long> xs) {
        List<Long> sorted = xs.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    @Test
    void aWrongPasswordForAKnownUsernameTakesAsLongAsAnyPasswordForAnUnknownOne() throws Exception {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String name = "timing-" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(admin().post("/api/accounts", """
                    {"username":"%s","password":"the-right-password-2026","grants":[]}""".formatted(name)).status()).isEqualTo(201);
            known.add(name);
        }
        // Warm-up, not measured: one attempt per account (each account allows ten failures before its limit).
        for (int i = 0; i < ACCOUNTS; i++) {
            timed("127.0.8." + (i + 1), known.get(i));
            timed("127.0.9." + (i + 1), "nobody-warm-" + UUID.randomUUID());
        }
        List<Long> knownTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            // Interleaved, so that a busy moment of the machine weighs on both.
            knownTimes.add(timed("127.0.6." + (i + 1), known.get(i % ACCOUNTS)));
            unknownTimes.add(timed("127.0.7." + (i + 1), "nobody-" + UUID.randomUUID().toString().substring(0, 12)));
        }
        double k = median(knownTimes) / 1e6;
        double u = median(unknownTimes) / 1e6;
        System.out.printf("[login timing] median over %d tries: known username, wrong password %.1f ms; unknown username %.1f ms "
                + "(difference %.1f %%)%n", TRIES, k, u, 100 * Math.abs(k - u) / Math.max(k, u));
        assertThat(Math.abs(k - u) / Math.max(k, u)).as("known %.1f ms vs unknown %.1f ms", k, u).isLessThanOrEqualTo(0.10);
        // Both pay for a password hash: an answer without one takes a few milliseconds at most.
        assertThat(Math.min(k, u)).as("a hash was computed").isGreaterThan(10);
    }

    @Test
    void aDisabledAccountCostsTheSameAsAWrongPassword() throws Exception {
        String name = "disabled-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin().post("/api/accounts", """
                {"username":"%s","password":"the-right-password-2026","grants":[]}""".formatted(name)).status()).isEqualTo(201);
        jdbc.update("update account set disabled = true where username = ?", name);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) times.add(timed("127.0.10." + (i + 1), name));
        assertThat(median(times) / 1e6).as("a disabled account's refusal computes a hash").isGreaterThan(10);
        assertThat(anonymous().post("/api/auth/login", "{\"username\":\"" + name + "\",\"password\":\"the-right-password-2026\"}")
                .status()).as("a disabled account does not sign in, even with its password").isEqualTo(422);
    }
}
