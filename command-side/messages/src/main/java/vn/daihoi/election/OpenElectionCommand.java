package vn.daihoi.election;

import vn.daihoi.common.Text;

/** Open an election at a congress; {@code seats} null takes the committee size the congress approved. */
public record OpenElectionCommand(String electionId, String congressId, ElectedBody body, String title, Integer seats) {
    public OpenElectionCommand {
        title = Text.clean(title);
    }
}
