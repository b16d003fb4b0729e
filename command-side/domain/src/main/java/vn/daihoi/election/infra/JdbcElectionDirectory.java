package vn.daihoi.election.infra;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.confidence.ConfidenceRoundCounted;
import vn.daihoi.confidence.OfficialListed;
import vn.daihoi.election.CandidateNominated;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectedPeople;
import vn.daihoi.election.ElectionDirectory;
import vn.daihoi.election.ElectionFacts;
import vn.daihoi.election.ElectionOpened;
import vn.daihoi.election.RoundCounted;
import vn.daihoi.election.RoundOpened;
import vn.daihoi.election.RoundVoided;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cmd_election} and the election lookup ({@code cmd_election_candidate}, {@code cmd_election_elected}), written
 * by a subscribing processor in the transaction of the election's own events (ADR 0024): which elections each congress
 * or meeting opened for a body, whom each elected so far and whether a round is open.
 */
@Component
@ProcessingGroup(JdbcElectionDirectory.PROCESSING_GROUP)
public class JdbcElectionDirectory implements ElectionDirectory, ElectedPeople {

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

    @Override
    public Body of(String congressId, ElectedBody body) {
        List<Member> members = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean open = false;
        if (congressId == null) return new Body(members, false);
        for (String id : electionsAt(congressId, body)) {
            ElectionFacts f = facts(id).orElseThrow();
            open |= f.roundOpen();
            for (String p : f.electedPersonIds()) if (seen.add(p)) members.add(new Member(p, id));
        }
        return new Body(members, open);
    }

    @Override
    public Optional<ElectionFacts> facts(String electionId) {
        if (electionId == null) return Optional.empty();
        List<String> elected = jdbc.queryForList("""
                select c.person_id from cmd_election_elected e
                join cmd_election_candidate c on c.election_id = e.election_id and c.candidate_id = e.candidate_id
                where e.election_id = ? order by e.seq""", String.class, electionId);
        return jdbc.query("select election_id, congress_id, unit_id, body, seats, open_rounds from cmd_election where election_id = ?",
                (rs, i) -> new ElectionFacts(rs.getString(1), rs.getString(2), rs.getString(3), ElectedBody.valueOf(rs.getString(4)),
                        rs.getInt(5), elected, rs.getInt(6) > 0), electionId).stream().findFirst();
    }

    @EventHandler
    void on(ElectionOpened e) {
        jdbc.update("""
                insert into cmd_election (election_id, congress_id, body, unit_id, seats) values (?, ?, ?, ?, ?)
                on conflict (election_id) do update set unit_id = excluded.unit_id, seats = excluded.seats, open_rounds = 0""",
                e.electionId(), e.congressId(), e.body().name(), e.unitId(), e.seats());
    }

    @EventHandler
    void on(CandidateNominated e) {
        candidate(e.electionId(), e.candidate().candidateId(), e.candidate().personId());
    }

    @EventHandler
    void on(OfficialListed e) {
        candidate(e.electionId(), e.candidateId(), e.personId());
    }

    @EventHandler
    void on(RoundOpened e) {
        jdbc.update("update cmd_election set open_rounds = open_rounds + 1 where election_id = ?", e.electionId());
    }

    @EventHandler
    void on(RoundVoided e) {
        roundDone(e.electionId());
    }

    @EventHandler
    void on(ConfidenceRoundCounted e) {
        roundDone(e.electionId());
    }

    @EventHandler
    void on(RoundCounted e) {
        roundDone(e.electionId());
        for (String candidateId : e.result().electedCandidateIds()) {
            jdbc.update("insert into cmd_election_elected (election_id, candidate_id) values (?, ?) on conflict do nothing",
                    e.electionId(), candidateId);
        }
    }

    private void roundDone(String electionId) {
        jdbc.update("update cmd_election set open_rounds = greatest(open_rounds - 1, 0) where election_id = ?", electionId);
    }

    private void candidate(String electionId, String candidateId, String personId) {
        jdbc.update("insert into cmd_election_candidate (election_id, candidate_id, person_id) values (?, ?, ?) on conflict do nothing",
                electionId, candidateId, personId);
    }
}
