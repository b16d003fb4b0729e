package vn.daihoi.congress.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.congress.Assemblies;
import vn.daihoi.congress.CongressCancelled;
import vn.daihoi.congress.CongressClosed;
import vn.daihoi.congress.CongressConvened;
import vn.daihoi.congress.CongressKind;
import vn.daihoi.congress.CongressRescheduled;
import vn.daihoi.congress.CongressSessionOpened;
import vn.daihoi.congress.CongressStatus;
import vn.daihoi.congress.DecisionSubject;
import vn.daihoi.congress.MeetingPurpose;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.ShowOfHandsDecisionRecorded;
import vn.daihoi.congress.Term;
import vn.daihoi.delegate.AttendanceCorrected;
import vn.daihoi.delegate.CredentialsReportRecorded;
import vn.daihoi.delegate.DelegateCategory;
import vn.daihoi.delegate.DelegateCheckedIn;
import vn.daihoi.delegate.DelegateCheckedOut;
import vn.daihoi.delegate.DelegateReplaced;
import vn.daihoi.delegate.DelegateSummoned;

import java.util.List;
import java.util.Optional;

/**
 * The assembly lookup ({@code cmd_assembly*}): kept by the congress's events in the transaction that records them
 * (a subscribing processor of the congress directory's group), read by elections and terms instead of the congress
 * aggregate (ADR 0024).
 */
@Component
@ProcessingGroup(JdbcCongressDirectory.PROCESSING_GROUP)
public class JdbcAssemblies implements Assemblies {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final JdbcTemplate jdbc;

    public JdbcAssemblies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Assembly> find(String congressId) {
        if (congressId == null) return Optional.empty();
        return jdbc.query("""
                select congress_id, unit_id, kind, purpose, of_congress_id, status, profile, announced_seats, approved_seats,
                       term_start, term_end, held_on from cmd_assembly where congress_id = ?""", (rs, i) -> {
            Integer approved = (Integer) rs.getObject(9);
            java.sql.Date day = rs.getDate(12);
            return new Assembly(rs.getString(1), rs.getString(2), CongressKind.valueOf(rs.getString(3)),
                    rs.getString(4) == null ? null : MeetingPurpose.valueOf(rs.getString(4)), rs.getString(5),
                    CongressStatus.valueOf(rs.getString(6)), read(rs.getString(7), RuleProfile.class),
                    approved != null ? approved : rs.getInt(8), new Term(rs.getInt(10), rs.getInt(11)),
                    day == null ? null : day.toLocalDate());
        }, congressId).stream().findFirst();
    }

    @Override
    public List<Seat> roll(String congressId) {
        return jdbc.query("""
                select delegate_id, person_id, category, replaced, replacing, rejected, present
                from cmd_assembly_seat where congress_id = ? order by delegate_id""",
                (rs, i) -> new Seat(rs.getString(1), rs.getString(2), DelegateCategory.valueOf(rs.getString(3)),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7)), congressId);
    }

    @Override
    public Optional<Decision> decision(String congressId, String decisionId) {
        return jdbc.query("select subject, person_ids, passed from cmd_assembly_decision where congress_id = ? and decision_id = ?",
                (rs, i) -> new Decision(DecisionSubject.valueOf(rs.getString(1)), people(rs.getString(2)), rs.getBoolean(3)),
                congressId, decisionId).stream().findFirst();
    }

    @Override
    public List<String> countingCommittee(String congressId) {
        return jdbc.query("""
                select person_ids from cmd_assembly_decision where congress_id = ? and subject = 'COUNTING_COMMITTEE' and passed
                order by seq desc limit 1""", (rs, i) -> people(rs.getString(1)), congressId)
                .stream().findFirst().map(p -> p.stream().sorted().toList()).orElse(List.of());
    }

    // ---- kept by the congress's events ---------------------------------------------------------------

    @EventHandler
    void on(CongressConvened e) {
        jdbc.update("""
                insert into cmd_assembly (congress_id, unit_id, kind, purpose, of_congress_id, status, profile, announced_seats,
                                          term_start, term_end, held_on) values (?, ?, ?, ?, ?, 'CONVENED', ?, ?, ?, ?, ?)""",
                e.congressId(), e.unitId(), e.kind().name(), e.purpose() == null ? null : e.purpose().name(), e.ofCongressId(),
                write(e.profile()), e.announcedSeats(), e.term().startYear(), e.term().endYear(),
                e.date() == null ? null : java.sql.Date.valueOf(e.date()));
    }

    @EventHandler
    void on(CongressRescheduled e) {
        jdbc.update("update cmd_assembly set held_on = ? where congress_id = ?", java.sql.Date.valueOf(e.date()), e.congressId());
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

    @EventHandler
    void on(DelegateSummoned e) {
        jdbc.update("insert into cmd_assembly_seat (congress_id, delegate_id, person_id, category) values (?, ?, ?, ?)",
                e.congressId(), e.delegateId(), e.personId(), e.category().name());
    }

    @EventHandler
    void on(DelegateReplaced e) {
        jdbc.update("update cmd_assembly_seat set replaced = true where congress_id = ? and delegate_id = ?", e.congressId(), e.delegateId());
        jdbc.update("update cmd_assembly_seat set replacing = true where congress_id = ? and delegate_id = ?", e.congressId(), e.alternateId());
    }

    @EventHandler
    void on(CredentialsReportRecorded e) {
        for (var r : e.rejected()) {
            jdbc.update("update cmd_assembly_seat set rejected = true where congress_id = ? and delegate_id = ?", e.congressId(), r.delegateId());
        }
    }

    @EventHandler
    void on(DelegateCheckedIn e) {
        present(e.congressId(), e.delegateId(), true);
    }

    @EventHandler
    void on(DelegateCheckedOut e) {
        present(e.congressId(), e.delegateId(), false);
    }

    @EventHandler
    void on(AttendanceCorrected e) {
        present(e.congressId(), e.delegateId(), e.present());
    }

    @EventHandler
    void on(ShowOfHandsDecisionRecorded e) {
        jdbc.update("insert into cmd_assembly_decision (congress_id, decision_id, subject, person_ids, passed) values (?, ?, ?, ?, ?)",
                e.congressId(), e.decisionId(), e.subject().name(), write(e.personIds()), e.passed());
        if (e.passed() && e.subject() == DecisionSubject.COMMITTEE_SIZE) {
            jdbc.update("update cmd_assembly set approved_seats = ? where congress_id = ?", e.seats(), e.congressId());
        }
    }

    private void status(String congressId, CongressStatus status) {
        jdbc.update("update cmd_assembly set status = ? where congress_id = ?", status.name(), congressId);
    }

    private void present(String congressId, String delegateId, boolean present) {
        jdbc.update("update cmd_assembly_seat set present = ? where congress_id = ? and delegate_id = ?", present, congressId, delegateId);
    }

    private static List<String> people(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cmd_assembly_decision.person_ids is not a JSON list", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cmd_assembly.profile is not a rule profile", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
