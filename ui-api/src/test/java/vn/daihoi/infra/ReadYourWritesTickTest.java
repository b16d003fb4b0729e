package vn.daihoi.infra;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.daihoi.support.ApiTest;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0027: one check answers every waiter whose read model has caught up, also when other writes begin waiting while
 * the check reads the token store, one of them for a projection the check did not read. Under the benchmark's set-up
 * load (32 writers at once) that happened on most ticks: the check failed at that newcomer ("read-your-writes check
 * failed", hundreds of times in one set-up), and every waiter queued behind it, caught up or not, waited for a tick
 * that happened to see no such newcomer.
 */
class ReadYourWritesTickTest extends ApiTest {

    @Autowired
    Serializer serializer;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aWaiterForAnotherGroupArrivingDuringACheckDoesNotHoldBackTheOthers() throws Exception {
        // Something stored for both projections to have handled; a unit is enough (it is an event before any projection).
        String code = "RYW" + System.nanoTime() % 1_000_000;
        var unit = admin().post("/api/units", """
                {"code":"%s","name":"Công đoàn kiểm tra","kind":"PROVINCIAL_FEDERATION","effectiveOn":"2023-01-01",
                 "decision":{"number":"%s/QĐ-TLĐ","signedOn":"2023-01-01","issuedBy":"Tổng Liên đoàn"}}""".formatted(code, code));
        assertThat(unit.status()).as(unit.raw()).isIn(201, 202);
        assertThat(eventCount()).as("events in the store").isPositive();
        // Every projection has handled what is stored (the context is idle); a check of our own, never on a timer.
        for (String group : List.of("units", "elections")) {
            assertThat(sync.afterHead(group, Duration.ofSeconds(30)).get()).isEqualTo(ProjectionSync.Freshness.CAUGHT_UP);
        }
        CompletableFuture<ProjectionSync.Freshness>[] newcomer = new CompletableFuture[1];
        CompletableFuture<ProjectionSync.Freshness>[] behind = new CompletableFuture[1];
        ProjectionSync[] self = new ProjectionSync[1];
        ProjectionSync checker = new ProjectionSync(jdbc, serializer, processing, Duration.ofSeconds(30), Duration.ofHours(1), 1) {
            @Override
            public Map<String, List<StoredSegment>> positions(Collection<String> groups) {
                Map<String, List<StoredSegment>> read = super.positions(groups);
                if (newcomer[0] == null) {
                    newcomer[0] = self[0].afterHead("elections", Duration.ofSeconds(30)); // a group this check did not read
                    behind[0] = self[0].afterHead("units", Duration.ofSeconds(30));      // one it did, queued behind it
                }
                return read;
            }
        };
        self[0] = checker;
        try {
            CompletableFuture<ProjectionSync.Freshness> first = checker.afterHead("units", Duration.ofSeconds(30));
            checker.check();
            assertThat(newcomer[0]).as("a waiter arrived during the check").isNotNull();
            assertThat(first).as("the waiter the check read for is answered by it").isCompletedWithValue(ProjectionSync.Freshness.CAUGHT_UP);
            assertThat(behind[0]).as("a caught-up waiter queued behind the newcomer is answered by the same check")
                    .isCompletedWithValue(ProjectionSync.Freshness.CAUGHT_UP);
            assertThat(newcomer[0]).as("the newcomer waits for the next check").isNotDone();
            checker.check();
            assertThat(newcomer[0]).isCompletedWithValue(ProjectionSync.Freshness.CAUGHT_UP);
        } finally {
            checker.destroy();
        }
    }

    @Autowired
    ProjectionSync sync;
}
