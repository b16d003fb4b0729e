package vn.daihoi.organisation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import vn.daihoi.organisation.UnitQueries.Change;
import vn.daihoi.organisation.UnitQueries.ChildrenAsOf;
import vn.daihoi.organisation.UnitQueries.History;
import vn.daihoi.organisation.UnitQueries.HistoryOf;
import vn.daihoi.organisation.UnitQueries.TreeAsOf;
import vn.daihoi.organisation.UnitQueries.TreeNode;
import vn.daihoi.organisation.UnitQueries.UnitAsOf;
import vn.daihoi.organisation.UnitQueries.UnitByCode;
import vn.daihoi.organisation.UnitQueries.UnitView;
import vn.daihoi.organisation.UnitQueries.UnitWithAncestors;
import vn.daihoi.readmodel.ReadModel;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps each unit's versions (name and parent per period) and its change log, and answers the tree
 * questions "as of" a date. Rows of one unit are only touched by that unit's events, which arrive in order.
 */
@Component
@ProcessingGroup(UnitProjection.PROCESSING_GROUP)
public class UnitProjection implements ReadModel {

    public static final String PROCESSING_GROUP = "units";

    private static final String VERSION_COLUMNS = "unit_id, code, name, kind, parent_unit_id, valid_from, valid_to";

    private final JdbcTemplate jdbc;

    public UnitProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- events -------------------------------------------------------------------------------------

    @EventHandler
    void on(UnitRegistered e, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.update("insert into unit_version (unit_id, valid_from, code, name, kind, parent_unit_id) values (?, ?, ?, ?, ?, ?)",
                e.unitId(), e.effectiveOn(), e.code(), e.name(), e.kind().name(), e.parentUnitId());
        jdbc.update("insert into unit_summary (unit_id, code, code_key, registered_on, status) values (?, ?, ?, ?, 'ACTIVE')",
                e.unitId(), e.code(), e.code().toUpperCase(Locale.ROOT), e.effectiveOn());
        log(e, seq, at, "REGISTERED_" + e.origin().name(), e.name(), null, e.parentUnitId(), e.predecessorUnitIds());
    }

    @EventHandler
    void on(UnitRenamed e, @SequenceNumber long seq, @Timestamp Instant at) {
        newVersion(e.unitId(), e.effectiveOn(), "name", e.name());
        log(e, seq, at, "RENAMED", e.name(), null, null, List.of());
    }

    @EventHandler
    void on(UnitMoved e, @SequenceNumber long seq, @Timestamp Instant at) {
        newVersion(e.unitId(), e.effectiveOn(), "parent_unit_id", e.toParentUnitId());
        log(e, seq, at, "MOVED_" + e.reason().name(), null, e.fromParentUnitId(), e.toParentUnitId(), List.of());
    }

    @EventHandler
    void on(UnitsMergedIn e, @SequenceNumber long seq, @Timestamp Instant at) {
        log(e, seq, at, "ABSORBED", null, null, null, e.mergedUnitIds());
    }

    @EventHandler
    void on(UnitMerged e, @SequenceNumber long seq, @Timestamp Instant at) {
        end(e.unitId(), e.effectiveOn(), UnitStatus.MERGED);
        log(e, seq, at, "MERGED", null, null, null, List.of(e.intoUnitId()));
    }

    @EventHandler
    void on(UnitSplit e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (!e.continues()) end(e.unitId(), e.effectiveOn(), UnitStatus.SPLIT);
        log(e, seq, at, e.continues() ? "SPLIT_OFF" : "SPLIT", null, null, null, e.intoUnitIds());
    }

    @EventHandler
    void on(UnitDissolved e, @SequenceNumber long seq, @Timestamp Instant at) {
        end(e.unitId(), e.effectiveOn(), UnitStatus.DISSOLVED);
        log(e, seq, at, "DISSOLVED", null, null, null, List.of());
    }

    @ResetHandler
    void reset() {
        truncate(jdbc);
    }

    @Override
    public List<String> tables() {
        return List.of("unit_version", "unit_summary", "unit_change");
    }

