package vn.daihoi.term.infra;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.term.Holding;
import vn.daihoi.term.LeadershipImported;
import vn.daihoi.term.LeadershipRecognised;
import vn.daihoi.term.LeadershipSubmitted;
import vn.daihoi.term.ProvisionalCommitteeAppointed;
import vn.daihoi.term.TermDirectory;

import java.sql.Date;
import java.util.List;
import java.util.Optional;

/**
 * The leaderships of every unit, kept in the command's transaction (subscribing, like the unit directory); a
 * partial unique index keeps one elected or imported leadership per unit and term even between two nodes.
 */
@Component
@ProcessingGroup(JdbcTermDirectory.PROCESSING_GROUP)
public class JdbcTermDirectory implements TermDirectory {

    public static final String PROCESSING_GROUP = "term-directory";

    private final JdbcTemplate jdbc;

    public JdbcTermDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> leadershipFor(String unitId, int termStartYear) {
        return jdbc.queryForList("select leadership_id from cmd_leadership where unit_id = ? and term_start = ? and not provisional",
                String.class, unitId, termStartYear).stream().findFirst();
    }

    @Override
    public List<Entry> ofUnit(String unitId) {
        return jdbc.query("select * from cmd_leadership where unit_id = ? order by term_start, leadership_id", (rs, i) -> {
            Date started = rs.getDate("started_on");
            return new Entry(rs.getString("leadership_id"), rs.getInt("term_start"), rs.getBoolean("provisional"),
                    started == null ? null : started.toLocalDate());
        }, unitId);
    }

    @Override
    public Optional<CongressEntry> congress(String congressId) {
        return jdbc.query("select unit_id, term_start, ordinal from cmd_congress where congress_id = ?",
                (rs, i) -> new CongressEntry(rs.getString("unit_id"), rs.getInt("term_start"), rs.getInt("ordinal")), congressId)
                .stream().findFirst();
    }

    @EventHandler
    void on(LeadershipSubmitted e) {
        jdbc.update("insert into cmd_leadership (leadership_id, unit_id, term_start, provisional) values (?, ?, ?, false) "
                + "on conflict (leadership_id) do nothing", e.leadershipId(), e.unitId(), e.term().startYear());
    }

    @EventHandler
    void on(LeadershipRecognised e) {
        jdbc.update("update cmd_leadership set started_on = ? where leadership_id = ?", e.recognisedOn(), e.leadershipId());
    }

    @EventHandler
    void on(LeadershipImported e) {
        jdbc.update("insert into cmd_leadership (leadership_id, unit_id, term_start, provisional, started_on) values (?, ?, ?, false, ?)",
                e.leadershipId(), e.unitId(), e.term().startYear(),
                e.holdings().stream().map(Holding::startedOn).min(java.time.LocalDate::compareTo).orElse(e.recognisedOn()));
    }

    @EventHandler
    void on(ProvisionalCommitteeAppointed e) {
        jdbc.update("insert into cmd_leadership (leadership_id, unit_id, term_start, provisional, started_on) values (?, ?, ?, true, ?)",
                e.leadershipId(), e.unitId(), e.term().startYear(), e.appointedOn());
    }
}
