package vn.daihoi.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adversary of ADR 0008: he reads every table (whole rows as text), every event with its metadata and global
 * order, and looks for a voter beside what he cast. Election and confidence rounds face the same one.
 *
 * @param codeOf each voter's delegate id → the tracking code his ballot got
 */
public record SecrecyAdversary(JdbcTemplate jdbc, String electionId, Map<String, String> codeOf) {

    /** Tables that hold the roll of voters and attendance: voter ids belong there, ballots never. */
    public static final Set<String> ROLL_TABLES = Set.of("delegate_view", "voting_credential", "auth_token", "ballot_round_voter",
            "cmd_assembly_seat");

    /** Every persisted row as text: whole rows of every table, and each event's payload and metadata decoded. */
    public Map<String, List<String>> everything() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables where table_schema = current_schema() "
                + "and table_type = 'BASE TABLE'", String.class)) {
            if (table.equals("domain_event_entry")) {
                rows.put(table, jdbc.queryForList("select global_index || ' ' || time_stamp || ' ' || payload_type || ' ' || "
                        + "convert_from(payload, 'UTF8') || ' ' || coalesce(convert_from(meta_data, 'UTF8'), '') from domain_event_entry", String.class));
            } else {
                rows.put(table, jdbc.queryForList("select x::text from \"" + table + "\" x", String.class));
            }
        }
        return rows;
    }

    private static boolean holdsVoters(String table) {
        return ROLL_TABLES.contains(table) || table.equals("domain_event_entry");
    }

    /** While the round is open: the box holds no voter and no code, and no tracking code is stored anywhere. */
    public void findsNothingWhileOpen() {
        assertThat(jdbc.queryForList("select column_name from information_schema.columns where table_schema = current_schema() "
                + "and table_name = 'ballot_box'", String.class)).containsExactlyInAnyOrder("election_id", "round", "sealed");
        everything().forEach((table, rows) -> rows.forEach(row -> {
            codeOf.values().forEach(code -> assertThat(row).as(table + " while open").doesNotContain(code));
            if (!holdsVoters(table)) {
                codeOf.keySet().forEach(voter -> assertThat(row).as(table + " holds a voter id").doesNotContain(voter));
            }
        }));
    }

    /**
     * After the count: no row and no event holds both a voter id and a tracking code, voter ids stay in the roll
     * tables and events, the counting event names no voter, the participants are in id order, and nothing of the box
     * is left to match (no sealed ballot, key or idempotency hash; one transaction id on the roll rows).
     */
    public void findsNoLinkAfterTheCount(String countedEvent) {
        Map<String, List<String>> after = everything();
        int rowsWithCodes = 0;
        for (Map.Entry<String, List<String>> table : after.entrySet()) {
            for (String row : table.getValue()) {
                boolean hasCode = codeOf.values().stream().anyMatch(row::contains);
                boolean hasVoter = codeOf.keySet().stream().anyMatch(row::contains);
                if (hasCode) rowsWithCodes++;
                assertThat(hasCode && hasVoter).as("a row of " + table.getKey() + " pairs a voter with a tracking code").isFalse();
                if (!holdsVoters(table.getKey())) assertThat(hasVoter).as(table.getKey() + " holds a voter id").isFalse();
            }
        }
        assertThat(rowsWithCodes).as("the codes are published somewhere").isPositive();
        List<String> counted = after.get("domain_event_entry").stream().filter(e -> e.contains(countedEvent) && e.contains(electionId)).toList();
        assertThat(counted).hasSize(1);
        codeOf.keySet().forEach(voter -> assertThat(counted.get(0)).as(countedEvent + " names a voter").doesNotContain(voter));

        String closed = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry where payload_type like '%RoundClosed' "
                + "and convert_from(payload, 'UTF8') like ?", String.class, "%" + electionId + "%");
        List<String> voters = new ArrayList<>(codeOf.keySet());
        assertThat(voters.stream().sorted(Comparator.comparingInt(closed::indexOf)).toList()).isEqualTo(voters.stream().sorted().toList());
        // The store still proves that ballots counted equal voters who took part.
        assertThat(closed).contains("\"electronicBallots\":" + voters.size());
        assertThat(voters).allSatisfy(v -> assertThat(closed).contains(v));

        assertThat(jdbc.queryForObject("select count(*) from ballot_box where election_id = ?", Long.class, electionId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ballot_round_key where election_id = ?", Long.class, electionId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ballot_round_voter where election_id = ? and (idem_hash is not null or idem_content is not null)",
                Long.class, electionId)).isZero();
        assertThat(jdbc.queryForObject("select count(distinct xmin::text) from ballot_round_voter where election_id = ?",
                Long.class, electionId)).isEqualTo(1);
    }

    /** And the logs say nothing of it. */
    public void findsNoCodeIn(String logs) {
        codeOf.values().forEach(code -> assertThat(logs).doesNotContain(code));
    }
}
