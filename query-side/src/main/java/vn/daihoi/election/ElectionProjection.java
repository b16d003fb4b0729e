package vn.daihoi.election;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.confidence.ConfidenceLevel;
import vn.daihoi.confidence.ConfidenceRoundCounted;
import vn.daihoi.confidence.LineInvalidReason;
import vn.daihoi.confidence.OfficialListed;
import vn.daihoi.confidence.RatingLine;
import vn.daihoi.election.ElectionQueries.BoxView;
import vn.daihoi.election.ElectionQueries.CandidateView;
import vn.daihoi.election.ElectionQueries.ElectionOf;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.election.ElectionQueries.ResultLine;
import vn.daihoi.election.ElectionQueries.RoundOf;
import vn.daihoi.election.ElectionQueries.RoundSummary;
import vn.daihoi.election.ElectionQueries.RoundView;
import vn.daihoi.readmodel.ReadModel;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Elections as organisers, delegates and auditors read them. Percentages are copied from the count, never recomputed. */
@Component
@ProcessingGroup(ElectionProjection.PROCESSING_GROUP)
public class ElectionProjection implements ReadModel {

    public static final String PROCESSING_GROUP = "elections";

    private final JdbcTemplate jdbc;

    public ElectionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private void withArray(String sql, List<String> list, Object... before) {
        jdbc.update(con -> {
            var ps = con.prepareStatement(sql);
            ps.setArray(1, con.createArrayOf("varchar", list.toArray()));
            for (int i = 0; i < before.length; i++) ps.setObject(i + 2, before[i]);
            return ps;
        });
    }

    @EventHandler
    void on(ElectionOpened e) {
        jdbc.update("insert into election_view (election_id, congress_id, unit_id, body, title, seats) values (?, ?, ?, ?, ?, ?)",
                e.electionId(), e.congressId(), e.unitId(), e.body().name(), e.title(), e.seats());
    }

    @EventHandler
    void on(CandidateNominated e) {
        Candidate c = e.candidate();
        jdbc.update("insert into candidate_view (election_id, candidate_id, person_id, source, nominated_by, application, ordinal) "
                        + "values (?, ?, ?, ?, ?, ?, (select count(*) from candidate_view where election_id = ?))",
                e.electionId(), c.candidateId(), c.personId(), c.source().name(), c.nominatedByDelegateId(),
                c.applicationReference(), e.electionId());
    }

    /** a confidence vote's official stands where candidates stand, with his office and no nomination source. */
    @EventHandler
    void on(OfficialListed e) {
        jdbc.update("insert into candidate_view (election_id, candidate_id, person_id, office, ordinal) "
                        + "values (?, ?, ?, ?, (select count(*) from candidate_view where election_id = ?))",
                e.electionId(), e.candidateId(), e.personId(), e.office(), e.electionId());
    }

    @EventHandler
    void on(WithdrawalDecided e) {
        if (e.granted()) {
            jdbc.update("update candidate_view set withdrawn = true where election_id = ? and candidate_id = ?", e.electionId(), e.candidateId());
        }
    }

    @EventHandler
    void on(CandidateListApproved e) {
        withArray("update election_view set list_approved = true, ballot_order = ? where election_id = ?", e.ballotOrder(), e.electionId());
    }

    @EventHandler
    void on(CandidateListApprovalLapsed e) {
        jdbc.update("update election_view set list_approved = false where election_id = ?", e.electionId());
    }

