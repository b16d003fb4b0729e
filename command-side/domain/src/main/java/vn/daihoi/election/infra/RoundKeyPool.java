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

    RoundKeyPool(int size, SecureRandom random) {
        this.ready = new ArrayBlockingQueue<>(size);
        this.random = random;
        refill();
    }

    /** A ready key, or one made now when none is. */
    Ready take() {
        Ready r = ready.poll();
        refill();
        return r != null ? r : make();
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
                        if (!ready.offer(make())) break;
                    }
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
