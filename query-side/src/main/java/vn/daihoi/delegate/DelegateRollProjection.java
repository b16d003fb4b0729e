package vn.daihoi.delegate;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.delegate.DelegateQueries.Roll;
import vn.daihoi.delegate.DelegateQueries.RollEntry;
import vn.daihoi.delegate.DelegateQueries.RollOf;


import java.time.Instant;

/**
 * The roll with attendance. Shares the congress processing group (and its reset) so that a congress and its
 * roll always stand at the same point of the stream.
 */
@Component
@ProcessingGroup(CongressProjection.PROCESSING_GROUP)
public class DelegateRollProjection {

    private final JdbcTemplate jdbc;

    public DelegateRollProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DelegateSummoned e) {
        jdbc.update("insert into delegate_view (congress_id, delegate_id, person_id, code, category, basis, position, from_election_id) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)",
                e.congressId(), e.delegateId(), e.personId(), e.code(), e.category().name(),
                e.basis() == null ? null : e.basis().name(), e.position(), e.fromElectionId());
    }

    @EventHandler
    void on(DelegateReplaced e) {
        jdbc.update("update delegate_view set replaced_by = ? where congress_id = ? and delegate_id = ?", e.alternateId(), e.congressId(), e.delegateId());
        jdbc.update("update delegate_view set replaces = ? where congress_id = ? and delegate_id = ?", e.delegateId(), e.congressId(), e.alternateId());
    }

    @EventHandler
    void on(CredentialsReportRecorded e) {
        e.rejected().forEach(r -> jdbc.update("update delegate_view set rejected = true where congress_id = ? and delegate_id = ?",
                e.congressId(), r.delegateId()));
    }

    @EventHandler
    void on(DelegateCheckedIn e, @Timestamp Instant at) {
        jdbc.update("update delegate_view set present = true, last_arrival = ? where congress_id = ? and delegate_id = ?",
                java.sql.Timestamp.from(at), e.congressId(), e.delegateId());
    }

    @EventHandler
    void on(DelegateCheckedOut e, @Timestamp Instant at) {
        jdbc.update("update delegate_view set present = false, last_departure = ? where congress_id = ? and delegate_id = ?",
                java.sql.Timestamp.from(at), e.congressId(), e.delegateId());
    }

    @EventHandler
    void on(AttendanceCorrected e) {
        jdbc.update("update delegate_view set present = ? where congress_id = ? and delegate_id = ?", e.present(), e.congressId(), e.delegateId());
    }

    @EventHandler
    void on(VotingCredentialIssued e) {
        jdbc.update("update delegate_view set has_credential = true where congress_id = ? and delegate_id = ?", e.congressId(), e.delegateId());
    }

    @EventHandler
    void on(VotingCredentialRevoked e) {
        jdbc.update("update delegate_view set has_credential = false where congress_id = ? and delegate_id = ?", e.congressId(), e.delegateId());
    }

    @QueryHandler
    public Roll roll(RollOf q) {
        return new Roll(q.congressId(), jdbc.query("""
                select d.*, p.full_name,
                       (not d.rejected and d.replaced_by is null
                        and (d.category = 'DELEGATE' or (d.category = 'ALTERNATE' and d.replaces is not null))) as votes
                from delegate_view d left join person_view p on p.person_id = d.person_id
                where d.congress_id = ? order by d.code""", (rs, i) -> new RollEntry(rs.getString("delegate_id"),
                rs.getString("person_id"), rs.getString("code"), rs.getString("full_name"),
                DelegateCategory.valueOf(rs.getString("category")),
                rs.getString("basis") == null ? null : DelegateBasis.valueOf(rs.getString("basis")), rs.getString("position"),
                rs.getBoolean("rejected") ? "REJECTED" : rs.getString("replaced_by") != null ? "REPLACED" : "SUMMONED",
                rs.getBoolean("votes"), rs.getBoolean("present"), instant(rs.getTimestamp("last_arrival")),
                instant(rs.getTimestamp("last_departure")), rs.getString("replaced_by"), rs.getString("replaces"),
                rs.getBoolean("has_credential"), DelegateCategory.valueOf(rs.getString("category")).vietnamese(),
                rs.getString("from_election_id")), q.congressId()));
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
