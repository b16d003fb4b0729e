package vn.daihoi.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL's own counters around a measured run: transactions committed in the benchmark's database, rows
 * written, WAL generated and WAL flushes (server-wide), and MultiXact ids created (server-wide, estimated from the
 * pages the MultiXact offset log zeroed: 2,048 ids per page). The statistics collector flushes backends' counters
 * about once a second, so short runs are approximate.
 */
final class PgStats {

    private static final String[] KEYS = {"commits", "rollbacks", "rows inserted", "rows updated", "rows deleted", "rows fetched",
            "WAL bytes", "WAL records", "WAL full-page images", "WAL writes", "WAL flushes (fsync)", "MultiXact ids (est.)"};

    private PgStats() {}

    static Map<String, Double> sample(BenchDatabase db) {
        Map<String, Double> m = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(db.url, db.user, ""); Statement s = c.createStatement()) {
            s.execute("select pg_stat_force_next_flush()");
            try (ResultSet r = s.executeQuery("select xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted, tup_fetched "
                    + "from pg_stat_database where datname = current_database()")) {
                r.next();
                for (int i = 0; i < 6; i++) m.put(KEYS[i], r.getDouble(i + 1));
            }
            try (ResultSet r = s.executeQuery("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0'), wal_records, wal_fpi, wal_write, wal_sync from pg_stat_wal")) {
                r.next();
                for (int i = 0; i < 5; i++) m.put(KEYS[6 + i], r.getDouble(i + 1));
            }
            try (ResultSet r = s.executeQuery("select coalesce(sum(blks_zeroed), 0) * 2048 from pg_stat_slru where name = 'MultiXactOffset'")) {
                r.next();
                m.put(KEYS[11], r.getDouble(1));
            }
        } catch (Exception e) {
            m.clear();
        }
        return m;
    }

    /** after − before, summed into {@code into}. */
    static void addDelta(Map<String, Double> into, Map<String, Double> before, Map<String, Double> after) {
        if (before.isEmpty() || after.isEmpty()) return;
        for (String k : KEYS) into.merge(k, after.get(k) - before.get(k), Double::sum);
    }

    static String[] keys() {
        return KEYS.clone();
    }
}
