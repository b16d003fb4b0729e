package vn.daihoi.congress;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import vn.daihoi.common.infra.Snapshots;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Ballots;
import vn.daihoi.support.CongressInSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: a congress of more than {@link Snapshots#EVERY} events is snapshotted, and with its cache emptied it is
 * read back from the snapshot and decides as before (a delegate already present cannot check in twice; the roll's
 * quorum is the one its events made).
 */
class SnapshotApiTest extends ApiTest {

    @Autowired
    @Qualifier("congressAggregateCache")
    Cache congresses;

    @Test
    void aLargeCongressIsSnapshottedAndReadBackFromItsSnapshot() throws InterruptedException {
        // 130 delegates present: 130 summons, 130 check-ins, 130 credentials — well past one snapshot's worth.
        CongressInSession c = new CongressInSession(this, 130, 130);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Integer.class,
                c.scenario.congress)).isGreaterThan(Snapshots.EVERY);
        // Snapshots are taken on a thread of their own, after the command that crossed the threshold answered.
        long until = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until && jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Integer.class, c.scenario.congress) == 0) {
            Thread.sleep(50);
        }
        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?", Integer.class,
                c.scenario.congress)).as("snapshots of the congress").isPositive();
        assertThat(jdbc.queryForObject("select max(payload_revision) from snapshot_event_entry where aggregate_identifier = ?",
                String.class, c.scenario.congress)).isEqualTo("1");

        congresses.removeAll();
        String delegate = c.delegateIds.get(0);
        var again = c.organiser.post(c.path("/delegates/" + delegate + "/check-in"), "");
        assertThat(again.status()).as(again.raw()).isEqualTo(409);
        assertThat(again.body().path("code").asText()).isEqualTo("already-checked-in");
        // A show of hands is judged against the attendance the snapshot carried: 130 present of 130.
        String size = new Ballots(c.organiser, c.scenario.congress).decideSize(5);
        assertThat(size).isNotBlank();
    }
}
