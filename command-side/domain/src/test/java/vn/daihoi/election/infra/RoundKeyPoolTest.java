package vn.daihoi.election.infra;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Round keys made ahead (ADR 0017, issue 13): ready when the hall is quiet, never searched for while ballots come in. */
class RoundKeyPoolTest {

    private static boolean within(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    @Test
    void aKeyIsMadeAheadOnlyOnceCastingPauses() throws Exception {
        try (RoundKeyPool pool = new RoundKeyPool(1, new SecureRandom())) {
            assertThat(within(Duration.ofSeconds(20), () -> pool.readyCount() == 1)).as("a key made ahead while quiet").isTrue();

            pool.casting();
            RoundKeyPool.Ready taken = pool.take();
            assertThat(taken.pair()).isNotNull();
            // Ballots keep coming for a second and a half: no prime search starts meanwhile.
            long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < end) {
                pool.casting();
                assertThat(pool.readyCount()).as("no key made while ballots are cast").isZero();
                Thread.sleep(20);
            }
            assertThat(within(Duration.ofSeconds(20), () -> pool.readyCount() == 1)).as("made once casting paused").isTrue();
        }
    }

    @Test
    void anEmptyPoolMakesTheKeyOnTheCallersThread() {
        try (RoundKeyPool pool = new RoundKeyPool(1, new SecureRandom())) {
            pool.casting();
            RoundKeyPool.Ready first = pool.take();
            RoundKeyPool.Ready second = pool.take();
            assertThat(second.pair()).isNotNull();
            assertThat(second.seed()).isNotEqualTo(first.seed());
        }
    }
}