    @EventHandler
    void on(RoundOpened e, @Timestamp Instant at) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into round_view (election_id, round, candidate_ids, seats, voters, summoned, present, status, opened_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)");
            ps.setString(1, e.electionId());
            ps.setInt(2, e.round());
            ps.setArray(3, con.createArrayOf("varchar", e.candidateIds().toArray()));
            ps.setInt(4, e.seats());
            ps.setInt(5, e.voterDelegateIds().size());
            ps.setInt(6, e.attendance().summoned());
            ps.setInt(7, e.attendance().present());
            // ADR 0022: the business time the event carries; revision 1 had none, and then the command's own moment.
            ps.setTimestamp(8, java.sql.Timestamp.from(e.openedAt() != null ? e.openedAt() : at));
            return ps;
        });
    }

    @EventHandler
    void on(BallotBoxPrepared e) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("update round_view set sealed = false, key_fingerprint = ?, shares_needed = ?, share_holders = ?, "
                    + "shares_taken = '{}' where election_id = ? and round = ?");
            ps.setString(1, e.keyFingerprint());
            ps.setInt(2, e.sharesNeeded());
            ps.setArray(3, con.createArrayOf("varchar", e.shareHolderPersonIds().toArray()));
            ps.setString(4, e.electionId());
            ps.setInt(5, e.round());
            return ps;
        });
    }

    @EventHandler
    void on(KeyShareTaken e) {
        jdbc.update("update round_view set shares_taken = array_append(shares_taken, ?::varchar) where election_id = ? and round = ?",
                e.holderPersonId(), e.electionId(), e.round());
    }

    @EventHandler
    void on(BallotBoxSealed e) {
        jdbc.update("update round_view set sealed = true where election_id = ? and round = ?", e.electionId(), e.round());
    }

    @EventHandler
    void on(BallotBoxOpened e) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("update round_view set opened_by = ? where election_id = ? and round = ?");
            ps.setArray(1, con.createArrayOf("varchar", e.presentedByPersonIds().toArray()));
            ps.setString(2, e.electionId());
            ps.setInt(3, e.round());
            return ps;
        });
    }

    @EventHandler
    void on(RoundResultsPublished e, @Timestamp Instant at) {
        jdbc.update("insert into results_link (link_id, election_id, round, published_at) values (?, ?, ?, ?) on conflict do nothing",
                e.linkId(), e.electionId(), e.round(), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(RoundVoided e, @Timestamp Instant at) {
        jdbc.update("update round_view set status = 'VOID', participants = ?, void_reason = ?, void_decision = ?, closed_at = ? "
                + "where election_id = ? and round = ?", e.electronicVoters(), e.reason(), e.decisionReference(),
                java.sql.Timestamp.from(at), e.electionId(), e.round());
    }

    @EventHandler
    void on(LateVoterAdded e) {
        jdbc.update("update round_view set voters = voters + 1 where election_id = ? and round = ?", e.electionId(), e.round());
    }

    @EventHandler
    void on(RoundClosed e, @Timestamp Instant at) {
        jdbc.update("update round_view set status = 'CLOSED', participants = ?, electronic = ?, paper = ?, issued = ?, spoiled = ?, "
                        + "not_returned = ?, closed_at = ? where election_id = ? and round = ?",
                e.participantDelegateIds().size(), e.electronicBallots(), e.paperBallots(), e.accounting().issued(),
                e.accounting().spoiled(), e.accounting().notReturned(), java.sql.Timestamp.from(e.closedAt() != null ? e.closedAt() : at),
                e.electionId(), e.round());
    }

    @EventHandler
    void on(RoundCounted e) {
        RoundResult r = e.result();
        jdbc.update(con -> {
            var ps = con.prepareStatement("update round_view set status = 'COUNTED', collected = ?, valid = ?, invalid = ?, tied = ?, "
                    + "tie_seats = ?, vacancies = ? where election_id = ? and round = ?");
            ps.setInt(1, r.collected());
            ps.setInt(2, r.valid());
            ps.setInt(3, r.invalid());
            ps.setArray(4, con.createArrayOf("varchar", r.tiedCandidateIds().toArray()));
            ps.setInt(5, r.tieSeats());
            ps.setInt(6, r.vacancies());
            ps.setString(7, e.electionId());
            ps.setInt(8, e.round());
            return ps;
        });
        int rank = 0;
        for (RoundResult.Line l : r.lines()) {
            jdbc.update("insert into round_result_line (election_id, round, rank, candidate_id, votes, percent, outcome) values (?, ?, ?, ?, ?, ?, ?)",
                    e.electionId(), e.round(), ++rank, l.candidateId(), l.votes(), l.percentOfCollected(), l.outcome().name());
        }
        publish(e.electionId(), e.round(), e.ballots());
        withArray("update election_view set elected = elected || ? where election_id = ?", r.electedCandidateIds(), e.electionId());
    }

    /** a counted confidence round; its per-person result is {@code ConfidenceProjection}'s. */
    @EventHandler
    void on(ConfidenceRoundCounted e) {
        jdbc.update("update round_view set status = 'COUNTED', collected = ?, invalid = ? where election_id = ? and round = ?",
                e.result().collected(), e.result().wholeInvalid(), e.electionId(), e.round());
        publish(e.electionId(), e.round(), e.ballots());
    }

    /** The counted ballots in the order the count gave them (content order, ADR 0008), beside their tracking codes. */
    private void publish(String electionId, int round, List<PublishedBallot> ballots) {
        int position = 0;
        for (PublishedBallot b : ballots) {
            int p = ++position;
            jdbc.update(con -> {
                var ps = con.prepareStatement("insert into published_ballot (election_id, round, position, tracking_code, kept, invalid, paper, ratings) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)");
                ps.setString(1, electionId);
                ps.setInt(2, round);
                ps.setInt(3, p);
                ps.setString(4, b.trackingCode());
                ps.setArray(5, con.createArrayOf("varchar", b.keptCandidateIds().toArray()));
                ps.setString(6, b.invalid() == null ? null : b.invalid().name());
                ps.setBoolean(7, b.paper());
                ps.setArray(8, b.ratings() == null ? null : con.createArrayOf("varchar", b.ratings().stream().map(ElectionProjection::line).toArray()));
                return ps;
            });
        }
    }

    private static String line(RatingLine l) {
        return l.candidateId() + ":" + (l.level() != null ? l.level().name() : "!" + l.invalid().name());
    }

    /** A published ballot's rating lines as the read model stores them ("candidate:LEVEL" or "candidate:!REASON"). */
    public static List<RatingLine> lines(Array a) throws SQLException {
        if (a == null) return null;
        return strings(a).stream().map(s -> {
            int colon = s.lastIndexOf(':');
            String id = s.substring(0, colon);
            String v = s.substring(colon + 1);
            return v.startsWith("!") ? RatingLine.invalid(id, LineInvalidReason.valueOf(v.substring(1)))
                    : RatingLine.rated(id, ConfidenceLevel.valueOf(v));
        }).toList();
    }

    @ResetHandler
    void reset() {
        truncate(jdbc);
    }

    @Override
    public List<String> tables() {
        return List.of("election_view", "candidate_view", "round_view", "round_result_line", "published_ballot", "results_link");
    }

    // ---- queries ------------------------------------------------------------------------------------

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    @QueryHandler
    public Optional<ElectionView> election(ElectionOf q) {
        return jdbc.query("select * from election_view where election_id = ?", (rs, i) -> new ElectionView(
                rs.getString("election_id"), rs.getString("congress_id"), rs.getString("unit_id"),
                ElectedBody.valueOf(rs.getString("body")), rs.getString("title"), rs.getInt("seats"),
                rs.getBoolean("list_approved"), strings(rs.getArray("ballot_order")),
                jdbc.query("""
                        select c.*, p.full_name from candidate_view c left join person_view p on p.person_id = c.person_id
                        where c.election_id = ? order by c.ordinal""", (r, j) -> new CandidateView(r.getString("candidate_id"),
                        r.getString("person_id"), r.getString("full_name"),
                        r.getString("source") == null ? null : NominationSource.valueOf(r.getString("source")),
                        r.getString("nominated_by"), r.getBoolean("withdrawn"), r.getString("office")), q.electionId()),
                strings(rs.getArray("elected")),
                jdbc.query("select * from round_view where election_id = ? order by round", (r, j) -> new RoundSummary(r.getInt("round"),
                        strings(r.getArray("candidate_ids")), r.getInt("seats"), r.getInt("voters"), r.getString("status"),
                        (Integer) r.getObject("collected"), r.getTimestamp("opened_at").toInstant(),
                        r.getTimestamp("closed_at") == null ? null : r.getTimestamp("closed_at").toInstant()), q.electionId())),
                q.electionId()).stream().findFirst();
    }

    @QueryHandler
    public Optional<RoundView> round(RoundOf q) {
        return jdbc.query("select * from round_view where election_id = ? and round = ?", (rs, i) -> {
            boolean counted = "COUNTED".equals(rs.getString("status"));
            List<ResultLine> lines = !counted ? List.of() : jdbc.query("""
                    select l.*, p.full_name from round_result_line l
                    join candidate_view c on c.election_id = l.election_id and c.candidate_id = l.candidate_id
                    left join person_view p on p.person_id = c.person_id
                    where l.election_id = ? and l.round = ? order by l.rank""", (r, j) -> new ResultLine(r.getInt("rank"),
                    r.getString("candidate_id"), r.getString("full_name"), r.getInt("votes"), r.getString("percent"),
                    Outcome.valueOf(r.getString("outcome"))), q.electionId(), q.round());
            List<PublishedBallot> ballots = !counted ? List.of() : jdbc.query(
                    "select * from published_ballot where election_id = ? and round = ? order by position", (r, j) -> new PublishedBallot(
                            r.getString("tracking_code"), strings(r.getArray("kept")),
                            r.getString("invalid") == null ? null : InvalidReason.valueOf(r.getString("invalid")), r.getBoolean("paper"),
                            lines(r.getArray("ratings"))),
                    q.electionId(), q.round());
            return new RoundView(q.electionId(), q.round(), rs.getString("status"), rs.getInt("seats"), strings(rs.getArray("candidate_ids")),
                    rs.getInt("voters"), rs.getInt("summoned"), rs.getInt("present"), (Integer) rs.getObject("participants"),
                    (Integer) rs.getObject("issued"), (Integer) rs.getObject("spoiled"), (Integer) rs.getObject("not_returned"),
                    (Integer) rs.getObject("electronic"), (Integer) rs.getObject("paper"), (Integer) rs.getObject("collected"),
                    (Integer) rs.getObject("valid"), (Integer) rs.getObject("invalid"), lines, strings(rs.getArray("tied")),
                    (Integer) rs.getObject("tie_seats"), (Integer) rs.getObject("vacancies"), ballots,
                    rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(),
                    new BoxView(rs.getBoolean("sealed"), rs.getString("key_fingerprint"), (Integer) rs.getObject("shares_needed"),
                            strings(rs.getArray("share_holders")), strings(rs.getArray("shares_taken")), strings(rs.getArray("opened_by")),
                            rs.getString("void_reason"), rs.getString("void_decision")));
        }, q.electionId(), q.round()).stream().findFirst();
    }

    /** A published round by its public link: election id and round. */
    public record PublishedRound(String electionId, int round) {}

    public Optional<PublishedRound> publishedUnder(String linkId) {
        return jdbc.query("select election_id, round from results_link where link_id = ?",
                (rs, i) -> new PublishedRound(rs.getString(1), rs.getInt(2)), linkId).stream().findFirst();
    }

    public Optional<String> resultsLinkOf(String electionId, int round) {
        return jdbc.queryForList("select link_id from results_link where election_id = ? and round = ?", String.class, electionId, round)
                .stream().findFirst();
    }

    /** The elections and confidence votes of a congress, in the order their first rounds opened (not yet opened: last). */
    public List<String> electionsOf(String congressId) {
        return jdbc.queryForList("select e.election_id from election_view e left join round_view r on r.election_id = e.election_id"
                + " and r.round = 1 where e.congress_id = ? order by r.opened_at nulls last, e.title, e.election_id", String.class, congressId);
    }

    /** An election never changes congress, so the answer is kept once found (a ballot asks it every time). */
    private final java.util.Map<String, String> congressOf = new java.util.concurrent.ConcurrentHashMap<>();

    public Optional<String> congressOf(String electionId) {
        String known = congressOf.get(electionId);
        if (known != null) return Optional.of(known);
        Optional<String> found = jdbc.queryForList("select congress_id from election_view where election_id = ?", String.class, electionId)
                .stream().findFirst();
        found.ifPresent(c -> congressOf.put(electionId, c));
        return found;
    }
}
