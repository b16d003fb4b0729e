package vn.daihoi.term;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.congress.Roman;
import vn.daihoi.congress.Term;
import vn.daihoi.organisation.Decision;
import vn.daihoi.readmodel.ReadModel;
import vn.daihoi.term.TermQueries.Change;
import vn.daihoi.term.TermQueries.HoldingView;
import vn.daihoi.term.TermQueries.LeadershipOf;
import vn.daihoi.term.TermQueries.LeadershipSummary;
import vn.daihoi.term.TermQueries.LeadershipView;
import vn.daihoi.term.TermQueries.LeadershipsForTerm;
import vn.daihoi.term.TermQueries.OfficeHolders;
import vn.daihoi.term.TermQueries.OfficeHoldersOn;
import vn.daihoi.term.TermQueries.OfficesOfPerson;
import vn.daihoi.term.TermQueries.PersonOffices;
import vn.daihoi.term.TermQueries.Recognition;
import vn.daihoi.term.TermQueries.SeasonDeadline;
import vn.daihoi.term.TermQueries.SeasonDeadlineOf;
import vn.daihoi.term.TermQueries.TermsOfUnit;
import vn.daihoi.term.TermQueries.UnitTerms;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Terms of office as federations audit them: every term of a unit with its committee, offices, recognition and
 * changes; who held which office on a date; one person's offices across units and terms. People are ids here;
 * names come from the person registry's read model, and an erased person shows as erased.
 */
@Component
@ProcessingGroup(TermProjection.PROCESSING_GROUP)
public class TermProjection implements ReadModel {

    public static final String PROCESSING_GROUP = "terms";
    /** Shown in place of a name erased on a lawful request. */
    public static final String ERASED = "(đã xoá dữ liệu cá nhân / personal data erased)";

    private final JdbcTemplate jdbc;

    public TermProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- events -------------------------------------------------------------------------------------

