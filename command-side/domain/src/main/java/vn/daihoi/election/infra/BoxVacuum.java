package vn.daihoi.election.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The vacuum after a close (ADR 0008; issue 13: split out of {@link JdbcBallotBox}, and stopped with the application
 * context). Dead row versions keep their transaction ids; vacuum removes them once the close has committed. One
 * thread vacuums for every close that asked before it began, so a season's hundreds of closes start one or two
 * vacuums, not hundreds that would hold the pool's connections.
 */
final class BoxVacuum implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BoxVacuum.class);

    private final JdbcTemplate jdbc;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vacuum-ballot-box");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean asked = new AtomicBoolean();
    private final AtomicInteger ahead = new AtomicInteger();

    BoxVacuum(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Asks for a vacuum of the box's tables (called after a close commits). */
    void request() {
        if (asked.compareAndSet(false, true)) {
            ahead.incrementAndGet();
            try {
                thread.execute(() -> {
                    asked.set(false); // a close committed from here on asks for the next vacuum
                    try {
                        jdbc.execute("vacuum ballot_box, ballot_round_voter, ballot_round_key, ballot_round_share");
                    } catch (RuntimeException e) {
                        log.warn("vacuum after closing a round failed; the nightly vacuum will do it: {}", e.getClass().getSimpleName());
                    } finally {
                        ahead.decrementAndGet();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                ahead.decrementAndGet(); // the application is stopping
                asked.set(false);
            }
        }
    }

    /** Whether a vacuum is queued or running. */
    boolean running() {
        return ahead.get() > 0;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
