package vn.daihoi.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.daihoi.DaiHoiApplication;
import vn.daihoi.support.Http;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ADR 0002: with no DB_URL the application runs on an embedded PostgreSQL whose data directory survives a
 * restart. Two full starts on the same directory, as the README's first command does.
 */
class EmbeddedDefaultTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(int pgPort, String... more) {
        String[] args = {"--server.port=0", "--daihoi.db.url=", "--daihoi.data-dir=" + dataDir, "--daihoi.embedded.port=" + pgPort};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(more)).toArray(String[]::new);
        return new SpringApplicationBuilder(DaiHoiApplication.class).profiles("test").run(all);
    }

    private static java.sql.Connection connect(int pgPort, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        if (password != null) p.setProperty("password", password);
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", p);
    }

    private static void assertRefused(int pgPort, String password) {
        assertThatThrownBy(() -> connect(pgPort, password).close())
                .as("a connection as postgres with password " + (password == null ? "none" : "\"" + password + "\""))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "28000", "08004"));
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Http http(ConfigurableApplicationContext ctx) {
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        Http anonymous = Http.to("http://localhost:" + port);
        Http.Answer login = anonymous.post("/api/auth/login",
                "{\"username\":\"admin\",\"password\":\"" + vn.daihoi.support.ApiTest.ADMIN_PASSWORD + "\"}");
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        return anonymous.as(login.body().path("token").asText());
    }

    @Test
    void unitsRegisteredOnTheEmbeddedDatabaseSurviveARestart() throws Exception {
        int pgPort = freePort();
        String unitId;
        try (ConfigurableApplicationContext first = start(pgPort)) {
            Http.Answer a = http(first).post("/api/units", """
                    {"code":"NN","name":"Liên đoàn Lao động thị xã Ngã Năm","kind":"PROVINCIAL_FEDERATION",
                     "effectiveOn":"2022-01-01","decision":{"number":"1/QĐ"}}""");
            assertThat(a.status()).as(a.raw()).isEqualTo(201);
            unitId = a.body().path("unit").path("unitId").asText();
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
        try (ConfigurableApplicationContext second = start(pgPort)) {
            Http.Answer a = http(second).get("/api/units/" + unitId + "?asOf=2023-01-01");
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.body().path("unit").path("name").asText()).isEqualTo("Liên đoàn Lao động thị xã Ngã Năm");
        }
    }

    @Test
    void theEmbeddedDefaultIsDurableListensOnLoopbackOnlyAndAdmitsOnlyItsRoleWithThePasswordKeptBesideTheData() throws Exception {
        int pgPort = freePort();
        try (ConfigurableApplicationContext app = start(pgPort)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            // ADR 0012: the jar's "-F" and synchronous_commit=off are overridden on the running server.
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show listen_addresses", String.class)).isEqualTo("127.0.0.1");
            assertThat(jdbc.queryForObject("select count(*) from pg_hba_file_rules where auth_method = 'trust'", Integer.class)).isZero();

            Path secret = dataDir.resolve("embedded-postgres.secret");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
            String password = Files.readString(secret).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(32);

            assertRefused(pgPort, null);
            assertRefused(pgPort, "postgres");
            assertRefused(pgPort, password + "x");
            try (java.sql.Connection c = connect(pgPort, password)) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
        // The secret is kept, not regenerated: the second start opens the same cluster with it.
        String before = Files.readString(dataDir.resolve("embedded-postgres.secret"));
        try (ConfigurableApplicationContext again = start(pgPort)) {
            assertThat(again.getBean(JdbcTemplate.class).queryForObject("show fsync", String.class)).isEqualTo("on");
        }
        assertThat(Files.readString(dataDir.resolve("embedded-postgres.secret"))).isEqualTo(before);
    }

    @Test
    void aDataFolderAnOlderReleaseLeftOpenToTrustIsClosedOnTheNextStart() throws Exception {
        int pgPort = freePort();
        // What the previous release created: the jar's defaults, initdb with "-A trust".
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).setPort(pgPort).start()) {
            try (java.sql.Connection c = connect(pgPort, null)) {
                assertThat(c.isValid(2)).as("the old cluster trusts anyone on loopback").isTrue();
            }
        }
        try (ConfigurableApplicationContext app = start(pgPort)) {
            assertRefused(pgPort, null);
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("select count(*) from pg_hba_file_rules where auth_method = 'trust'", Integer.class)).isZero();
            assertThat(http(app).get("/api/units").status()).isEqualTo(200);
        }
    }

    @Test
    void aStartThatOutlastsItsTimeoutFailsNamingTheSettingToRaise() throws Exception {
        int pgPort = freePort();
        assertThatThrownBy(() -> start(pgPort, "--daihoi.embedded.start-timeout=1ms").close())
                .satisfies(e -> {
                    Throwable t = e;
                    while (t != null && !(t instanceof IllegalStateException && t.getMessage().contains("DAIHOI_EMBEDDED_START_TIMEOUT"))) t = t.getCause();
                    assertThat(t).as("an IllegalStateException naming daihoi.embedded.start-timeout").isNotNull();
                    assertThat(t.getMessage()).contains("daihoi.embedded.start-timeout").contains("did not accept connections within 1 ms");
                });
        // The server the failed start launched is not left behind holding the port or the data.
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
        try (ConfigurableApplicationContext app = start(pgPort, "--daihoi.embedded.start-timeout=" + Duration.ofSeconds(60).toSeconds() + "s")) {
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("show fsync", String.class)).isEqualTo("on");
        }
    }
}
