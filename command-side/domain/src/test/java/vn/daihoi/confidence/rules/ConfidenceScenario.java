package vn.daihoi.confidence.rules;

import vn.daihoi.confidence.ConfidenceLevel;
import vn.daihoi.confidence.ListedOfficial;
import vn.daihoi.confidence.RatingLine;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.election.ApproveCandidateListCommand;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.OpenElectionCommand;
import vn.daihoi.election.rules.Scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static vn.daihoi.election.rules.Scenario.C;
import static vn.daihoi.election.rules.Scenario.E;

/**
 * A confidence vote on the election engine: the standing officers listed — the chair, a vice-chair and a
 * standing-committee member — at a conference in session, with the shared {@link Scenario}'s lookup, box and fixture.
 */
final class ConfidenceScenario {

    static final String TITLE = "Lấy phiếu tín nhiệm giữa nhiệm kỳ";
    static final List<String> LISTED = List.of("chair", "vice", "member");
    static final List<ListedOfficial> OFFICIALS = List.of(
            new ListedOfficial("chair", "p-chair", "Chủ tịch"),
            new ListedOfficial("vice", "p-vice", "Phó Chủ tịch"),
            new ListedOfficial("member", "p-member", "Ủy viên Ban Thường vụ"));

    final Scenario s;

    ConfidenceScenario(RuleProfile profile, int delegates, int present) {
        s = new Scenario(profile, 5, delegates, present);
        s.persons.register("p-chair", "p-vice", "p-member");
    }

    OpenElectionCommand open(List<ListedOfficial> officials) {
        return new OpenElectionCommand(E, C, ElectedBody.CONFIDENCE_VOTE, TITLE, null, officials);
    }

    /** the list as the conference passed it, rated in the order the organisers listed. */
    ApproveCandidateListCommand approve() {
        String decision = s.listDecision(LISTED.toArray(String[]::new));
        return new ApproveCandidateListCommand(E, decision, null, LISTED, Map.of());
    }

    /** Everything up to round 1 open. */
    List<Object> roundOneOpen() {
        return new ArrayList<>(List.of(open(OFFICIALS), approve(), s.roundOne()));
    }

    static List<RatingLine> rate(ConfidenceLevel chair, ConfidenceLevel vice, ConfidenceLevel member) {
        List<RatingLine> lines = new ArrayList<>();
        if (chair != null) lines.add(RatingLine.rated("chair", chair));
        if (vice != null) lines.add(RatingLine.rated("vice", vice));
        if (member != null) lines.add(RatingLine.rated("member", member));
        return lines;
    }
}
