package vn.daihoi.election;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.readmodel.ReadModel;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The counting desk's view of a round's paper ballots: ballots handed out and exchanged, the not-returned
 * count, and every member's current entry of every sheet. The desk shows a member only his own entries; another
 * member's entry of a sheet appears only where the two disagree, side by side, to be corrected.
 */
@Component
@ProcessingGroup(ElectionProjection.PROCESSING_GROUP)
public class PaperDeskProjection implements ReadModel {

    private final JdbcTemplate jdbc;

    public PaperDeskProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private void ensureRound(String electionId, int round) {
        jdbc.update("insert into paper_round (election_id, round) values (?, ?) on conflict do nothing", electionId, round);
    }

    @EventHandler
    void on(PaperBallotIssued e) {
        ensureRound(e.electionId(), e.round());
        jdbc.update("update paper_round set handed_out = handed_out + 1 where election_id = ? and round = ?", e.electionId(), e.round());
    }

    @EventHandler
    void on(PaperBallotSpoiled e) {
        ensureRound(e.electionId(), e.round());
        jdbc.update("update paper_round set spoiled = spoiled + 1 where election_id = ? and round = ?", e.electionId(), e.round());
    }

    @EventHandler
    void on(PaperAccountingRecorded e) {
        ensureRound(e.electionId(), e.round());
        jdbc.update("update paper_round set not_returned = ? where election_id = ? and round = ?", e.notReturned(), e.electionId(), e.round());
    }

    @EventHandler
    void on(PaperBallotEntered e, @Timestamp Instant at) {
        ensureRound(e.electionId(), e.round());
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into paper_entry (election_id, round, sheet, entered_by, kept, invalid, ratings, correction_reason, entered_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (election_id, round, sheet, entered_by) do update set kept = excluded.kept, invalid = excluded.invalid,
                        ratings = excluded.ratings, correction_reason = excluded.correction_reason, entered_at = excluded.entered_at,
                        corrections = paper_entry.corrections + 1""");
            ps.setString(1, e.electionId());
            ps.setInt(2, e.round());
            ps.setInt(3, e.sheet());
            ps.setString(4, e.enteredBy());
            ps.setArray(5, con.createArrayOf("varchar", e.keptCandidateIds().toArray()));
            ps.setString(6, e.invalid() == null ? null : e.invalid().name());
            ps.setString(7, e.ratings() == null ? null : e.ratings().toString());
            ps.setString(8, e.correctionReason());
            ps.setTimestamp(9, java.sql.Timestamp.from(at));
            return ps;
        });
    }

    @ResetHandler
    void reset() {
        truncate(jdbc);
    }

    @Override
    public List<String> tables() {
        return List.of("paper_round", "paper_entry");
    }

    // ---- queries ------------------------------------------------------------------------------------

    /** One member's current entry of one sheet: the kept candidates in ballot order, or why it is invalid. */
    public record Entry(int sheet, String enteredBy, List<String> kept, InvalidReason invalid, String ratings, String correctionReason,
                        int corrections) {
        boolean agreesWith(Entry o) {
            return kept.equals(o.kept) && invalid == o.invalid && Objects.equals(ratings, o.ratings);
        }
    }

    /** A sheet whose entries disagree, every member's entry beside the others. */
    public record Mismatch(int sheet, List<Entry> entries) {}

    /**
     * The round's paper ballots as the desk counts them: handed out (to voters), spoiled and exchanged, the committee's
     * not-returned count (null until stated), the sheets entered, the sheets every entry agrees on, and those that
     * still miss a second entry.
     */
    public record PaperRound(int handedOut, int spoiled, Integer notReturned, int sheetsEntered, int sheetsAgreed, int sheetsAwaitingSecond) {
        /** paper issued = handed out + the replacements of spoiled ones. */
        public int issued() {
            return handedOut + spoiled;
        }
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    private List<Entry> entries(String electionId, int round, String enteredBy) {
        return jdbc.query("select * from paper_entry where election_id = ? and round = ?" + (enteredBy == null ? "" : " and entered_by = ?")
                        + " order by sheet, entered_at", (rs, i) -> new Entry(rs.getInt("sheet"), rs.getString("entered_by"), strings(rs.getArray("kept")),
                        rs.getString("invalid") == null ? null : InvalidReason.valueOf(rs.getString("invalid")), rs.getString("ratings"),
                        rs.getString("correction_reason"), rs.getInt("corrections")),
                enteredBy == null ? new Object[]{electionId, round} : new Object[]{electionId, round, enteredBy});
    }

    /** A member's own entries, by sheet: what his desk shows him (never another member's). */
    public List<Entry> entriesOf(String electionId, int round, String enteredBy) {
        return entries(electionId, round, Objects.requireNonNull(enteredBy));
    }

    /** the sheets whose entries disagree, to be resolved by a recorded correction before the count. */
    public List<Mismatch> mismatches(String electionId, int round) {
        java.util.Map<Integer, List<Entry>> bySheet = new java.util.TreeMap<>();
        for (Entry e : entries(electionId, round, null)) bySheet.computeIfAbsent(e.sheet(), k -> new java.util.ArrayList<>()).add(e);
        return bySheet.entrySet().stream()
                .filter(s -> s.getValue().stream().anyMatch(e -> !e.agreesWith(s.getValue().get(0))))
                .map(s -> new Mismatch(s.getKey(), List.copyOf(s.getValue()))).toList();
    }

    public PaperRound paperRound(String electionId, int round) {
        java.util.Map<Integer, List<Entry>> bySheet = new java.util.TreeMap<>();
        for (Entry e : entries(electionId, round, null)) bySheet.computeIfAbsent(e.sheet(), k -> new java.util.ArrayList<>()).add(e);
        int agreed = 0;
        int single = 0;
        for (List<Entry> s : bySheet.values()) {
            if (s.size() < 2) single++;
            else if (s.stream().allMatch(e -> e.agreesWith(s.get(0)))) agreed++;
        }
        int finalAgreed = agreed;
        int finalSingle = single;
        return jdbc.query("select handed_out, spoiled, not_returned from paper_round where election_id = ? and round = ?",
                (rs, i) -> new PaperRound(rs.getInt(1), rs.getInt(2), (Integer) rs.getObject(3), bySheet.size(), finalAgreed, finalSingle),
                electionId, round).stream().findFirst().orElse(new PaperRound(0, 0, null, bySheet.size(), finalAgreed, finalSingle));
    }
}