    /**
     * Changes take effect in date order per unit (the aggregate refuses older dates), so the open version
     * is the latest: a change on its first day rewrites it, a later change closes it and opens the next.
     */
    private void newVersion(String unitId, LocalDate day, String column, String value) {
        int rewritten = jdbc.update("update unit_version set " + column + " = ? where unit_id = ? and valid_to is null and valid_from = ?",
                value, unitId, day);
        if (rewritten > 0) return;
        jdbc.update("insert into unit_version (unit_id, valid_from, code, name, kind, parent_unit_id) "
                + "select unit_id, ?, code, name, kind, parent_unit_id from unit_version where unit_id = ? and valid_to is null",
                day, unitId);
        jdbc.update("update unit_version set valid_to = ? where unit_id = ? and valid_to is null and valid_from < ?", day, unitId, day);
        jdbc.update("update unit_version set " + column + " = ? where unit_id = ? and valid_from = ?", value, unitId, day);
    }

    private void end(String unitId, LocalDate day, UnitStatus status) {
        // A unit ending on the day it began leaves no day on which it stood.
        jdbc.update("delete from unit_version where unit_id = ? and valid_to is null and valid_from >= ?", unitId, day);
        jdbc.update("update unit_version set valid_to = ? where unit_id = ? and valid_to is null", day, unitId);
        jdbc.update("update unit_summary set ended_on = ?, status = ? where unit_id = ?", day, status.name(), unitId);
    }

