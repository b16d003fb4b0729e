package vn.daihoi.election.infra;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionDirectory;
import vn.daihoi.election.ElectionOpened;

import java.util.List;

/** {@code cmd_election}, written by a subscribing processor in the transaction that opens the election. */
@Component
@ProcessingGroup(JdbcElectionDirectory.PROCESSING_GROUP)
public class JdbcElectionDirectory implements ElectionDirectory {

    public static final String PROCESSING_GROUP = "election-directory";

    private final JdbcTemplate jdbc;

    public JdbcElectionDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> electionsAt(String congressId, ElectedBody body) {
        return jdbc.queryForList("select election_id from cmd_election where congress_id = ? and body = ? order by seq",
                String.class, congressId, body.name());
    }

    @EventHandler
    void on(ElectionOpened e) {
        jdbc.update("insert into cmd_election (election_id, congress_id, body) values (?, ?, ?) on conflict (election_id) do nothing",
                e.electionId(), e.congressId(), e.body().name());
    }
}
