package vn.daihoi.election;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Persisted;

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

    /** Tables that hold the roll of voters and attendance: voter ids belong there, ballots never. */
    private static final Set<String> ROLL_TABLES = Set.of("delegate_view", "voting_credential", "auth_token", "ballot_round_voter");

    private Map<String, List<String>> everything() {
        return Persisted.everything(jdbc);
    }

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

        // While the round is open: the box holds no voter, no code, no content in clear.
        assertThat(jdbc.queryForList("select column_name from information_schema.columns where table_schema = current_schema() "
                + "and table_name = 'ballot_box'", String.class)).containsExactlyInAnyOrder("election_id", "round", "sealed");
        Map<String, List<String>> during = everything();
        during.forEach((table, rows) -> rows.forEach(row -> {
            codeOf.values().forEach(code -> assertThat(row).as(table + " while open").doesNotContain(code));
            if (!ROLL_TABLES.contains(table) && !table.equals("domain_event_entry")) {
                codeOf.keySet().forEach(voter -> assertThat(row).as(table + " holds a voter id").doesNotContain(voter));
            }
        }));

        JsonNode result = c.close(1).body();
        assertThat(result.path("collected").asInt()).isEqualTo(15);

        // After the count: no row and no event holds both a voter id and a tracking code or a ballot.
        Map<String, List<String>> after = everything();
        int rowsWithCodes = 0;
        for (Map.Entry<String, List<String>> table : after.entrySet()) {
            for (String row : table.getValue()) {
                boolean hasCode = codeOf.values().stream().anyMatch(row::contains);
                boolean hasVoter = codeOf.keySet().stream().anyMatch(row::contains);
                if (hasCode) rowsWithCodes++;
                assertThat(hasCode && hasVoter).as("a row of " + table.getKey() + " pairs a voter with a tracking code").isFalse();
                if (!ROLL_TABLES.contains(table.getKey()) && !table.getKey().equals("domain_event_entry")) {
                    assertThat(hasVoter).as(table.getKey() + " holds a voter id").isFalse();
                }
            }
        }
        assertThat(rowsWithCodes).as("the codes are published somewhere").isPositive();
        for (String event : after.get("domain_event_entry")) {
            if (event.contains("RoundCounted")) {
                codeOf.keySet().forEach(voter -> assertThat(event).doesNotContain(voter));
            }
        }

        // No order carries information: ballots come out by content, participants by id.
        List<JsonNode> published = new ArrayList<>();
        result.path("ballots").forEach(published::add);
        List<String> publishedCodes = published.stream().map(b -> b.path("trackingCode").asText()).toList();
        List<JsonNode> sorted = new ArrayList<>(published);
        sorted.sort(Comparator.comparing((JsonNode b) -> b.path("keptCandidateIds").toString().replaceAll("[\\[\\]\"]", ""))
                .thenComparing(b -> b.path("trackingCode").asText()));
        assertThat(published).isEqualTo(sorted);
        assertThat(publishedCodes).isNotEqualTo(castOrder).containsExactlyInAnyOrderElementsOf(castOrder);
        String closed = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry where payload_type like '%RoundClosed' "
                + "and convert_from(payload, 'UTF8') like ?", String.class, "%" + c.electionId + "%");
        List<String> voters = new ArrayList<>(codeOf.keySet());
        List<String> positions = voters.stream().sorted(Comparator.comparingInt(closed::indexOf)).toList();
        assertThat(positions).isEqualTo(voters.stream().sorted().toList());

        // The store still proves that ballots counted equal voters who took part.
        assertThat(closed).contains("\"electronicBallots\":15");
        assertThat(voters).allSatisfy(v -> assertThat(closed).contains(v));

        // Nothing of the box is left to match: no sealed ballot, no key, no idempotency hash, one transaction id.
        assertThat(jdbc.queryForObject("select count(*) from ballot_box where election_id = ?", Long.class, c.electionId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ballot_round_key where election_id = ?", Long.class, c.electionId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ballot_round_voter where election_id = ? and idem_hash is not null",
                Long.class, c.electionId)).isZero();
        assertThat(jdbc.queryForObject("select count(distinct xmin::text) from ballot_round_voter where election_id = ?",
                Long.class, c.electionId)).isEqualTo(1);

        // And the logs say nothing of it.
        codeOf.values().forEach(code -> assertThat(output.getAll()).doesNotContain(code));
    }
}
