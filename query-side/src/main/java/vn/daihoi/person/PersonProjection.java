package vn.daihoi.person;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.person.PersonQueries.PersonById;
import vn.daihoi.person.PersonQueries.PersonView;
import vn.daihoi.readmodel.ReadModel;

import java.sql.Date;
import java.util.List;
import java.util.Optional;

/**
 * The one read model that holds personal data in the clear, so that erasure has one table to blank;
 * every other read model refers to people by id and joins here. After erasure, or on a replay after it, the
 * vault opens nothing and the row stays blank.
 */
@Component
@ProcessingGroup(PersonProjection.PROCESSING_GROUP)
public class PersonProjection implements ReadModel {

    public static final String PROCESSING_GROUP = "people";

    private final JdbcTemplate jdbc;
    private final PersonalDataVault vault;

    public PersonProjection(JdbcTemplate jdbc, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    @EventHandler
    void on(PersonRegistered e) {
        write(e.personId(), vault.open(e.personId(), e.data()));
    }

    @EventHandler
    void on(PersonalDataCorrected e) {
        write(e.personId(), vault.open(e.personId(), e.data()));
    }

    @EventHandler
    void on(PersonErased e) {
        jdbc.update("insert into person_view (person_id, erased) values (?, true) on conflict (person_id) do update set "
                + "full_name = null, birth_date = null, gender = null, phone = null, email = null, erased = true", e.personId());
    }

    private void write(String personId, Optional<PersonalData> data) {
        PersonalData d = data.orElse(null);
        jdbc.update("insert into person_view (person_id, full_name, birth_date, gender, phone, email, erased) values (?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (person_id) do update set full_name = excluded.full_name, birth_date = excluded.birth_date, "
                        + "gender = excluded.gender, phone = excluded.phone, email = excluded.email, erased = excluded.erased",
                personId, d == null ? null : d.fullName(), d == null ? null : d.birthDate(), d == null ? null : d.gender(),
                d == null ? null : d.phone(), d == null ? null : d.email(), d == null);
    }

    @ResetHandler
    void reset() {
        truncate(jdbc);
    }

    @Override
    public List<String> tables() {
        return List.of("person_view");
    }

    @QueryHandler
    public Optional<PersonView> person(PersonById q) {
        return jdbc.query("select * from person_view where person_id = ?", (rs, i) -> {
            Date birth = rs.getDate("birth_date");
            return new PersonView(rs.getString("person_id"), rs.getString("full_name"), birth == null ? null : birth.toLocalDate(),
                    rs.getString("gender"), rs.getString("phone"), rs.getString("email"), rs.getBoolean("erased"));
        }, q.personId()).stream().findFirst();
    }
}
