package vn.daihoi.term;

import vn.daihoi.organisation.Decision;

import java.time.LocalDate;

/**
 * the elected of a counted by-election take office on {@code startedOn}; {@code consent} lifts the cap.
 *
 * @param consentedByUnitId the unit on whose behalf the sender gave {@code consent}, set by the application from the
 *                          sender's grant, never from a request body; the leadership refuses a consent not given by the
 *                          unit directly above its own on {@code startedOn} (ADR 0029). Ignored without a consent.
 */
public record FillVacancyByElectionCommand(String leadershipId, String electionId, LocalDate startedOn, Decision decision,
                                           Decision consent, String consentedByUnitId) {
}
