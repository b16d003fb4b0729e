package vn.daihoi.election;

import org.axonframework.commandhandling.CommandHandler;

/**
 * The casting of ballots, which goes to the ballot box and not through the election aggregate (ADR 0008, R-23): no
 * event orders a ballot. Every other election command is handled by {@link ElectionAggregate} itself.
 */
public class ElectionCommandHandler {

    private final BallotBox box;

    public ElectionCommandHandler(BallotBox box) {
        this.box = box;
    }

    /** the ballot goes straight into the box; the aggregate never sees it, so no event orders it. */
    @CommandHandler
    public CastBallotCommand.Receipt handle(CastBallotCommand cmd) {
        return box.cast(cmd);
    }
}
