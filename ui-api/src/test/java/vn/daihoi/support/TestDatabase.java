package vn.daihoi.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A PostgreSQL database of the test run's own: on the local server when one answers on 127.0.0.1:5432
 * (CI, developers), else on an embedded server from a jar. Dropped when the JVM exits.
 */
public final class TestDatabase {

    private static String url;
    private static String user = "postgres";

    private TestDatabase() {}

    public static synchronized String url() {
        if (url == null) url = create();
        return url;
    }

    public static String user() {
        url();
        return user;
    }

    /** A database of its own for a test that must start from a given state (e.g. one a previous release wrote). */
    public static String another() {
        return create();
    }

    private static String create() {
        String name = "daihoi_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String host = System.getenv().getOrDefault("TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        try (Connection c = DriverManager.getConnection(host + (host.contains("?") ? "&" : "?") + "connectTimeout=3", "postgres", "")) {
            exec(c, "create database " + name + " encoding 'UTF8' template template0");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(host, name)));
            return host.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
        } catch (SQLException localServerAbsent) {
            return embedded(name);
        }
    }

    private static String embedded(String name) {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("daihoi-test-pg"))
                    .setCleanDataDirectory(true)
                    .start();
            try (Connection c = pg.getPostgresDatabase().getConnection()) {
                exec(c, "create database " + name + " encoding 'UTF8' template template0");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
            return pg.getJdbcUrl("postgres", name);
        } catch (Exception e) {
            throw new IllegalStateException("no PostgreSQL for the tests: neither 127.0.0.1:5432 nor embedded", e);
        }
    }

    private static void drop(String host, String name) {
        try (Connection c = DriverManager.getConnection(host, "postgres", "")) {
            exec(c, "drop database if exists " + name + " with (force)");
        } catch (SQLException ignored) {
            // best effort: a left-over test database is harmless and named as such
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
