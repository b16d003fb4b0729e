package vn.daihoi.election.infra;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Round keys made ahead (ADR 0017, issue 13). Deriving an RSA-2048 pair from its seed searches two 1024-bit primes,
 * 50 to 500 ms on this machine's class of CPU: one background thread keeps {@code size} seeds with their pairs ready,
 * so that opening a round takes a ready key instead of searching primes while the hall waits. A key is handed out
 * once and the pool forgets it; when none is ready one is made on the caller's thread, as before. Memory only: a
 * ready seed is never written anywhere, exactly like the seed of a box not yet sealed, and {@link #close()} wipes
 * what is left.
 *
 * <p>Making keys yields to voters and to the opening itself: the thread searches primes only once no ballot has
 * been cast and no key taken for {@link #QUIET} ({@link #casting()} is told of every cast). A key is needed at the
 * next opening, which comes after the hall has voted; the CPU a prime search takes (a tenth of a second of a core)
 * belongs to the ballots while they come in, and to the opening that has just taken a key while it finishes. Rounds opened back to back with no pause between them may therefore find the pool empty and make
 * their key on opening, as before the pool.
 */
final class RoundKeyPool implements AutoCloseable {

    record Ready(byte[] seed, RoundKey.Pair pair) {}

    private final BlockingQueue<Ready> ready;
    private final SecureRandom random;
    private final ExecutorService maker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "round-key-maker");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final AtomicBoolean making = new AtomicBoolean();
    private volatile boolean closed;
    /** When the last ballot was cast or key taken ({@link System#nanoTime()}); far in the past until the first. */
    private volatile long lastActivity = System.nanoTime() - QUIET.toNanos();

    /** How long no ballot must have been cast before a key is made ahead. */
    static final java.time.Duration QUIET = java.time.Duration.ofMillis(250);

    RoundKeyPool(int size, SecureRandom random) {
        this.ready = new ArrayBlockingQueue<>(size);
        this.random = random;
        refill();
    }

    /** A ready key, or one made now when none is. */
    Ready take() {
        lastActivity = System.nanoTime();
        Ready r = ready.poll();
        refill();
        return r != null ? r : make();
    }

    /** A ballot was cast now: keys are not made ahead until casting pauses. */
    void casting() {
        lastActivity = System.nanoTime();
    }

    /** How many keys are ready now (for tests and the benchmark). */
    int readyCount() {
        return ready.size();
    }

    private Ready make() {
        byte[] seed = new byte[RoundKey.SEED_BYTES];
        random.nextBytes(seed);
        return new Ready(seed, RoundKey.fromSeed(seed));
    }

    private void refill() {
        if (closed || !making.compareAndSet(false, true)) return;
        try {
            maker.execute(() -> {
                try {
                    while (!closed && ready.remainingCapacity() > 0) {
                        long quietFor = System.nanoTime() - lastActivity;
                        if (quietFor < QUIET.toNanos()) {
                            Thread.sleep(Math.max(1, (QUIET.toNanos() - quietFor) / 1_000_000));
                            continue;
                        }
                        if (!ready.offer(make())) break;
                    }
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                } finally {
                    making.set(false);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
            making.set(false);
        }
    }

    @Override
    public void close() {
        closed = true;
        maker.shutdownNow();
        for (Ready r; (r = ready.poll()) != null; ) Arrays.fill(r.seed(), (byte) 0);
    }
}
