package vn.daihoi.confidence;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.confidence.ConfidenceQueries.PersonResult;
import vn.daihoi.confidence.ConfidenceQueries.Results;
import vn.daihoi.confidence.ConfidenceQueries.ResultsOf;
import vn.daihoi.readmodel.ReadModel;

import java.util.List;
import java.util.Optional;

/**
 * The per-person results of confidence rounds. It shares the elections' processing group, so a round's
 * status, ballots and results move together; the numbers and percentages are copied from the count, never recomputed.
 */
@Component
@ProcessingGroup("elections")
public class ConfidenceProjection implements ReadModel {

    private final JdbcTemplate jdbc;

    public ConfidenceProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ConfidenceRoundCounted e) {
        ConfidenceResult r = e.result();
        jdbc.update("insert into confidence_round (election_id, round, issued, collected, whole_invalid) values (?, ?, ?, ?, ?)",
                e.electionId(), e.round(), r.issued(), r.collected(), r.wholeInvalid());
        int position = 0;
        for (ConfidenceResult.Line l : r.lines()) {
            jdbc.update("""
                            insert into confidence_result_line (election_id, round, position, candidate_id, valid, invalid, high, confidence, low,
                                percent_high, percent_confidence, percent_low, review, dismissal) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    e.electionId(), e.round(), ++position, l.candidateId(), l.valid(), l.invalid(), l.high(), l.confidence(), l.low(),
                    l.percentHigh(), l.percentConfidence(), l.percentLow(), l.review(), l.dismissal());
        }
    }

    @ResetHandler
    void reset() {
        truncate(jdbc);
    }

    @Override
    public List<String> tables() {
        return List.of("confidence_round", "confidence_result_line");
    }

    @QueryHandler
    public Optional<Results> results(ResultsOf q) {
        return jdbc.query("select * from confidence_round where election_id = ? and round = ?", (rs, i) -> {
            int issued = rs.getInt("issued");
            int collected = rs.getInt("collected");
            return new Results(q.electionId(), q.round(), issued, collected, rs.getInt("whole_invalid"), jdbc.query("""
                    select l.*, c.person_id, c.office, p.full_name from confidence_result_line l
                    join candidate_view c on c.election_id = l.election_id and c.candidate_id = l.candidate_id
                    left join person_view p on p.person_id = c.person_id
                    where l.election_id = ? and l.round = ? order by l.position""", (r, j) -> new PersonResult(r.getInt("position"),
                    r.getString("candidate_id"), r.getString("person_id"), r.getString("full_name"), r.getString("office"),
                    issued, collected, r.getInt("valid"), r.getInt("invalid"), r.getInt("high"), r.getInt("confidence"), r.getInt("low"),
                    r.getString("percent_high"), r.getString("percent_confidence"), r.getString("percent_low"),
                    r.getBoolean("review"), r.getBoolean("dismissal")), q.electionId(), q.round()));
        }, q.electionId(), q.round()).stream().findFirst();
    }
}
