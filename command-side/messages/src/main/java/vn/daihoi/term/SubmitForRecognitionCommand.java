package vn.daihoi.term;

import vn.daihoi.congress.Term;

import java.time.LocalDate;
import java.util.List;

/**
 * submit the counted elections of a congress and its first meeting. {@code leadershipId} is proposed by the
 * caller and used only when the unit has no leadership for the term yet; {@code term} and {@code congressOrdinal}
 * are the congress's, checked against it.
 */
public record SubmitForRecognitionCommand(String leadershipId, String unitId, Term term, int congressOrdinal,
                                          List<String> electionIds, LocalDate submittedOn) {
}
