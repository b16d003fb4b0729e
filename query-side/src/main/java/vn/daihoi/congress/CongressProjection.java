package vn.daihoi.congress;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import vn.daihoi.congress.CongressQueries.CongressSummary;
import vn.daihoi.congress.CongressQueries.CongressesUnder;
import vn.daihoi.congress.CongressQueries.Dashboard;
import vn.daihoi.congress.CongressQueries.DashboardOf;
import vn.daihoi.congress.CongressQueries.DecisionView;
import vn.daihoi.congress.CongressQueries.Season;
import vn.daihoi.congress.CongressQueries.UnitCongress;
import vn.daihoi.readmodel.ReadModel;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Congresses as organisers and federations see them: one row each, with their decisions. */
@Component
@ProcessingGroup(CongressProjection.PROCESSING_GROUP)
public class CongressProjection implements ReadModel {

    public static final String PROCESSING_GROUP = "congresses";

    private final JdbcTemplate jdbc;

    public CongressProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CongressConvened e) {
        jdbc.update("insert into congress_view (congress_id, unit_id, ordinal, term_start, term_end, kind, pilot, pilot_chosen_by, "
                        + "congress_date, venue, announced_seats, profile_id, quorum_num, quorum_den, status, purpose, "
                        + "of_congress_id, convener_person_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CONVENED', ?, ?, ?)",
                e.congressId(), e.unitId(), e.ordinal(), e.term().startYear(), e.term().endYear(), e.kind().name(), e.pilot(),
                e.pilotChosenByUnitId(), e.date(), e.venue(), e.announcedSeats(), e.profile().id(),
                e.profile().quorum().numerator(), e.profile().quorum().denominator(),
                e.purpose() == null ? null : e.purpose().name(), e.ofCongressId(), e.convenerPersonId());
    }

    @EventHandler
    void on(CongressRescheduled e) {
        jdbc.update("update congress_view set congress_date = ?, venue = ? where congress_id = ?", e.date(), e.venue(), e.congressId());
    }

    @EventHandler
    void on(CongressCancelled e) {
        status(e.congressId(), CongressStatus.CANCELLED);
    }

    @EventHandler
    void on(CongressSessionOpened e) {
        status(e.congressId(), CongressStatus.IN_SESSION);
    }

    @EventHandler
    void on(CongressClosed e) {
        status(e.congressId(), CongressStatus.CLOSED);
    }

    private void status(String congressId, CongressStatus status) {
        jdbc.update("update congress_view set status = ? where congress_id = ?", status.name(), congressId);
    }

    @EventHandler
    void on(ShowOfHandsDecisionRecorded e, @Timestamp Instant at) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into decision_view (congress_id, decision_id, subject, title, person_ids, seats, "
                    + "votes_for, votes_against, abstentions, summoned, present, quorum_met, passed, recorded_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setString(1, e.congressId());
            ps.setString(2, e.decisionId());
            ps.setString(3, e.subject().name());
            ps.setString(4, e.title());
            ps.setArray(5, con.createArrayOf("varchar", e.personIds().toArray()));
            ps.setObject(6, e.seats());
            ps.setInt(7, e.votesFor());
            ps.setInt(8, e.votesAgainst());
            ps.setInt(9, e.abstentions());
            ps.setInt(10, e.attendance().summoned());
            ps.setInt(11, e.attendance().present());
            ps.setBoolean(12, e.attendance().quorumMet());
            ps.setBoolean(13, e.passed());
            ps.setTimestamp(14, java.sql.Timestamp.from(at));
            return ps;
        });
        if (e.passed() && e.subject() == DecisionSubject.COMMITTEE_SIZE) {
            jdbc.update("update congress_view set approved_seats = ? where congress_id = ?", e.seats(), e.congressId());
        }
    }

    @ResetHandler
    void reset() {
        truncate(jdbc);
    }

    @Override
    public List<String> tables() {
        return List.of("congress_view", "decision_view", "delegate_view");
    }

    // ---- queries ------------------------------------------------------------------------------------

    static final RowMapper<CongressSummary> SUMMARY = (rs, i) -> {
        CongressKind kind = CongressKind.valueOf(rs.getString("kind"));
        int ordinal = rs.getInt("ordinal");
        Term term = new Term(rs.getInt("term_start"), rs.getInt("term_end"));
        MeetingPurpose purpose = rs.getString("purpose") == null ? null : MeetingPurpose.valueOf(rs.getString("purpose"));
        String roman = ordinal >= 1 ? Roman.of(ordinal) : null;
        return new CongressSummary(rs.getString("congress_id"), rs.getString("unit_id"), ordinal, roman, term, kind,
                rs.getBoolean("pilot"), rs.getString("pilot_chosen_by"), rs.getDate("congress_date").toLocalDate(),
                rs.getString("venue"), rs.getInt("announced_seats"), (Integer) rs.getObject("approved_seats"),
                rs.getString("profile_id"), CongressStatus.valueOf(rs.getString("status")),
                title(kind, roman, purpose, term), kind.vietnamese(), kind.english(), purpose,
                purpose == null ? null : purpose.vietnamese(), purpose == null ? null : purpose.english(),
                rs.getString("of_congress_id"), rs.getString("convener_person_id"));
    };

    /** How the assembly is named: "Đại hội lần thứ X, nhiệm kỳ 2023–2028" or the meeting's purpose with the term. */
    public static String title(CongressKind kind, String roman, MeetingPurpose purpose, Term term) {
        if (kind.isMeeting()) {
            return (purpose == null ? kind.vietnamese() : purpose.vietnamese()) + ", nhiệm kỳ " + term.label();
        }
        return "Đại hội lần thứ " + roman + ", nhiệm kỳ " + term.label();
    }

    /** The latest congresses (and meetings) of these units and these congresses, newest first: a staff member's list. */
    public List<CongressSummary> latestOf(java.util.Collection<String> unitIds, java.util.Collection<String> congressIds, boolean all) {
        return jdbc.query("select * from congress_view where ? or unit_id = any(?) or congress_id = any(?) order by congress_date desc, congress_id limit 50",
                SUMMARY, all, unitIds.toArray(String[]::new), congressIds.toArray(String[]::new));
    }

    public Optional<CongressSummary> summary(String congressId) {
        return jdbc.query("select * from congress_view where congress_id = ?", SUMMARY, congressId).stream().findFirst();
    }

    /** counts of voting delegates only, and quorum in exact arithmetic with the congress's own profile. */
    @QueryHandler
    public Optional<Dashboard> dashboard(DashboardOf q) {
        return jdbc.query("select * from congress_view where congress_id = ?", (rs, i) -> {
            CongressSummary summary = SUMMARY.mapRow(rs, i);
            Fraction quorum = new Fraction(rs.getInt("quorum_num"), rs.getInt("quorum_den"));
            return jdbc.queryForObject("""
                    select count(*) filter (where votes) as summoned,
                           count(*) filter (where votes and present) as present,
                           count(*) filter (where category = 'ALTERNATE' and replaces is null) as alternates,
                           count(*) filter (where category = 'GUEST') as guests,
                           count(*) filter (where category = 'GUEST' and present) as guests_present
                    from (select *, (not rejected and replaced_by is null
                                     and (category = 'DELEGATE' or (category = 'ALTERNATE' and replaces is not null))) as votes
                          from delegate_view where congress_id = ?) d""", (r, j) -> {
                int summoned = r.getInt("summoned");
                int present = r.getInt("present");
                return new Dashboard(summary, summoned, present, summoned > 0 && quorum.reachedBy(present, summoned),
                        quorum + " × " + summoned, r.getInt("alternates"), r.getInt("guests"), r.getInt("guests_present"),
                        decisions(q.congressId()));
            }, q.congressId());
        }, q.congressId()).stream().findFirst();
    }

    private List<DecisionView> decisions(String congressId) {
        return jdbc.query("select * from decision_view where congress_id = ? order by recorded_at, decision_id",
                CongressProjection::decision, congressId);
    }

    private static DecisionView decision(ResultSet rs, int i) throws SQLException {
        Array people = rs.getArray("person_ids");
        return new DecisionView(rs.getString("decision_id"), DecisionSubject.valueOf(rs.getString("subject")),
                rs.getString("title"), Arrays.asList((String[]) people.getArray()), (Integer) rs.getObject("seats"),
                rs.getInt("votes_for"), rs.getInt("votes_against"), rs.getInt("abstentions"),
                new Attendance(rs.getInt("summoned"), rs.getInt("present"), rs.getBoolean("quorum_met")), rs.getBoolean("passed"));
    }

    /**
     * The congress season under a federation: every unit under it on {@code asOf} (itself included) with its
     * congress for the term, the latest one not cancelled if several.
     */
    @QueryHandler
    public Season season(CongressesUnder q) {
        List<UnitCongress> units = jdbc.query("""
                with recursive tree(unit_id, depth) as (
                    select ?::varchar, 0
                    union all
                    select v.unit_id, t.depth + 1 from tree t
                    join unit_version v on v.parent_unit_id = t.unit_id and v.valid_from <= ? and (v.valid_to is null or v.valid_to > ?)
                    where t.depth < 64)
                select v.unit_id as u_id, v.code as u_code, v.name as u_name, v.kind as u_kind, c.*
                from tree t
                join unit_version v on v.unit_id = t.unit_id and v.valid_from <= ? and (v.valid_to is null or v.valid_to > ?)
                left join lateral (select * from congress_view c where c.unit_id = t.unit_id and c.term_start = ?
                                   and c.kind <> 'COMMITTEE_MEETING'
                                   order by (c.status = 'CANCELLED'), c.ordinal desc limit 1) c on true
                order by t.depth, v.code""", (rs, i) -> new UnitCongress(rs.getString("u_id"), rs.getString("u_code"),
                rs.getString("u_name"), rs.getString("u_kind"), rs.getString("congress_id") == null ? null : SUMMARY.mapRow(rs, i)),
                q.unitId(), q.asOf(), q.asOf(), q.asOf(), q.asOf(), q.termStartYear());
        int convened = 0, inSession = 0, closed = 0, none = 0;
        for (UnitCongress u : units) {
            CongressStatus s = u.congress() == null ? null : u.congress().status();
            if (s == null || s == CongressStatus.CANCELLED) none++;
            else if (s == CongressStatus.CONVENED) convened++;
            else if (s == CongressStatus.IN_SESSION) inSession++;
            else closed++;
        }
        return new Season(q.unitId(), new Term(q.termStartYear(), q.termStartYear() + 5), units, convened, inSession, closed, none);
    }
}
