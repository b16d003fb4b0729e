package vn.daihoi.congress.infra;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.congress.CongressCancelled;
import vn.daihoi.congress.CongressClosed;
import vn.daihoi.congress.CongressConvened;
import vn.daihoi.congress.CongressDirectory;

import java.util.Optional;

/**
 * Congresses per unit and term, kept in the convening transaction; a partial unique index makes "one open
 * congress per unit and term" hold even between two nodes convening at once.
 */
@Component
@ProcessingGroup(JdbcCongressDirectory.PROCESSING_GROUP)
public class JdbcCongressDirectory implements CongressDirectory {

    public static final String PROCESSING_GROUP = "congress-directory";

    private final JdbcTemplate jdbc;

    public JdbcCongressDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> openCongress(String unitId, int termStartYear) {
        return jdbc.queryForList("select congress_id from cmd_congress where unit_id = ? and term_start = ? and open",
                String.class, unitId, termStartYear).stream().findFirst();
    }

    @Override
    public boolean ordinalTaken(String unitId, int ordinal) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from cmd_congress where unit_id = ? and ordinal = ? and not cancelled)",
                Boolean.class, unitId, ordinal));
    }

    @Override
    public Optional<Known> find(String congressId) {
        return jdbc.query("select congress_id, unit_id, term_start, cancelled from cmd_congress where congress_id = ?",
                (rs, i) -> new Known(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)), congressId)
                .stream().findFirst();
    }

    /** ADR 0009: committee meetings are left out, so they never hold the one open congress of a term nor an ordinal. */
    @EventHandler
    void on(CongressConvened e) {
        if (e.kind().isMeeting()) return;
        jdbc.update("insert into cmd_congress (congress_id, unit_id, term_start, ordinal, open, cancelled) values (?, ?, ?, ?, true, false)",
                e.congressId(), e.unitId(), e.term().startYear(), e.ordinal());
    }

    @EventHandler
    void on(CongressCancelled e) {
        jdbc.update("update cmd_congress set open = false, cancelled = true where congress_id = ?", e.congressId());
    }

    @EventHandler
    void on(CongressClosed e) {
        jdbc.update("update cmd_congress set open = false where congress_id = ?", e.congressId());
    }
}
