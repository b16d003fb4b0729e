package vn.daihoi.bench;

import vn.daihoi.support.TestDatabase;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark's own database: created fresh on the local server 127.0.0.1:5432 (user postgres) and dropped at the
 * end; without a local server, the embedded one that the end-to-end tests fall back to ({@link TestDatabase}).
 */
final class BenchDatabase {

    static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    final String url;
    final String user = "postgres";
    final String name;
    final boolean local;

    private BenchDatabase(String url, String name, boolean local) {
        this.url = url;
        this.name = name;
        this.local = local;
    }

    static BenchDatabase create() {
        String name = "daihoi_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(LOCAL + "?connectTimeout=3", "postgres", "")) {
            exec(c, "create database " + name + " encoding 'UTF8' template template0");
            return new BenchDatabase(LOCAL.replace("/postgres", "/" + name), name, true);
        } catch (SQLException localServerAbsent) {
            String url = TestDatabase.url();
            return new BenchDatabase(url, url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1"), false);
        }
    }

    /** host and port of the server, for pgbench. */
    String host() {
        return URI.create(url.substring("jdbc:".length())).getHost();
    }

    int port() {
        int p = URI.create(url.substring("jdbc:".length())).getPort();
        return p < 0 ? 5432 : p;
    }

    /** Another database on the same server (not dropped by {@link #drop()}). */
    BenchDatabase sibling(String database) {
        return new BenchDatabase(urlOf(database), database, false);
    }

    /** A JDBC URL of another database on the same server. */
    String urlOf(String database) {
        return url.replaceFirst("/" + name + "(\\?|$)", "/" + database + "$1");
    }

    String version() {
        return query("select version()");
    }

    /** The settings that matter for write throughput, as the server reports them. */
    Map<String, String> settings() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : new String[]{"fsync", "synchronous_commit", "wal_sync_method", "full_page_writes", "commit_delay",
                "shared_buffers", "max_connections", "wal_level", "max_wal_size"}) {
            out.put(s, query("show " + s));
        }
        return out;
    }

    /** A one-value query's answer, as text. */
    String count(String sql) {
        return query(sql);
    }

    private String query(String sql) {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            return "(unknown: " + e.getMessage() + ")";
        }
    }

    void drop() {
        if (!local) return; // the embedded server goes away with the JVM
        try (Connection c = DriverManager.getConnection(LOCAL, "postgres", "")) {
            exec(c, "drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop " + name + ": " + e.getMessage());
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
