package vn.daihoi.election;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.SecrecyAdversary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-23, ADR 0008. The adversary reads, after the count, every table, every event with its metadata and global
 * order, and the logs. This test plays him: it runs a round and then searches everything persisted for a link
 * between a voter and what he cast — an id next to a tracking code or a ballot, an order, a shared transaction.
 */
@ExtendWith(OutputCaptureExtension.class)
class BallotSecrecyApiTest extends ApiTest {

    @Test
    void nothingPersistedLinksAVoterToHisBallot(CapturedOutput output) {
        CongressInSession c = new CongressInSession(this, 20, 15);
        c.election(2, c.personIds.subList(17, 20));
        List<String> k = c.candidateIds;
        c.openRound(1, null);

        Map<String, String> codeOf = new LinkedHashMap<>();
        List<String> castOrder = new ArrayList<>();
        for (int v = 0; v < 15; v++) {
            // Contents interleave, so that sorting by content scrambles the order of casting.
            List<String> kept = switch (v % 3) {
                case 0 -> List.of(k.get(2));
                case 1 -> List.of(k.get(0), k.get(1));
                default -> List.of(k.get(1));
            };
            String code = c.cast(c.voters.get(v), 1, UUID.randomUUID().toString(), kept).body().path("trackingCode").asText();
            codeOf.put(c.delegateIds.get(v), code);
            castOrder.add(code);
        }

        SecrecyAdversary adversary = new SecrecyAdversary(jdbc, c.electionId, codeOf);
        adversary.findsNothingWhileOpen();

        JsonNode result = c.close(1).body();
        assertThat(result.path("collected").asInt()).isEqualTo(15);

        // After the count: no row and no event holds both a voter id and a tracking code or a ballot.
        adversary.findsNoLinkAfterTheCount("RoundCounted");

        // No order carries information: ballots come out by content, participants by id.
        List<JsonNode> published = new ArrayList<>();
        result.path("ballots").forEach(published::add);
        List<String> publishedCodes = published.stream().map(b -> b.path("trackingCode").asText()).toList();
        List<JsonNode> sorted = new ArrayList<>(published);
        sorted.sort(Comparator.comparing((JsonNode b) -> b.path("keptCandidateIds").toString().replaceAll("[\\[\\]\"]", ""))
                .thenComparing(b -> b.path("trackingCode").asText()));
        assertThat(published).isEqualTo(sorted);
        assertThat(publishedCodes).isNotEqualTo(castOrder).containsExactlyInAnyOrderElementsOf(castOrder);
        adversary.findsNoCodeIn(output.getAll());
    }
}
