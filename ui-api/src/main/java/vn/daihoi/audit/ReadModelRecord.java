package vn.daihoi.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.confidence.ConfidenceResult;
import vn.daihoi.election.InvalidReason;
import vn.daihoi.election.Outcome;
import vn.daihoi.election.PublishedBallot;
import vn.daihoi.election.RoundResult;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The published ballots and round results as the read models hold them (ElectionProjection,
 * ConfidenceProjection), put back into the shapes of the events that produced them, so that they can be compared
 * with the events (verification) and exported as they are served (the bundle). Reads the query side's tables
 * directly, as {@code DataScope} does: a cross-feature audit concern, not a query of one feature.
 */
@Component
public class ReadModelRecord {

    private final JdbcTemplate jdbc;

    public ReadModelRecord(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A counted round as the read model lists it. */
    public record CountedRound(String electionId, int round, boolean confidence) {}

    /** The counted rounds of these elections, in election and round order. */
    public List<CountedRound> countedRounds(List<String> electionIds) {
        return jdbc.query("""
                select r.election_id, r.round, exists (select 1 from confidence_round c where c.election_id = r.election_id and c.round = r.round) as confidence
                from round_view r where r.status = 'COUNTED' and r.election_id = any (?)
                order by r.election_id, r.round""",
                (r, i) -> new CountedRound(r.getString(1), r.getInt(2), r.getBoolean(3)), (Object) electionIds.toArray(String[]::new));
    }

    /** (election, round) pairs that have published ballots in the read model. */
    public List<CountedRound> roundsWithBallots() {
        return jdbc.query("select distinct election_id, round from published_ballot order by election_id, round",
                (r, i) -> new CountedRound(r.getString(1), r.getInt(2), false));
    }

    public List<PublishedBallot> ballots(String electionId, int round) {
        return jdbc.query("select * from published_ballot where election_id = ? and round = ? order by position",
                (r, i) -> new PublishedBallot(r.getString("tracking_code"), strings(r.getArray("kept")),
                        r.getString("invalid") == null ? null : InvalidReason.valueOf(r.getString("invalid")), r.getBoolean("paper"),
                        vn.daihoi.election.ElectionProjection.lines(r.getArray("ratings"))), electionId, round);
    }

    /** The result of a counted election round; empty when the read model has no counted round. */
    public Optional<RoundResult> electionResult(String electionId, int round) {
        return jdbc.query("select * from round_view where election_id = ? and round = ? and status = 'COUNTED'", (r, i) -> {
            List<RoundResult.Line> lines = jdbc.query("select * from round_result_line where election_id = ? and round = ? order by rank",
                    (l, j) -> new RoundResult.Line(l.getString("candidate_id"), l.getInt("votes"), l.getString("percent"),
                            Outcome.valueOf(l.getString("outcome"))), electionId, round);
            List<String> elected = lines.stream().filter(l -> l.outcome() == Outcome.ELECTED).map(RoundResult.Line::candidateId).toList();
            return new RoundResult(r.getInt("seats"), r.getInt("collected"), r.getInt("valid"), r.getInt("invalid"), lines, elected,
                    strings(r.getArray("tied")), r.getInt("tie_seats"), r.getInt("vacancies"));
        }, electionId, round).stream().findFirst();
    }

    public Optional<ConfidenceResult> confidenceResult(String electionId, int round) {
        return jdbc.query("select * from confidence_round where election_id = ? and round = ?", (r, i) -> new ConfidenceResult(
                r.getInt("issued"), r.getInt("collected"), r.getInt("whole_invalid"),
                jdbc.query("select * from confidence_result_line where election_id = ? and round = ? order by position",
                        (l, j) -> new ConfidenceResult.Line(l.getString("candidate_id"), l.getInt("valid"), l.getInt("invalid"),
                                l.getInt("high"), l.getInt("confidence"), l.getInt("low"), l.getString("percent_high"),
                                l.getString("percent_confidence"), l.getString("percent_low"), l.getBoolean("review"),
                                l.getBoolean("dismissal")), electionId, round)), electionId, round).stream().findFirst();
    }

    /** A unit's current name (the read model of the unit tree), null when unknown. */
    public String unitName(String unitId) {
        List<String> names = jdbc.queryForList("select name from unit_version where unit_id = ? order by valid_from desc limit 1", String.class, unitId);
        return names.isEmpty() ? null : names.get(0);
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) a.getArray()));
    }
}
