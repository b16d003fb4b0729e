package vn.daihoi.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where the data named by an id lives, for the access checks (ADR 0013). The units a person is found in: a roll
 * of a congress of the unit, a candidacy or a confidence listing in an election of its congress, an office of
 * the unit (held or past), or the unit whose organiser registered him; and the congress a delegate sits in.
 * Read from the read models, which every write endpoint brings up to date before it answers.
 */
@Component
public class DataScope {

    private final JdbcTemplate jdbc;

    public DataScope(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean known(String personId) {
        if (personId == null || personId.isBlank()) return false;
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from cmd_person where person_id = ?)"
                + " or exists (select 1 from person_view where person_id = ?)", Boolean.class, personId, personId));
    }

    public Set<String> unitsOf(String personId) {
        return new LinkedHashSet<>(jdbc.queryForList("""
                select c.unit_id from delegate_view d join congress_view c on c.congress_id = d.congress_id where d.person_id = ?
                union select e.unit_id from candidate_view v join election_view e on e.election_id = v.election_id where v.person_id = ?
                union select unit_id from holding_view where person_id = ?
                union select unit_id from person_registration where person_id = ?""",
                String.class, personId, personId, personId, personId));
    }

    /** An organiser registered the person: his units see him until (and after) he is put on a roll. */
    public void registeredBy(String personId, Collection<String> unitIds) {
        for (String unit : unitIds) {
            jdbc.update("insert into person_registration (person_id, unit_id) values (?, ?) on conflict do nothing", personId, unit);
        }
    }

    /** The congresses whose roll holds this delegate id (one, as ids are made from the congress and the code). */
    public java.util.List<String> congressesOfDelegate(String delegateId) {
        return jdbc.queryForList("select congress_id from delegate_view where delegate_id = ?", String.class, delegateId);
    }
}
