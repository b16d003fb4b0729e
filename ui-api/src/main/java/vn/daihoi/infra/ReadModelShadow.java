package vn.daihoi.infra;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.readmodel.ReadModel;

import java.util.List;
import java.util.TreeSet;

/**
 * The schema a replay builds the read models in, beside the live ones (ADR 0016). While it is active, every
 * event-processing transaction names it first in its {@code search_path}, so the projections' unqualified
 * table names reach the copies; the HTTP API keeps reading the live tables until the swap, which copies the
 * finished tables over the live ones in one transaction.
 */
@Component
public class ReadModelShadow {

    static final String SCHEMA = "daihoi_replay";

    private final JdbcTemplate jdbc;
    private final List<ReadModel> readModels;
    private volatile String searchPath;

    public ReadModelShadow(JdbcTemplate jdbc, List<ReadModel> readModels) {
        this.jdbc = jdbc;
        this.readModels = readModels;
    }

    /** Every read-model table, once, in a stable order. */
    List<String> tables() {
        TreeSet<String> all = new TreeSet<>();
        readModels.forEach(m -> all.addAll(m.tables()));
        return List.copyOf(all);
    }

    /** Empty copies of every read-model table (columns, defaults, constraints, indexes) in the replay's schema. */
    void create() {
        String live = jdbc.queryForObject("select current_schema()", String.class);
        jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
        jdbc.execute("create schema " + SCHEMA);
        for (String t : tables()) {
            jdbc.execute("create table " + SCHEMA + "." + t + " (like " + quote(live) + "." + t + " including all)");
        }
        searchPath = SCHEMA + ", " + quote(live);
    }

    /** Names the replay's schema first for the rest of the current transaction, when a replay is building. */
    void enterIfBuilding() {
        String path = searchPath;
        if (path != null) jdbc.execute("set local search_path to " + path);
    }

    MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return (unitOfWork, chain) -> {
            enterIfBuilding();
            return chain.proceed();
        };
    }

    /** In one transaction (the caller's): the live tables take the finished copies' rows. */
    void swapIn() {
        String live = jdbc.queryForObject("select current_schema()", String.class);
        jdbc.execute("truncate " + String.join(", ", tables().stream().map(t -> quote(live) + "." + t).toList()));
        for (String t : tables()) {
            jdbc.execute("insert into " + quote(live) + "." + t + " select * from " + SCHEMA + "." + t);
        }
    }

    /** Processing writes to the live tables again; the copies are dropped. */
    void drop() {
        searchPath = null;
        jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
