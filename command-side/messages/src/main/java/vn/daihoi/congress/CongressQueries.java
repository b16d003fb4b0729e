package vn.daihoi.congress;

import java.time.LocalDate;
import java.util.List;

public final class CongressQueries {
    private CongressQueries() {}

    public record DashboardOf(String congressId) {}

    public record CongressesUnder(String unitId, int termStartYear, LocalDate asOf) {}

    /**
     * A congress or committee meeting. A meeting (ADR 0009) has {@code ordinal} 0 and no {@code ordinalRoman};
     * {@code purpose}, {@code ofCongressId} and {@code convenerPersonId} are null for a congress. {@code title} is
     * how it is named in Vietnamese, {@code kindVi}/{@code kindEn} and {@code purposeVi}/{@code purposeEn} label it.
     */
    public record CongressSummary(String congressId, String unitId, int ordinal, String ordinalRoman, Term term,
                                  CongressKind kind, boolean pilot, String pilotChosenByUnitId, LocalDate date,
                                  String venue, int announcedSeats, Integer approvedSeats, String profileId,
                                  CongressStatus status, String title, String kindVi, String kindEn,
                                  MeetingPurpose purpose, String purposeVi, String purposeEn, String ofCongressId,
                                  String convenerPersonId) {

        /** "Đại hội lần thứ X", or for a meeting its purpose ("Hội nghị lần thứ nhất Ban Chấp hành"). */
        public String name() {
            if (kind != null && kind.isMeeting()) return purpose == null ? kind.vietnamese() : purpose.vietnamese();
            return "Đại hội lần thứ " + ordinalRoman;
        }
    }

    public record DecisionView(String decisionId, DecisionSubject subject, String title, List<String> personIds,
                               Integer seats, int votesFor, int votesAgainst, int abstentions, Attendance attendance,
                               boolean passed) {}

    /** {@code summoned}/{@code present} count voting delegates only; {@code quorumMet} in exact arithmetic. */
    public record Dashboard(CongressSummary congress, int summoned, int present, boolean quorumMet, String quorumRule,
                            int alternates, int guests, int guestsPresent, List<DecisionView> decisions) {}

    /** A unit under the federation and its congress for the term, if any. */
    public record UnitCongress(String unitId, String unitCode, String unitName, String unitKind, CongressSummary congress) {}

    public record Season(String unitId, Term term, List<UnitCongress> units, int convened, int inSession, int closed,
                         int none) {}
}
