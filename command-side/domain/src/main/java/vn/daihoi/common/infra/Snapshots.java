package vn.daihoi.common.infra;

import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;

/**
 * Snapshots of the large aggregates (issue 13): a congress of 1,100 delegates carries thousands of events, and an
 * election with paper ballots hundreds. A snapshot is taken every {@value #EVERY} events after the command's unit
 * of work commits; it is read only when its revision is the aggregate class's {@link Revision}, so a snapshot of an
 * older shape of the aggregate is passed over and the aggregate is replayed from its events instead (bump the
 * revision whenever a field of the aggregate changes meaning).
 */
public final class Snapshots {

    /** Events between two snapshots of one aggregate. */
    public static final int EVERY = 250;

    private Snapshots() {
    }

    public static SnapshotTriggerDefinition trigger(Configuration c) {
        return new EventCountSnapshotTriggerDefinition(c.snapshotter(), EVERY);
    }

    public static SnapshotFilter filter(Class<?> aggregate) {
        Revision revision = aggregate.getAnnotation(Revision.class);
        if (revision == null) throw new IllegalStateException(aggregate.getName() + " has no @Revision for its snapshots");
        return RevisionSnapshotFilter.builder().type(aggregate).revision(revision.value()).build();
    }
}
