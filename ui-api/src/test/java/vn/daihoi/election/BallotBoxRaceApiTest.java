package vn.daihoi.election;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http.Answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0008, "casting in one statement": the ballot box keeps the open round's facts in memory, but the database
 * decides whether the round is open. Nothing acknowledged is lost and nothing refused is counted, even when the
 * close arrives while ballots are being cast.
 */
class BallotBoxRaceApiTest extends ApiTest {

    @Test
    void ballotsCastWhileTheRoundClosesAreEitherAcknowledgedAndCountedOrRefusedAsClosed() throws Exception {
        CongressInSession c = new CongressInSession(this, 40, 40);
        c.election(2, c.personIds.subList(37, 40));
        List<String> k = c.candidateIds;
        assertThat(c.openRound(1, null).status()).isEqualTo(201);
        // A few ballots before the race, so that the round's facts are in memory when the close begins.
        for (int v = 0; v < 5; v++) assertThat(c.cast(c.voters.get(v), 1, UUID.randomUUID().toString(), List.of(k.get(0))).status()).isEqualTo(201);

        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> casts = new ArrayList<>();
        try {
            for (int v = 5; v < 40; v++) {
                vn.daihoi.support.Http voter = c.voters.get(v);
                casts.add(pool.submit((Callable<Answer>) () -> {
                    start.await();
                    return c.cast(voter, 1, UUID.randomUUID().toString(), List.of(k.get(1)));
                }));
            }
            start.countDown();
            Thread.sleep(15);
            Answer closed = c.close(1);
            assertThat(closed.status()).as(closed.raw()).isEqualTo(200);

            Set<String> acknowledged = new HashSet<>();
            int refused = 0;
            for (Future<Answer> f : casts) {
                Answer a = f.get();
                if (a.status() == 201) {
                    acknowledged.add(a.body().path("trackingCode").asText());
                } else {
                    assertThat(a.status()).as(a.raw()).isEqualTo(409);
                    assertThat(a.body().path("code").asText()).isEqualTo("round-closed");
                    refused++;
                }
            }
            JsonNode counted = c.organiser.get("/api/elections/" + c.electionId + "/rounds/1").body();
            Set<String> published = new HashSet<>();
            counted.path("ballots").forEach(b -> published.add(b.path("trackingCode").asText()));
            assertThat(published).as("every acknowledged ballot is counted").containsAll(acknowledged);
            assertThat(counted.path("collected").asInt()).as("and nothing refused is").isEqualTo(5 + acknowledged.size());
            assertThat(acknowledged.size() + refused).isEqualTo(35);

            // After the close the box refuses at once, whatever it remembered of the round.
            Answer late = c.cast(c.voters.get(5), 1, UUID.randomUUID().toString(), List.of(k.get(0)));
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.body().path("code").asText()).isIn("round-closed", "already-voted");
        } finally {
            pool.shutdownNow();
        }
    }
}
