package vn.daihoi.common.infra;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;

/**
 * Snapshots of the large aggregates (issue 13): a congress of 1,100 delegates carries thousands of events, and an
 * election of many rounds hundreds of large ones. A snapshot is taken every {@value #EVERY} events of a congress and
 * every {@value #ELECTION_EVERY} of an election, after the command's unit of work commits. It is read only when its
 * revision is the aggregate class's {@link Revision}, so a snapshot of an older shape of the aggregate is passed over
 * and the aggregate is replayed from its events instead (bump the revision whenever a field changes meaning).
 */
public final class Snapshots {

    /** Events between two snapshots of a congress (a 1,100-delegate roll is some 3,300 small events). */
    public static final int EVERY = 250;

    /**
     * Events between two snapshots of an election: few, because a round's own events are large (the frozen roll of
     * 1,100 delegates, the participants): a snapshot every round or two, so that an election read afresh replays at
     * most one round's events after its snapshot (a counted round keeps none of its roll, so the snapshot is small).
     */
    public static final int ELECTION_EVERY = 10;

    private Snapshots() {
    }

    /**
     * The snapshotter inspects the whole aggregate class, command handlers included, but only ever calls its event
     * sourcing handlers: a command handler's injected resources (lookups, the ballot box) are resolved to nothing
     * here, last, after every real resolver had its turn.
     */
    private static final org.axonframework.messaging.annotation.ParameterResolverFactory UNUSED_IN_SNAPSHOTS = new UnusedInSnapshots();

    /** Last of all resolvers, and never for a handler's first parameter (its payload). */
    @org.axonframework.common.Priority(org.axonframework.common.Priority.LAST)
    private static final class UnusedInSnapshots implements org.axonframework.messaging.annotation.ParameterResolverFactory {
        @Override
        public org.axonframework.messaging.annotation.ParameterResolver<?> createInstance(java.lang.reflect.Executable executable,
                                                                                        java.lang.reflect.Parameter[] parameters, int index) {
            if (index == 0) return null;
            return new org.axonframework.messaging.annotation.ParameterResolver<Object>() {
                @Override
                public Object resolveParameterValue(org.axonframework.messaging.Message<?> message) {
                    throw new IllegalStateException("a command handler's resource was asked for while taking a snapshot");
                }

                @Override
                public boolean matches(org.axonframework.messaging.Message<?> message) {
                    return false;
                }
            };
        }
    }

    /**
     * The trigger, with a snapshotter of this aggregate type's own: the one Spring configures knows only aggregates
     * annotated for Spring's scan, and refuses ours ("Aggregate Type is unknown in this snapshotter") — a snapshot
     * would then never be taken, silently but for a warning. The snapshot is taken after the commit on
     * {@code taker}'s thread (not the command's), from the latest snapshot and the events since.
     */
    public static <T> SnapshotTriggerDefinition trigger(Configuration c, Class<T> aggregate, java.util.concurrent.Executor taker) {
        return trigger(c, aggregate, EVERY, taker);
    }

    /** The same, every {@code every} events. */
    public static <T> SnapshotTriggerDefinition trigger(Configuration c, Class<T> aggregate, int every, java.util.concurrent.Executor taker) {
        org.axonframework.messaging.annotation.ParameterResolverFactory resolvers =
                org.axonframework.messaging.annotation.MultiParameterResolverFactory.ordered(c.parameterResolverFactory(), UNUSED_IN_SNAPSHOTS);
        AggregateSnapshotter snapshotter = AggregateSnapshotter.builder()
                .eventStore(c.eventStore())
                .aggregateFactories(new GenericAggregateFactory<>(org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory
                        .inspectAggregate(aggregate, resolvers, c.handlerDefinition(aggregate))))
                .parameterResolverFactory(resolvers)
                .handlerDefinition(c.handlerDefinition(aggregate))
                .transactionManager(c.getComponent(TransactionManager.class, NoTransactionManager::instance))
                .repositoryProvider(c::repository)
                .executor(taker)
                .build();
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }

    public static SnapshotFilter filter(Class<?> aggregate) {
        Revision revision = aggregate.getAnnotation(Revision.class);
        if (revision == null) throw new IllegalStateException(aggregate.getName() + " has no @Revision for its snapshots");
        return RevisionSnapshotFilter.builder().type(aggregate).revision(revision.value()).build();
    }
}
