package vn.daihoi.person.infra;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.person.PersonDirectory;
import vn.daihoi.person.PersonRegistered;

/** Registered person ids, kept in the registering transaction (subscribing, like the unit directory). */
@Component
@ProcessingGroup(JdbcPersonDirectory.PROCESSING_GROUP)
public class JdbcPersonDirectory implements PersonDirectory {

    public static final String PROCESSING_GROUP = "person-directory";

    private final JdbcTemplate jdbc;

    public JdbcPersonDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(String personId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from cmd_person where person_id = ?)",
                Boolean.class, personId));
    }

    @EventHandler
    void on(PersonRegistered e) {
        jdbc.update("insert into cmd_person (person_id) values (?)", e.personId());
    }
}
