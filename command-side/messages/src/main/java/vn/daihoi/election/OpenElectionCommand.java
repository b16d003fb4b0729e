package vn.daihoi.election;

import vn.daihoi.common.Text;
import vn.daihoi.confidence.ListedOfficial;

import java.util.List;

/**
 * Open an election at a congress; {@code seats} null takes the committee size the congress approved. A
 * confidence vote ({@link ElectedBody#CONFIDENCE_VOTE}, R-60) is opened with its list of {@code officials} instead of
 * nominations.
 */
public record OpenElectionCommand(String electionId, String congressId, ElectedBody body, String title, Integer seats,
                                  List<ListedOfficial> officials) {
    public OpenElectionCommand {
        title = Text.clean(title);
        officials = officials == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(officials));
    }

    public OpenElectionCommand(String electionId, String congressId, ElectedBody body, String title, Integer seats) {
        this(electionId, congressId, body, title, seats, null);
    }
}
