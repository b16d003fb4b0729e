package vn.daihoi.congress;

import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record ShowOfHandsDecisionRecorded(String congressId, String decisionId, DecisionSubject subject, String title,
                                          List<String> personIds, Integer seats, int votesFor, int votesAgainst,
                                          int abstentions, Attendance attendance, boolean passed)
        implements CongressEvent {
}