    private void log(UnitEvent e, long seq, Instant at, String type, String name, String from, String to, List<String> related) {
        Decision d = e.decision();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into unit_change (unit_id, sequence_number, change_type, effective_on, "
                    + "decision_number, decision_signed_on, decision_issued_by, name, from_parent_unit_id, to_parent_unit_id, "
                    + "related_unit_ids, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setString(1, e.unitId());
            ps.setLong(2, seq);
            ps.setString(3, type);
            ps.setObject(4, e.effectiveOn());
            ps.setString(5, d.number());
            ps.setObject(6, d.signedOn());
            ps.setString(7, d.issuedBy());
            ps.setString(8, name);
            ps.setString(9, from);
            ps.setString(10, to);
            ps.setArray(11, con.createArrayOf("varchar", related.toArray()));
            ps.setTimestamp(12, java.sql.Timestamp.from(at));
            return ps;
        });
    }

    // ---- queries ------------------------------------------------------------------------------------

    private static final RowMapper<UnitView> VIEW = (rs, i) -> new UnitView(rs.getString("unit_id"), rs.getString("code"),
            rs.getString("name"), UnitKind.valueOf(rs.getString("kind")), rs.getString("parent_unit_id"),
            date(rs, "valid_from"), date(rs, "valid_to"));

    private static final String AS_OF = " valid_from <= ? and (valid_to is null or valid_to > ?) ";

    @QueryHandler
    public List<TreeNode> tree(TreeAsOf q) {
        List<UnitView> all = jdbc.query("select " + VERSION_COLUMNS + " from unit_version where" + AS_OF, VIEW, q.asOf(), q.asOf());
        Map<String, List<UnitView>> byParent = new HashMap<>();
        for (UnitView v : all) byParent.computeIfAbsent(v.parentUnitId(), k -> new ArrayList<>()).add(v);
        List<UnitView> roots;
        if (q.rootUnitId() != null) {
            roots = all.stream().filter(v -> v.unitId().equals(q.rootUnitId())).toList();
        } else {
            // A unit whose parent has no version that day is shown as a root rather than lost.
            Map<String, UnitView> byId = new HashMap<>();
            all.forEach(v -> byId.put(v.unitId(), v));
            roots = all.stream().filter(v -> v.parentUnitId() == null || !byId.containsKey(v.parentUnitId())).toList();
        }
        return nodes(roots, byParent, 0);
    }

    private List<TreeNode> nodes(List<UnitView> level, Map<String, List<UnitView>> byParent, int depth) {
        if (depth > 64) return List.of();
        return sorted(level).stream()
                .map(v -> new TreeNode(v, nodes(byParent.getOrDefault(v.unitId(), List.of()), byParent, depth + 1)))
                .toList();
    }

    @QueryHandler
    public UnitWithAncestors unit(UnitAsOf q) {
        Optional<Object[]> summary = jdbc.query("select registered_on, ended_on, status from unit_summary where unit_id = ?",
                (rs, i) -> new Object[]{date(rs, "registered_on"), date(rs, "ended_on"), UnitStatus.valueOf(rs.getString("status"))},
                q.unitId()).stream().findFirst();
        if (summary.isEmpty()) return new UnitWithAncestors(null, List.of(), null, null, null, false);
        Object[] s = summary.get();
        List<UnitView> chain = jdbc.query("""
                with recursive chain(unit_id, depth) as (
                    select ?::varchar, 0
                    union all
                    select v.parent_unit_id, c.depth + 1 from chain c
                    join unit_version v on v.unit_id = c.unit_id and v.valid_from <= ? and (v.valid_to is null or v.valid_to > ?)
                    where v.parent_unit_id is not null and c.depth < 64)
                select v.unit_id, v.code, v.name, v.kind, v.parent_unit_id, v.valid_from, v.valid_to
                from chain c join unit_version v on v.unit_id = c.unit_id and v.valid_from <= ? and (v.valid_to is null or v.valid_to > ?)
                order by c.depth""", VIEW, q.unitId(), q.asOf(), q.asOf(), q.asOf(), q.asOf());
        UnitView self = chain.isEmpty() || !chain.get(0).unitId().equals(q.unitId()) ? null : chain.get(0);
        List<UnitView> ancestors = self == null ? List.of() : chain.subList(1, chain.size());
        LocalDate ended = (LocalDate) s[1];
        UnitStatus status = ended != null && !q.asOf().isBefore(ended) ? (UnitStatus) s[2] : UnitStatus.ACTIVE;
        return new UnitWithAncestors(self, List.copyOf(ancestors), status, (LocalDate) s[0], ended, true);
    }

    @QueryHandler
    public Optional<String> unitIdByCode(UnitByCode q) {
        return jdbc.queryForList("select unit_id from unit_summary where code_key = ?", String.class,
                q.code().toUpperCase(Locale.ROOT)).stream().findFirst();
    }

    @QueryHandler
    public List<UnitView> children(ChildrenAsOf q) {
        return sorted(jdbc.query("select " + VERSION_COLUMNS + " from unit_version where parent_unit_id = ? and" + AS_OF,
                VIEW, q.unitId(), q.asOf(), q.asOf()));
    }

    @QueryHandler
    public Optional<History> history(HistoryOf q) {
        return jdbc.query("select code, status from unit_summary where unit_id = ?",
                (rs, i) -> new History(q.unitId(), rs.getString("code"), UnitStatus.valueOf(rs.getString("status")),
                        jdbc.query("select * from unit_change where unit_id = ? order by sequence_number", UnitProjection::change, q.unitId())),
                q.unitId()).stream().findFirst();
    }

    private static Change change(ResultSet rs, int i) throws SQLException {
        Array related = rs.getArray("related_unit_ids");
        return new Change(rs.getLong("sequence_number"), rs.getString("change_type"), date(rs, "effective_on"),
                new Decision(rs.getString("decision_number"), date(rs, "decision_signed_on"), rs.getString("decision_issued_by")),
                rs.getString("name"), rs.getString("from_parent_unit_id"), rs.getString("to_parent_unit_id"),
                Arrays.asList((String[]) related.getArray()), rs.getTimestamp("recorded_at").toInstant());
    }

    /** Vietnamese collation, so that "Đ" sorts after "D" and tones do not scatter names. */
    private static List<UnitView> sorted(List<UnitView> views) {
        Collator vi = Collator.getInstance(Locale.forLanguageTag("vi-VN"));
        return views.stream().sorted(Comparator.comparing(UnitView::name, vi).thenComparing(UnitView::code)).toList();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
