package vn.daihoi.term;

import vn.daihoi.organisation.Decision;

import java.time.LocalDate;

/** the elected of a counted by-election take office on {@code startedOn}; {@code consent} lifts the cap. */
public record FillVacancyByElectionCommand(String leadershipId, String electionId, LocalDate startedOn, Decision decision,
                                           Decision consent) {
}