    @EventHandler
    void on(LeadershipSubmitted e) {
        jdbc.update("delete from holding_view where leadership_id = ?", e.leadershipId());
        jdbc.update("delete from term_view where leadership_id = ?", e.leadershipId());
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into term_view (leadership_id, unit_id, term_start, term_end, congress_id, "
                    + "congress_ordinal, seats, status, imported, election_ids) values (?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', false, ?)");
            ps.setString(1, e.leadershipId());
            ps.setString(2, e.unitId());
            ps.setInt(3, e.term().startYear());
            ps.setInt(4, e.term().endYear());
            ps.setString(5, e.congressId());
            ps.setInt(6, e.congressOrdinal());
            ps.setInt(7, e.seats());
            ps.setArray(8, con.createArrayOf("varchar", e.electionIds().toArray()));
            return ps;
        });
        insert(e.leadershipId(), e.unitId(), e.proposed());
    }

    @EventHandler
    void on(LeadershipRecognised e) {
        Decision d = e.decision();
        jdbc.update("update term_view set status = 'RECOGNISED', recognised_on = ?, recognition_number = ?, recognition_signed_on = ?, "
                        + "recognition_issuer = ?, recognised_by = ?, refusal_reason = null where leadership_id = ?",
                e.recognisedOn(), d.number(), d.signedOn(), d.issuedBy(), e.recognisedByUnitId(), e.leadershipId());
        jdbc.update("update holding_view set started_on = ?, start_number = ?, start_signed_on = ?, start_issuer = ? where leadership_id = ?",
                e.recognisedOn(), d.number(), d.signedOn(), d.issuedBy(), e.leadershipId());
    }

    @EventHandler
    void on(LeadershipRecognitionRefused e) {
        jdbc.update("update term_view set status = 'REFUSED', refusal_reason = ?, recognised_by = ? where leadership_id = ?",
                e.reason(), e.refusedByUnitId(), e.leadershipId());
    }

    @EventHandler
    void on(LeadershipImported e) {
        Decision d = e.recognition();
        Decision shift = e.termShift() == null ? null : e.termShift().decision();
        jdbc.update("insert into term_view (leadership_id, unit_id, term_start, term_end, congress_ordinal, congress_date, seats, status, "
                        + "imported, term_shift_months, term_shift_number, term_shift_signed_on, term_shift_issuer, recognised_on, "
                        + "recognition_number, recognition_signed_on, recognition_issuer, recognised_by, election_ids) "
                        + "values (?, ?, ?, ?, ?, ?, ?, 'IMPORTED', true, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')",
                e.leadershipId(), e.unitId(), e.term().startYear(), e.term().endYear(), e.congressOrdinal(), e.congressDate(), e.seats(),
                e.termShift() == null ? null : e.termShift().months(), shift == null ? null : shift.number(),
                shift == null ? null : shift.signedOn(), shift == null ? null : shift.issuedBy(), e.recognisedOn(),
                d.number(), d.signedOn(), d.issuedBy(), e.importedByUnitId());
        insert(e.leadershipId(), e.unitId(), e.holdings());
    }

    @EventHandler
    void on(ProvisionalCommitteeAppointed e) {
        Decision d = e.decision();
        jdbc.update("insert into term_view (leadership_id, unit_id, term_start, term_end, seats, status, imported, provisional_reason, "
                        + "recognised_on, recognition_number, recognition_signed_on, recognition_issuer, recognised_by, election_ids) "
                        + "values (?, ?, ?, ?, ?, 'PROVISIONAL', false, ?, ?, ?, ?, ?, ?, '{}')",
                e.leadershipId(), e.unitId(), e.term().startYear(), e.term().endYear(), e.seats(), e.reason().name(),
                e.appointedOn(), d.number(), d.signedOn(), d.issuedBy(), e.appointedByUnitId());
        insert(e.leadershipId(), e.unitId(), e.holdings());
    }

    @EventHandler
    void on(OfficesEnded e, @SequenceNumber long seq) {
        Decision d = e.decision();
        int i = 0;
        for (String id : e.holdingIds()) {
            jdbc.update("update holding_view set ended_on = ?, ended = ?, end_number = ?, end_signed_on = ?, end_issuer = ? where holding_id = ?",
                    e.endedOn(), e.how().name(), d == null ? null : d.number(), d == null ? null : d.signedOn(),
                    d == null ? null : d.issuedBy(), id);
            jdbc.update("insert into term_change (leadership_id, seq, on_date, kind, person_id, office, how, decision_number, "
                            + "decision_signed_on, decision_issuer) select ?, ?, ?, ?, person_id, office, ?, ?, ?, ? from holding_view where holding_id = ?",
                    e.leadershipId(), seq * 1000 + i++, e.endedOn(), e.successorLeadershipId() != null ? "SUCCEEDED" : "OFFICE_ENDED",
                    e.how().name(), d == null ? null : d.number(), d == null ? null : d.signedOn(), d == null ? null : d.issuedBy(), id);
        }
    }

    @EventHandler
    void on(OfficeFilled e, @SequenceNumber long seq) {
        Holding h = e.holding();
        insert(e.leadershipId(), e.unitId(), List.of(h));
        if (e.addition()) jdbc.update("update term_view set additions = additions + 1 where leadership_id = ?", e.leadershipId());
        Decision d = h.startDecision();
        Decision c = e.consent();
        jdbc.update("insert into term_change (leadership_id, seq, on_date, kind, person_id, office, how, decision_number, decision_signed_on, "
                        + "decision_issuer, consent_number, consent_signed_on, consent_issuer) values (?, ?, ?, 'OFFICE_FILLED', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.leadershipId(), seq * 1000, h.startedOn(), h.personId(), h.office().name(), h.began().name(),
                d == null ? null : d.number(), d == null ? null : d.signedOn(), d == null ? null : d.issuedBy(),
                c == null ? null : c.number(), c == null ? null : c.signedOn(), c == null ? null : c.issuedBy());
    }

    @EventHandler
    void on(ExtraordinaryCongressApproved e, @SequenceNumber long seq) {
        Decision c = e.consent();
        jdbc.update("insert into term_change (leadership_id, seq, on_date, kind, how, consent_number, consent_signed_on, consent_issuer) "
                        + "values (?, ?, ?, 'EXTRAORDINARY_CONGRESS_APPROVED', ?, ?, ?, ?)",
                e.leadershipId(), seq * 1000, e.approvedOn(), e.grounds().name(), c.number(), c.signedOn(), c.issuedBy());
    }

    @EventHandler
    void on(CongressSeasonDeadlineSet e) {
        Decision d = e.decision();
        jdbc.update("insert into season_deadline (federation_unit_id, term_start, congress_by, recognition_by, decision_number, "
                        + "decision_signed_on, decision_issuer) values (?, ?, ?, ?, ?, ?, ?) on conflict (federation_unit_id, term_start) do update set "
                        + "congress_by = excluded.congress_by, recognition_by = excluded.recognition_by, decision_number = excluded.decision_number, "
                        + "decision_signed_on = excluded.decision_signed_on, decision_issuer = excluded.decision_issuer",
                e.federationUnitId(), e.termStartYear(), e.congressBy(), e.recognitionBy(), d.number(), d.signedOn(), d.issuedBy());
    }

    private void insert(String leadershipId, String unitId, List<Holding> holdings) {
        for (Holding h : holdings) {
            Decision s = h.startDecision();
            Decision x = h.endDecision();
            jdbc.update("insert into holding_view (holding_id, leadership_id, unit_id, ordinal, person_id, office, began, started_on, "
                            + "start_number, start_signed_on, start_issuer, election_id, ended_on, ended, end_number, end_signed_on, end_issuer) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    h.holdingId(), leadershipId, unitId, ordinal(h.holdingId()), h.personId(), h.office().name(), h.began().name(),
                    h.startedOn(), s == null ? null : s.number(), s == null ? null : s.signedOn(), s == null ? null : s.issuedBy(),
                    h.electionId(), h.endedOn(), h.ended() == null ? null : h.ended().name(), x == null ? null : x.number(),
                    x == null ? null : x.signedOn(), x == null ? null : x.issuedBy());
        }
    }

    private static int ordinal(String holdingId) {
        return Integer.parseInt(holdingId.substring(holdingId.lastIndexOf('/') + 1));
    }

    @ResetHandler
    void reset() {
        truncate(jdbc);
    }

    @Override
    public List<String> tables() {
        return List.of("term_view", "holding_view", "term_change", "season_deadline");
    }

    // ---- queries ------------------------------------------------------------------------------------

    private static final String HOLDINGS = "select h.*, t.term_start, t.term_end, t.imported, p.full_name, coalesce(p.erased, false) as erased "
            + "from holding_view h join term_view t on t.leadership_id = h.leadership_id left join person_view p on p.person_id = h.person_id ";

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Decision decision(ResultSet rs, String prefix) throws SQLException {
        String number = rs.getString(prefix + "_number");
        return number == null ? null : new Decision(number, date(rs, prefix + "_signed_on"), rs.getString(prefix + "_issuer"));
    }

    private static String name(ResultSet rs) throws SQLException {
        return rs.getBoolean("erased") ? ERASED : rs.getString("full_name");
    }

    private static HoldingView holding(ResultSet rs, int i) throws SQLException {
        Office office = Office.valueOf(rs.getString("office"));
        String ended = rs.getString("ended");
        return new HoldingView(rs.getString("holding_id"), rs.getString("leadership_id"), rs.getString("unit_id"),
                new Term(rs.getInt("term_start"), rs.getInt("term_end")), rs.getString("person_id"), name(rs), rs.getBoolean("erased"),
                office, office.vietnamese(), HoldingStart.valueOf(rs.getString("began")), date(rs, "started_on"), decision(rs, "start"),
                rs.getString("election_id"), date(rs, "ended_on"), ended == null ? null : HoldingEnd.valueOf(ended), decision(rs, "end"),
                rs.getBoolean("imported"));
    }

    private static final Comparator<HoldingView> BY_OFFICE = Comparator.comparing(HoldingView::office)
            .thenComparing(HoldingView::startedOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(HoldingView::holdingId);

    @QueryHandler
    public Optional<LeadershipView> leadership(LeadershipOf q) {
        return jdbc.query("select * from term_view where leadership_id = ?", this::view, q.leadershipId()).stream().findFirst();
    }

    @QueryHandler
    public UnitTerms terms(TermsOfUnit q) {
        return new UnitTerms(q.unitId(), jdbc.query("select * from term_view where unit_id = ? order by term_start, "
                + "(status = 'PROVISIONAL') desc, recognised_on nulls last, leadership_id", this::view, q.unitId()));
    }

    private LeadershipView view(ResultSet rs, int i) throws SQLException {
        String id = rs.getString("leadership_id");
        List<HoldingView> all = jdbc.query(HOLDINGS + "where h.leadership_id = ? order by h.ordinal", TermProjection::holding, id);
        List<Change> changes = jdbc.query("select c.*, p.full_name, coalesce(p.erased, false) as erased from term_change c "
                        + "left join person_view p on p.person_id = c.person_id where c.leadership_id = ? order by c.on_date, c.seq",
                (r, j) -> new Change(date(r, "on_date"), r.getString("kind"), r.getString("person_id"),
                        r.getString("person_id") == null ? null : name(r),
                        r.getString("office") == null ? null : Office.valueOf(r.getString("office")), r.getString("how"),
                        decision(r, "decision"), decision(r, "consent")), id);
        Array elections = rs.getArray("election_ids");
        Integer ordinal = (Integer) rs.getObject("congress_ordinal");
        String reason = rs.getString("provisional_reason");
        Decision recognition = decision(rs, "recognition");
        return new LeadershipView(id, rs.getString("unit_id"), new Term(rs.getInt("term_start"), rs.getInt("term_end")),
                rs.getString("congress_id"), ordinal, ordinal == null ? null : Roman.of(ordinal), date(rs, "congress_date"),
                rs.getInt("seats"), LeadershipStatus.valueOf(rs.getString("status")), rs.getBoolean("imported"),
                reason == null ? null : ProvisionalReason.valueOf(reason), (Integer) rs.getObject("term_shift_months"),
                decision(rs, "term_shift"),
                recognition == null ? null : new Recognition(date(rs, "recognised_on"), recognition, rs.getString("recognised_by")),
                rs.getString("refusal_reason"), elections == null ? List.of() : Arrays.asList((String[]) elections.getArray()),
                rs.getInt("additions"),
                of(all, Office.COMMITTEE_MEMBER), of(all, Office.CHAIR), of(all, Office.VICE_CHAIR), of(all, Office.STANDING_MEMBER),
                of(all, Office.INSPECTION_MEMBER), of(all, Office.INSPECTION_CHAIR), of(all, Office.INSPECTION_VICE_CHAIR), changes);
    }

    private static List<HoldingView> of(List<HoldingView> all, Office office) {
        return all.stream().filter(h -> h.office() == office).sorted(BY_OFFICE).toList();
    }

    /** held on {@code on} when it started on or before that day and had not ended by it (the end day belongs to the successor). */
    @QueryHandler
    public OfficeHolders holders(OfficeHoldersOn q) {
        List<HoldingView> rows = jdbc.query(HOLDINGS + "where h.unit_id = ? and h.started_on <= ? and (h.ended_on is null or h.ended_on > ?)",
                TermProjection::holding, q.unitId(), q.on(), q.on());
        return new OfficeHolders(q.unitId(), q.on(), rows.stream().sorted(BY_OFFICE).toList());
    }

    @QueryHandler
    public PersonOffices offices(OfficesOfPerson q) {
        List<HoldingView> rows = jdbc.query(HOLDINGS + "where h.person_id = ? order by h.started_on nulls last, h.unit_id, h.holding_id",
                TermProjection::holding, q.personId());
        var person = jdbc.query("select full_name, erased from person_view where person_id = ?",
                (rs, i) -> rs.getBoolean("erased") ? new String[]{ERASED, "true"} : new String[]{rs.getString("full_name"), "false"},
                q.personId()).stream().findFirst();
        return new PersonOffices(q.personId(), person.map(p -> p[0]).orElse(null), person.map(p -> Boolean.parseBoolean(p[1])).orElse(false), rows);
    }

    @QueryHandler
    public List<LeadershipSummary> forTerm(LeadershipsForTerm q) {
        if (q.unitIds().isEmpty()) return List.of();
        return jdbc.query(con -> {
            var ps = con.prepareStatement("select distinct on (unit_id) * from term_view where unit_id = any (?) and term_start = ? "
                    + "and status <> 'PROVISIONAL' order by unit_id, recognised_on desc nulls last, leadership_id");
            ps.setArray(1, con.createArrayOf("varchar", q.unitIds().toArray()));
            ps.setInt(2, q.termStartYear());
            return ps;
        }, (rs, i) -> new LeadershipSummary(rs.getString("leadership_id"), rs.getString("unit_id"),
                LeadershipStatus.valueOf(rs.getString("status")), rs.getBoolean("imported"), date(rs, "recognised_on")));
    }

    @QueryHandler
    public Optional<SeasonDeadline> deadline(SeasonDeadlineOf q) {
        return jdbc.query("select * from season_deadline where federation_unit_id = ? and term_start = ?",
                (rs, i) -> new SeasonDeadline(rs.getString("federation_unit_id"), rs.getInt("term_start"), date(rs, "congress_by"),
                        date(rs, "recognition_by"), decision(rs, "decision")), q.federationUnitId(), q.termStartYear()).stream().findFirst();
    }
}
