package vn.daihoi.infra;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.daihoi.congress.infra.JdbcAssemblies;
import vn.daihoi.election.infra.JdbcElectionDirectory;

import java.util.List;
import java.util.stream.Stream;

/**
 * ADR 0024: the command-side lookups that elections and terms read instead of other aggregates are kept by the
 * events in their own transaction. A database written before a lookup existed (or before its shape changed) has
 * events the lookup never saw: on start, before the server takes a request, the lookups older than {@link #VERSION}
 * are emptied and filled again from every stored event (through the upcasters), in one transaction, under an
 * advisory lock so that two nodes starting together rebuild once.
 */
@Component
public class CommandLookupRebuild implements SmartInitializingSingleton {

    /** Bump when a lookup's tables or handlers change what they keep. */
    public static final int VERSION = 1;
    static final String NAME = "assemblies-and-elections";
    private static final long LOCK = 0x6461_6968_6f69_0013L;

    private static final Logger log = LoggerFactory.getLogger(CommandLookupRebuild.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EventStorageEngine events;
    private final JdbcAssemblies assemblies;
    private final JdbcElectionDirectory elections;

    public CommandLookupRebuild(JdbcTemplate jdbc, PlatformTransactionManager transactions, EventStorageEngine events,
                                JdbcAssemblies assemblies, JdbcElectionDirectory elections) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.assemblies = assemblies;
        this.elections = elections;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (current()) return;
        int replayed = rebuild();
        log.info("command lookups rebuilt from {} events (version {})", replayed, VERSION);
    }

    private boolean current() {
        List<Integer> v = jdbc.queryForList("select version from cmd_lookup_version where name = ?", Integer.class, NAME);
        return !v.isEmpty() && v.get(0) >= VERSION;
    }

    /** Empties the lookups and fills them from every stored event; answers how many events the lookups handled. */
    public int rebuild() {
        Integer handled = tx.execute(status -> {
            jdbc.queryForList("select pg_advisory_xact_lock(?)", LOCK);
            if (current()) return 0;
            jdbc.execute("truncate cmd_assembly, cmd_assembly_seat, cmd_assembly_decision, cmd_election_candidate, cmd_election_elected");
            jdbc.update("update cmd_election set open_rounds = 0");
            AnnotationEventHandlerAdapter congress = new AnnotationEventHandlerAdapter(assemblies);
            AnnotationEventHandlerAdapter election = new AnnotationEventHandlerAdapter(elections);
            int n = 0;
            try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
                java.util.Iterator<? extends TrackedEventMessage<?>> it = stream.iterator();
                while (it.hasNext()) {
                    TrackedEventMessage<?> e = it.next();
                    try {
                        if (congress.canHandle(e)) {
                            congress.handle(e);
                            n++;
                        }
                        if (election.canHandle(e)) {
                            election.handle(e);
                            n++;
                        }
                    } catch (Exception ex) {
                        throw new IllegalStateException("command lookup rebuild failed at event " + e.getIdentifier(), ex);
                    }
                }
            }
            jdbc.update("insert into cmd_lookup_version (name, version) values (?, ?) on conflict (name) do update set version = excluded.version",
                    NAME, VERSION);
            return n;
        });
        return handled == null ? 0 : handled;
    }
}
