package vn.daihoi.confidence;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.ConfidenceVote;
import vn.daihoi.support.SecrecyAdversary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-23 for confidence votes (ADR 0008, ADR 0010): rating ballots go through the same ballot box, so the same
 * adversary — who reads every table, event and log line after the count — must find no voter beside what he rated.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfidenceBallotSecrecyApiTest extends ApiTest {

    @Test
    void nothingPersistedLinksAVoterToHisRatings(CapturedOutput output) {
        CongressInSession c = new CongressInSession(this, 14, 12);
        ConfidenceVote v = new ConfidenceVote(c, c.personIds.subList(12, 14), List.of("Chủ tịch", "Phó Chủ tịch"));
        assertThat(v.openRound(1).status()).isEqualTo(201);

        Map<String, String> codeOf = new LinkedHashMap<>();
        List<String> castOrder = new ArrayList<>();
        String[][] patterns = {{"LOW", "HIGH"}, {"HIGH", "HIGH"}, {"CONFIDENCE", null}, {"HIGH", "LOW"}};
        for (int i = 0; i < 12; i++) {
            // Contents interleave, so that sorting by content scrambles the order of casting.
            String code = v.rate(c.voters.get(i), 1, UUID.randomUUID().toString(), patterns[i % 4]).body().path("trackingCode").asText();
            assertThat(code).isNotBlank();
            codeOf.put(c.delegateIds.get(i), code);
            castOrder.add(code);
        }

        SecrecyAdversary adversary = new SecrecyAdversary(jdbc, v.electionId, codeOf);
        adversary.findsNothingWhileOpen();
        // Only this vote's rows: other tests in the same database may hold counted, published confidence votes.
        adversary.everything().forEach((table, rows) -> rows.stream()
                .filter(row -> row.contains(v.electionId) || v.officials.stream().anyMatch(row::contains))
                .forEach(row -> assertThat(row).as(table + " holds a rating in clear while open").doesNotContain("\"level\"")
                        .doesNotContain(v.officials.get(0) + ":")));

        JsonNode closed = v.close(1).body();
        assertThat(closed.path("collected").asInt()).isEqualTo(12);

        adversary.findsNoLinkAfterTheCount("ConfidenceRoundCounted");

        // Published in content order, not in casting order.
        List<String> published = new ArrayList<>();
        List<String> contents = new ArrayList<>();
        closed.path("ballots").forEach(b -> {
            published.add(b.path("trackingCode").asText());
            StringBuilder content = new StringBuilder();
            b.path("ratings").forEach(l -> content.append(l.path("level").isNull() ? "9" : switch (l.path("level").asText()) {
                case "HIGH" -> "0";
                case "CONFIDENCE" -> "1";
                default -> "2";
            }));
            contents.add(content.toString());
        });
        assertThat(contents).isSorted();
        assertThat(published).isNotEqualTo(castOrder).containsExactlyInAnyOrderElementsOf(castOrder);

        adversary.findsNoCodeIn(output.getAll());
    }
}
