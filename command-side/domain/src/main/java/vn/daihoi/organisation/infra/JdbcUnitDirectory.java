package vn.daihoi.organisation.infra;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.organisation.UnitDirectory;
import vn.daihoi.organisation.UnitDissolved;
import vn.daihoi.organisation.UnitKind;
import vn.daihoi.organisation.UnitMerged;
import vn.daihoi.organisation.UnitMoved;
import vn.daihoi.organisation.UnitRegistered;
import vn.daihoi.organisation.UnitSplit;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The command side's own view of the unit tree. A subscribing processor keeps it in the transaction that
 * appends the events, so a check and the unique index on codes see every committed command.
 */
@Component
@ProcessingGroup(JdbcUnitDirectory.PROCESSING_GROUP)
public class JdbcUnitDirectory implements UnitDirectory {

    public static final String PROCESSING_GROUP = "unit-directory";

    private final JdbcTemplate jdbc;

    public JdbcUnitDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> unitWithCode(String code) {
        return jdbc.queryForList("select unit_id from cmd_unit where code_key = ?", String.class, key(code))
                .stream().findFirst();
    }

    @Override
    public Optional<Entry> find(String unitId) {
        return load("where u.unit_id = ?", unitId).stream().findFirst();
    }

    @Override
    public List<Entry> everUnder(String parentUnitId) {
        return load("where u.unit_id in (select unit_id from cmd_unit_parent where parent_unit_id = ?)", parentUnitId);
    }

    private List<Entry> load(String where, String arg) {
        Map<String, Object[]> heads = new HashMap<>();
        Map<String, List<ParentPeriod>> parents = new HashMap<>();
        List<String> order = new ArrayList<>();
        jdbc.query("select u.unit_id, u.code, u.kind, u.registered_on, u.ended_on, p.valid_from, p.parent_unit_id "
                + "from cmd_unit u join cmd_unit_parent p on p.unit_id = u.unit_id " + where, rs -> {
            String id = rs.getString(1);
            if (!heads.containsKey(id)) {
                order.add(id);
                Date ended = rs.getDate(5);
                heads.put(id, new Object[]{rs.getString(2), UnitKind.valueOf(rs.getString(3)),
                        rs.getDate(4).toLocalDate(), ended == null ? null : ended.toLocalDate()});
                parents.put(id, new ArrayList<>());
            }
            parents.get(id).add(new ParentPeriod(rs.getDate(6).toLocalDate(), rs.getString(7)));
        }, arg);
        return order.stream().map(id -> {
            Object[] h = heads.get(id);
            return new Entry(id, (String) h[0], (UnitKind) h[1], (LocalDate) h[2], (LocalDate) h[3], parents.get(id));
        }).toList();
    }

    @EventHandler
    void on(UnitRegistered e) {
        jdbc.update("insert into cmd_unit (unit_id, code, code_key, kind, registered_on) values (?, ?, ?, ?, ?)",
                e.unitId(), e.code(), key(e.code()), e.kind().name(), e.effectiveOn());
        jdbc.update("insert into cmd_unit_parent (unit_id, valid_from, parent_unit_id) values (?, ?, ?)",
                e.unitId(), e.effectiveOn(), e.parentUnitId());
    }

    @EventHandler
    void on(UnitMoved e) {
        jdbc.update("insert into cmd_unit_parent (unit_id, valid_from, parent_unit_id) values (?, ?, ?) "
                + "on conflict (unit_id, valid_from) do update set parent_unit_id = excluded.parent_unit_id",
                e.unitId(), e.effectiveOn(), e.toParentUnitId());
    }

    @EventHandler
    void on(UnitMerged e) {
        end(e.unitId(), e.effectiveOn());
    }

    @EventHandler
    void on(UnitSplit e) {
        if (!e.continues()) end(e.unitId(), e.effectiveOn());
    }

    @EventHandler
    void on(UnitDissolved e) {
        end(e.unitId(), e.effectiveOn());
    }

    private void end(String unitId, LocalDate day) {
        jdbc.update("update cmd_unit set ended_on = ? where unit_id = ?", day, unitId);
    }

    private static String key(String code) {
        return code.toUpperCase(Locale.ROOT);
    }
}
