package vn.daihoi.term;

import vn.daihoi.congress.Term;
import vn.daihoi.organisation.Decision;

import java.time.LocalDate;
import java.util.List;

/** Questions the term read models answer; people appear by id with their name from the registry (null once erased). */
public final class TermQueries {
    private TermQueries() {}

    public record TermsOfUnit(String unitId) {}

    public record LeadershipOf(String leadershipId) {}

    /** {@code on} is a calendar date in Asia/Ho_Chi_Minh. */
    public record OfficeHoldersOn(String unitId, LocalDate on) {}

    public record OfficesOfPerson(String personId) {}

    /** The latest leadership of each unit for a term, for the congress season. */
    public record LeadershipsForTerm(List<String> unitIds, int termStartYear) {}

    public record SeasonDeadlineOf(String federationUnitId, int termStartYear) {}

    public record HoldingView(String holdingId, String leadershipId, String unitId, Term term, String personId,
                              String fullName, boolean erased, Office office, String officeVi, HoldingStart began,
                              LocalDate startedOn, Decision startDecision, String electionId, LocalDate endedOn,
                              HoldingEnd ended, Decision endDecision, boolean imported) {}

    public record Recognition(LocalDate recognisedOn, Decision decision, String recognisedByUnitId) {}

    /** One change during a term: {@code kind} OFFICE_ENDED, OFFICE_FILLED, SUCCEEDED or EXTRAORDINARY_CONGRESS_APPROVED. */
    public record Change(LocalDate on, String kind, String personId, String fullName, Office office, String how,
                         Decision decision, Decision consent) {}

    public record LeadershipView(String leadershipId, String unitId, Term term, String congressId, Integer congressOrdinal,
                                 String congressOrdinalRoman, LocalDate congressDate, int seats, LeadershipStatus status,
                                 boolean imported, ProvisionalReason provisionalReason, Integer termShiftMonths,
                                 Decision termShiftDecision, Recognition recognition, String refusalReason,
                                 List<String> electionIds, int additions,
                                 List<HoldingView> committee, List<HoldingView> chair, List<HoldingView> viceChairs,
                                 List<HoldingView> standing, List<HoldingView> inspection,
                                 List<HoldingView> inspectionChair, List<HoldingView> inspectionViceChairs,
                                 List<Change> changes) {}

    public record UnitTerms(String unitId, List<LeadershipView> terms) {}

    public record OfficeHolders(String unitId, LocalDate on, List<HoldingView> holdings) {}

    public record PersonOffices(String personId, String fullName, boolean erased, List<HoldingView> holdings) {}

    public record LeadershipSummary(String leadershipId, String unitId, LeadershipStatus status, boolean imported,
                                    LocalDate recognisedOn) {}

    public record SeasonDeadline(String federationUnitId, int termStartYear, LocalDate congressBy, LocalDate recognitionBy,
                                 Decision decision) {}
}
